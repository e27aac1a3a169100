// testConnection against the real PBX simulator (tools/simulator), with `ws` standing in for the
// browser's WebSocket and Node's fetch for the page's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { WebSocket } from 'ws';
import { startSimulator, type Simulator } from '../../../tools/simulator/simulator';
import { buildConnectionUrl } from '../../../src/settings/connection-url';
import { testConnection, type TestSocketCtor } from '../../../src/connection/connection-test';

const WebSocketImpl = WebSocket as unknown as TestSocketCtor;
let sim: Simulator;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  // The simulator checks ?domain= against its own loopback address, like a real PBX checks its domain.
  sim = await startSimulator({ port, apiKey: 'good-key', subscribers: ['101'], domain: `127.0.0.1:${port}`, log: () => undefined });
});
afterAll(async () => sim?.stop());

function urlFor(apiKey: string, subscriber = '101', port = sim.port): string {
  const built = buildConnectionUrl({ domain: `127.0.0.1:${port}`, apiKey, subscriber, urlTemplate: '' });
  if (!built.ok) throw new Error(built.error);
  return built.url;
}

describe('testConnection against the simulator', () => {
  it('connects with the right key', async () => {
    const report = await testConnection(urlFor('good-key'), { WebSocketImpl, firstFrameWaitMs: 200 });
    expect(report.result).toBe('connected');
  });

  it('says refused for a wrong key, with the HTTP answer that proves it', async () => {
    const report = await testConnection(urlFor('wrong-key'), { WebSocketImpl });
    expect(report).toMatchObject({ result: 'refused', httpStatus: 403, detail: 'optionsTestDetailAuth' });
  });

  it('says unreachable when nothing listens on the port', async () => {
    const report = await testConnection(urlFor('good-key', '101', 1), { WebSocketImpl });
    expect(report.result).toBe('unreachable');
  });
});
