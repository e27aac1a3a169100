// Issue 8 cases 4, 5 and 6 at the level of the connection rules, with a fake clock and chosen
// dice: what the real-browser tests cannot force (worst-case jitter, an hour of refusals).
import { describe, expect, it } from 'vitest';
import { ConnectionManager, type ConnectionDeps, type SocketLike } from '../../../src/background/connection';
import { INITIAL_HEALTH } from '../../../src/shared/health';
import { RECONNECT } from '../../../src/shared/reconnect-policy';

class FakeSocket implements SocketLike {
  readyState = 0;
  closed: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string, readonly createdAt: number) {}
  send(): void {}
  close(code = 1000): void {
    this.closed = code;
  }
}

type ServerBehaviour = (socket: FakeSocket, h: Harness) => void;
interface Harness {
  manager: ConnectionManager;
  sockets: FakeSocket[];
  now(): number;
  run(ms: number): Promise<void>;
  later(fn: () => void, ms: number): void;
}

/** Every new socket meets `server` right away; timers run on a fake clock; at most 100,000 steps. */
function harness(server: ServerBehaviour, random: () => number, probe: 'up' | 'down'): Harness {
  let now = 1_700_000_000_000;
  let nextId = 1;
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  const sockets: FakeSocket[] = [];
  const setTimer = (fn: () => void, ms: number) => {
    const id = nextId++;
    timers.push({ at: now + Math.max(0, ms), fn, id });
    return id;
  };
  const h: Harness = {
    manager: null as unknown as ConnectionManager,
    sockets,
    now: () => now,
    later: (fn, ms) => void setTimer(fn, ms),
    async run(ms) {
      const end = now + ms;
      for (let steps = 0; steps < 100_000; steps++) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fn();
        // The refusal probe is a promise: let it settle before the next timer.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = end;
    },
  };
  const deps: ConnectionDeps = {
    createSocket: (url) => {
      const socket = new FakeSocket(url, now);
      sockets.push(socket);
      setTimer(() => server(socket, h), 0);
      return socket;
    },
    probe: async () => probe,
    now: () => now,
    random,
    setTimer,
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    onFrame: () => undefined,
    onHealth: () => undefined,
    keepWorkerBusy: () => undefined,
    onKeepAliveRejected: () => undefined,
  };
  h.manager = new ConnectionManager(INITIAL_HEALTH, deps, { keepAliveMs: 20_000, silenceLimitMs: 300_000 });
  return h;
}

const target = { url: 'wss://pbx.example/live/connector/v3/easy?domain=pbx.example&apiKey=k&subscriber=101', displayUrl: 'x' };

const acceptThenClose: ServerBehaviour = (socket) => {
  socket.readyState = 1;
  socket.onopen?.({});
  socket.readyState = 3;
  socket.onclose?.({ code: 1011, reason: '' });
};

function attemptsPerMinute(sockets: FakeSocket[], from: number, minutes: number): number[] {
  return Array.from({ length: minutes }, (_, m) => sockets.filter((s) => s.createdAt >= from + m * 60_000 && s.createdAt < from + (m + 1) * 60_000).length);
}

describe('accept-then-close loop (case 4)', () => {
  it.each([
    ['worst-case dice (always 0)', () => 0],
    ['best-case dice (always ~1)', () => 0.999_999],
    ['ordinary dice', () => Math.random()],
  ])('keeps attempts per minute bounded with %s: at most 15 in the first minute, at most 8 in any later one', async (_name, random) => {
    const h = harness(acceptThenClose, random, 'up');
    const start = h.now();
    h.manager.configure(target);
    await h.run(10 * 60_000);
    const perMinute = attemptsPerMinute(h.sockets, start, 10);
    expect(perMinute[0]).toBeLessThanOrEqual(15);
    expect(Math.max(...perMinute.slice(1))).toBeLessThanOrEqual(8);
    // It never gives up either: a server that accepts is not refusing.
    expect(Math.min(...perMinute)).toBeGreaterThanOrEqual(2);
    expect(h.manager.getHealth().state).not.toBe('stopped');
  });

  it('grows the wait between attempts (with jitter) while the connection never stays up', async () => {
    const h = harness(acceptThenClose, () => 0.9, 'up');
    h.manager.configure(target);
    await h.run(5 * 60_000);
    const gaps = h.sockets.slice(1).map((s, i) => s.createdAt - h.sockets[i]!.createdAt);
    expect(gaps.slice(0, 5)).toEqual([...gaps.slice(0, 5)].sort((a, b) => a - b));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(gaps.at(-1)).toBeGreaterThan(RECONNECT.maxDelayMs / 2);
  });

  it('resets the backoff only after a connection stayed up for the stable period', async () => {
    let upFor = 0;
    const closeAfter: ServerBehaviour = (socket, h) => {
      socket.readyState = 1;
      socket.onopen?.({});
      h.later(() => {
        socket.readyState = 3;
        socket.onclose?.({ code: 1001, reason: '' });
      }, upFor);
    };
    const h = harness(closeAfter, () => 0.999_999, 'up');
    h.manager.configure(target);
    await h.run(3 * 60_000);
    const grown = h.manager.getHealth().failedAttempts;
    expect(grown).toBeGreaterThanOrEqual(5);
    upFor = RECONNECT.stableAfterMs - 1_000; // not stable yet: keeps counting
    await h.run(3 * 60_000);
    expect(h.manager.getHealth().failedAttempts).toBeGreaterThan(grown);
    upFor = RECONNECT.stableAfterMs + 1_000;
    await h.run(3 * 60_000);
    expect(h.manager.getHealth().failedAttempts).toBeLessThanOrEqual(2);
  });
});

describe('wrong API key (case 5)', () => {
  it('an `error` frame then a quick close counts as a refusal: stops after three, then at most 3 attempts per hour until the settings change', async () => {
    const errorThenClose: ServerBehaviour = (socket, h) => {
      socket.readyState = 1;
      socket.onopen?.({});
      socket.onmessage?.({ data: '{"event":"error","message":"invalid apiKey"}' });
      h.manager.noteErrorFrame(); // what the pipeline does for an `error` frame
      socket.readyState = 3;
      socket.onclose?.({ code: 1008, reason: '' });
    };
    const h = harness(errorThenClose, () => 0.5, 'up');
    h.manager.configure(target);
    await h.run(60_000);
    expect(h.manager.getHealth()).toMatchObject({ state: 'stopped', stopReason: 'refused' });
    expect(h.sockets).toHaveLength(RECONNECT.refusalsBeforeStop);
    const stoppedAt = h.sockets.length;
    await h.run(60 * 60_000);
    expect(h.sockets.length - stoppedAt).toBeLessThanOrEqual(3);
    h.manager.configure({ ...target, url: `${target.url}&fixed=1` });
    await h.run(0);
    expect(h.sockets.at(-1)?.url).toContain('fixed=1');
  });
});

describe('PBX down at browser start (case 6)', () => {
  it('never goes dormant: an unreachable PBX is retried at least every 30 s for an hour', async () => {
    const unreachable: ServerBehaviour = (socket) => {
      socket.readyState = 3;
      socket.onclose?.({ code: 1006, reason: '' });
    };
    const h = harness(unreachable, () => 0.999_999, 'down');
    const start = h.now();
    h.manager.configure(target);
    await h.run(60 * 60_000);
    expect(h.manager.getHealth().state).toBe('reconnecting');
    const times = h.sockets.map((s) => s.createdAt);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(h.now() - times.at(-1)!).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(times[0]).toBe(start);
  });
});
