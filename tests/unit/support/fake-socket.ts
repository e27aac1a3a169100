// A stand-in for src/background/socket-factory.ts: every socket the background opens is kept in
// `openedSockets`, and the test plays the PBX (open, send a frame, close). Use it with
//   vi.mock('<path>/src/background/socket-factory', async () => (await import('<path>/tests/unit/support/fake-socket')).fakeSocketFactory);
import type { SocketLike } from '../../../src/background/connection';

export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
  }
  /** The closing handshake completes on the next turn, as a browser's does. */
  close(code = 1000): void {
    if (this.readyState >= 2) return;
    this.closedWith = code;
    this.readyState = 2;
    queueMicrotask(() => this.serverCloses(code));
  }
  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  serverCloses(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

export const openedSockets: FakeSocket[] = [];

export const fakeSocketFactory = {
  createSocket(url: string): SocketLike {
    const socket = new FakeSocket(url);
    openedSockets.push(socket);
    return socket;
  },
  probeHost: async (): Promise<'up' | 'down'> => 'up',
};
