// The ConnectionManager on a fake clock with fake sockets: what the real browser cannot force
// (worst-case dice, an hour of outage, a worker restarted mid-backoff, a sleeping laptop).
import { ConnectionManager, type ConnectionDeps, type ConnectionTuning, type SocketLike } from '../../../src/background/connection';
import { INITIAL_HEALTH, type Health, type SuspectReason } from '../../../src/connection/health';
import type { KeepAliveRecord } from '../../../src/connection/keep-alive-verdict';

export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(
    readonly url: string,
    readonly createdAt: number,
  ) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(code = 1000): void {
    this.closed ??= code;
  }
  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(data: string): void {
    this.onmessage?.({ data });
  }
  serverCloses(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
  /** Open and not closed by either side. */
  get isOpen(): boolean {
    return this.readyState === 1 && this.closed === null;
  }
}

/** Meets every new socket as soon as the clock runs (after the current call returns). */
export type ServerBehaviour = (socket: FakeSocket, h: Harness) => void;

export interface Harness {
  manager: ConnectionManager;
  sockets: FakeSocket[];
  frames: unknown[];
  health(): Health;
  keepAliveRecord(): KeepAliveRecord | null;
  replaced: Array<{ reason: SuspectReason; since: number }>;
  now(): number;
  /** Runs timers up to now + ms (at most 100,000 of them). */
  run(ms: number): Promise<void>;
  /** Jumps the clock without running timers in between: a frozen or sleeping machine. */
  sleep(ms: number): void;
  later(fn: () => void, ms: number): void;
  online: boolean;
  /** A new manager on the same clock with the stored health and keep-alive record: the worker restarted. */
  restartWorker(): void;
  openSockets(): FakeSocket[];
}

export const TARGET = { url: 'wss://pbx.example/live/connector/v3/easy?domain=pbx.example&apiKey=k&subscriber=101', displayUrl: 'redacted' };
export const TUNING: ConnectionTuning = { keepAliveMs: 20_000, silenceLimitMs: 60_000, wakeCheckMs: 2_000 };

export interface HarnessOptions {
  server?: ServerBehaviour;
  random?: () => number;
  tuning?: ConnectionTuning;
  storedKeepAlive?: unknown;
}

export function harness(options: HarnessOptions = {}): Harness {
  const random = options.random ?? (() => 0.5);
  let now = 1_700_000_000_000;
  let nextId = 1;
  let timers: Array<{ at: number; fn: () => void; id: number; owner: number }> = [];
  let generation = 0;
  let storedHealth: Health = INITIAL_HEALTH;
  let storedKeepAlive: KeepAliveRecord | null = null;
  const sockets: FakeSocket[] = [];
  const frames: unknown[] = [];
  const replaced: Harness['replaced'] = [];
  const setTimer = (fn: () => void, ms: number) => {
    const id = nextId++;
    timers.push({ at: now + Math.max(0, ms), fn, id, owner: generation });
    return id;
  };
  const build = (keepAlive: unknown): ConnectionManager => {
    const mine = generation;
    const deps: ConnectionDeps = {
      createSocket: (url) => {
        const socket = new FakeSocket(url, now);
        sockets.push(socket);
        if (options.server) setTimer(() => options.server?.(socket, h), 0);
        return socket;
      },
      now: () => now,
      random,
      setTimer,
      clearTimer: (id) => {
        timers = timers.filter((t) => t.id !== id);
      },
      isOnline: () => h.online,
      onFrame: (d) => {
        if (generation === mine) frames.push(d);
      },
      onHealth: (next) => {
        if (generation === mine) storedHealth = next;
      },
      keepWorkerBusy: () => undefined,
      onKeepAliveRecord: (record) => {
        if (generation === mine) storedKeepAlive = record;
      },
      onReplaced: (reason, since) => replaced.push({ reason, since }),
    };
    return new ConnectionManager(storedHealth, deps, options.tuning ?? TUNING, keepAlive);
  };
  const h: Harness = {
    manager: null as unknown as ConnectionManager,
    sockets,
    frames,
    replaced,
    online: true,
    health: () => h.manager.getHealth(),
    keepAliveRecord: () => storedKeepAlive,
    now: () => now,
    later: (fn, ms) => void setTimer(fn, ms),
    sleep(ms) {
      now += ms;
    },
    async run(ms) {
      const end = now + ms;
      for (let steps = 0; steps < 100_000; steps++) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.fn();
        for (let i = 0; i < 3; i++) await Promise.resolve();
      }
      now = Math.max(now, end);
    },
    restartWorker() {
      // A stopped worker's timers and sockets die with it; the browser closes its sockets.
      timers = [];
      generation += 1;
      for (const s of sockets) {
        s.onopen = s.onmessage = s.onclose = s.onerror = null;
        if (s.closed === null && s.readyState !== 3) s.closed = 1001;
      }
      h.manager = build(storedKeepAlive);
      // The sequence start-background.ts runs: configure from the stored settings, then the watchdog.
      h.manager.configure(TARGET);
      h.manager.ensure();
    },
    openSockets: () => sockets.filter((s) => s.isOpen || (s.readyState === 0 && s.closed === null)),
  };
  h.manager = build(options.storedKeepAlive ?? null);
  return h;
}

export function attemptsPerMinute(sockets: FakeSocket[], from: number, minutes: number): number[] {
  return Array.from({ length: minutes }, (_, m) => sockets.filter((s) => s.createdAt >= from + m * 60_000 && s.createdAt < from + (m + 1) * 60_000).length);
}

/** Servers. */
export const acceptThenClose: ServerBehaviour = (socket) => {
  socket.serverOpens();
  socket.serverCloses(1011);
};
export const accept: ServerBehaviour = (socket) => socket.serverOpens();
export const unreachable: ServerBehaviour = (socket) => socket.serverCloses(1006);
export const errorThenClose: ServerBehaviour = (socket, h) => {
  socket.serverOpens();
  socket.serverSends('{"event":"error","message":"invalid apiKey"}');
  h.manager.noteErrorFrame(); // what the pipeline does for an `error` frame
  socket.serverCloses(1008);
};
