import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, ConnectionManager, KEEP_ALIVE_FRAME, type ConnectionDeps, type SocketLike } from '../../../src/background/connection';
import { INITIAL_HEALTH, type Health } from '../../../src/shared/health';
import { RECONNECT } from '../../../src/shared/reconnect-policy';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closed = code;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverCloses(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function harness(probe: 'up' | 'down' = 'down') {
  let now = 1_000_000;
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const sockets: FakeSocket[] = [];
  const frames: unknown[] = [];
  const healthLog: Health[] = [];
  let keepAliveRejected = 0;
  const deps: ConnectionDeps = {
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    probe: async () => probe,
    now: () => now,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    onFrame: (d) => frames.push(d),
    onHealth: (h) => healthLog.push(h),
    keepWorkerBusy: () => undefined,
    onKeepAliveRejected: () => keepAliveRejected++,
  };
  const manager = new ConnectionManager(INITIAL_HEALTH, deps, { keepAliveMs: 20_000, silenceLimitMs: 300_000 });
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      now = next.at;
      next.fn();
      await Promise.resolve();
    }
    now = end;
    await new Promise((r) => setTimeout(r, 0));
  };
  return { manager, sockets, frames, healthLog, advance, keepAliveRejected: () => keepAliveRejected };
}

const target = { url: 'ws://127.0.0.1:1/live/connector/v3/easy?domain=d&apiKey=k&subscriber=101', displayUrl: 'redacted' };

describe('ConnectionManager', () => {
  it('opens exactly one socket however many wake-ups arrive at once', () => {
    const h = harness();
    h.manager.configure(target);
    h.manager.ensure();
    h.manager.ensure();
    h.manager.configure(target);
    expect(h.sockets).toHaveLength(1);
  });

  it('passes frames on and reports connected', () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    h.sockets[0]!.onmessage?.({ data: '{"event":"call.dial"}' });
    expect(h.frames).toEqual(['{"event":"call.dial"}']);
    expect(h.manager.getHealth().state).toBe('connected');
  });

  it('a settings change closes the old socket and opens one to the new address only once the old one is closed', () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    h.manager.configure({ url: 'ws://127.0.0.1:2/x', displayUrl: 'x' });
    expect(h.sockets[0]!.closed).toBe(1000);
    h.manager.ensure(); // an alarm at that moment must not jump the queue
    expect(h.sockets).toHaveLength(1);
    h.sockets[0]!.serverCloses(1000);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]!.url).toBe('ws://127.0.0.1:2/x');
  });

  it('a settings change does not wait for ever on a server that never completes the closing handshake', async () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    h.manager.configure({ url: 'ws://127.0.0.1:2/x', displayUrl: 'x' });
    await h.advance(CLOSE_WAIT_MS);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]!.url).toBe('ws://127.0.0.1:2/x');
  });

  it('reconnects by itself after the server drops the connection', async () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    h.sockets[0]!.serverCloses(1006);
    expect(h.manager.getHealth().state).toBe('reconnecting');
    await h.advance(RECONNECT.baseDelayMs);
    expect(h.sockets).toHaveLength(2);
  });

  it('gives up a handshake that never completes after the connect timeout, then retries', async () => {
    const h = harness();
    h.manager.configure(target);
    await h.advance(RECONNECT.connectTimeoutMs);
    expect(h.sockets[0]!.closed).not.toBeNull();
    expect(h.manager.getHealth().state).toBe('reconnecting');
    await h.advance(RECONNECT.maxDelayMs);
    expect(h.sockets.length).toBeGreaterThanOrEqual(2);
  });

  it('stops fast retries when the PBX keeps refusing the handshake and says check settings', async () => {
    const h = harness('up');
    h.manager.configure(target);
    for (let i = 0; i < 10 && h.manager.getHealth().state !== 'stopped'; i++) {
      const before = h.sockets.length;
      h.sockets.at(-1)!.serverCloses(1006);
      await h.advance(1);
      for (let waited = 0; h.sockets.length === before && waited < RECONNECT.maxDelayMs; waited += 100) await h.advance(100);
    }
    const health = h.manager.getHealth();
    expect(health.state).toBe('stopped');
    expect(health.stopReason).toBe('refused');
    const attempts = h.sockets.length;
    expect(attempts).toBe(RECONNECT.refusalsBeforeStop);
    await h.advance(10 * 60_000);
    expect(h.sockets.length).toBe(attempts); // no retry storm
  });

  it('sends keep-alive frames, and falls back to API keep-alive when the server closes on them', async () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    await h.advance(20_000);
    expect(h.sockets[0]!.sent).toEqual([KEEP_ALIVE_FRAME]);
    h.sockets[0]!.serverCloses(1008);
    expect(h.keepAliveRejected()).toBe(1);
  });

  it('replaces a connection that stayed silent past the limit (half-open detection)', async () => {
    const h = harness();
    h.manager.configure(target);
    h.sockets[0]!.serverOpens();
    await h.advance(300_000);
    expect(h.sockets[0]!.closed).toBe(4000);
    expect(h.sockets).toHaveLength(2);
  });
});
