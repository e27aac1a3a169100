// A TCP proxy between the extension and the simulator that can turn every live connection into a
// zombie: both directions silently dropped, no FIN, no RST, the socket still open at both ends. That
// is what a NAT timeout, a Wi-Fi change or a laptop sleep leaves behind. New connections pass normally.
import { createServer, connect, type Socket } from 'node:net';

export interface BlackholeProxy {
  /** The loopback port the extension connects to. */
  readonly port: number;
  /** Drops every byte of every connection open now, in both directions; returns how many. */
  blackholeAll(): number;
  /** Connections open now (zombies included). */
  openConnections(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  holed: boolean;
}

export async function startBlackholeProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<BlackholeProxy> {
  const pairs = new Set<Pair>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair: Pair = { client, upstream, holed: false };
    pairs.add(pair);
    client.on('data', (chunk) => {
      if (!pair.holed) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.holed) client.write(chunk);
    });
    // A zombie tells neither side anything: a close on one end never reaches the other.
    const end = (other: Socket) => () => {
      if (!pair.holed) other.destroy();
      if (client.destroyed && upstream.destroyed) pairs.delete(pair);
    };
    client.on('close', end(upstream));
    upstream.on('close', end(client));
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('blackhole proxy has no port');
  return {
    port: address.port,
    blackholeAll() {
      let count = 0;
      for (const pair of pairs) {
        if (pair.holed || pair.client.destroyed) continue;
        pair.holed = true;
        count += 1;
      }
      return count;
    },
    openConnections: () => [...pairs].filter((p) => !p.client.destroyed).length,
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
