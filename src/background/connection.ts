// Holds the one PBX socket. Everything that touches the outside world is injected, so the
// rules (one socket, backoff, refusal detection, keep-alive fallback) are unit-tested with fakes.
import type { Health } from '../shared/health';
import { RECONNECT, backoffDelayMs, nextStepAfter, type AttemptEnd } from '../shared/reconnect-policy';
import { noteFrameArrival } from './timing-probe';

/** The part of the DOM WebSocket we use. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ConnectionTuning {
  /** How often the worker is kept busy while connected (Chrome stops an idle worker after 30 s). */
  keepAliveMs: number;
  /** A connection that heard nothing for this long is replaced: the only way a browser can detect a half-open socket. */
  silenceLimitMs: number;
}

/** How long a settings change waits for the old socket's closing handshake before connecting anew. */
export const CLOSE_WAIT_MS = 2_000;

export const DEFAULT_TUNING: ConnectionTuning = { keepAliveMs: 20_000, silenceLimitMs: 5 * 60_000 };

/** What we send to keep the socket busy; the PBX ignores client frames (PROTOCOL.md says nothing of them). */
export const KEEP_ALIVE_FRAME = '{"event":"ping"}';

export interface ConnectionDeps {
  createSocket(url: string): SocketLike;
  /** Is anything answering HTTP at this URL's host? Tells a refused handshake from an unreachable PBX. */
  probe(url: string): Promise<'up' | 'down'>;
  now(): number;
  random(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** A frame as it came off the socket. */
  onFrame(data: unknown): void;
  /** Health changed (the manager owns the connection fields of Health). */
  onHealth(health: Health): void;
  /** Keeps the worker alive without talking to the server (an extension API call resets Chrome's idle timer). */
  keepWorkerBusy(): void;
  /** The server closed us right after a keep-alive frame: it does not accept client frames. */
  onKeepAliveRejected(): void;
}

interface Target {
  url: string;
  displayUrl: string;
}

export class ConnectionManager {
  private socket: SocketLike | null = null;
  private target: Target | null = null;
  private openedAt: number | null = null;
  private lastKeepAliveAt = 0;
  private gotErrorFrame = false;
  private retryTimer: unknown = null;
  private connectTimer: unknown = null;
  private keepAliveTimer: unknown = null;
  /** True while a settings change waits for the old socket to close: no new socket meanwhile. */
  private closingOld = false;

  constructor(
    private health: Health,
    private readonly deps: ConnectionDeps,
    private tuning: ConnectionTuning = DEFAULT_TUNING,
  ) {}

  getHealth(): Health {
    return this.health;
  }

  setTuning(tuning: ConnectionTuning): void {
    this.tuning = tuning;
  }

  /** Settings say where to connect. A new URL closes the old socket before the key goes anywhere new. */
  configure(target: Target | null, stopReason: Health['stopReason'] = null): void {
    const changed = target?.url !== this.target?.url;
    if (!changed && target) return this.ensure();
    this.clearRetry();
    this.target = target;
    this.update({ failedAttempts: 0, refusals: 0, stopReason: null, retryAt: null, displayUrl: target?.displayUrl ?? null });
    if (!target) {
      this.closeSocket(null);
      this.update({ state: stopReason ? 'stopped' : 'not-configured', stopReason });
      return;
    }
    // The key may go to the new address only once the old connection is gone (issue 8 §17).
    this.closeSocket(() => this.connect());
  }

  /** Called by alarms, start-up and pages: connect if nothing is connected or scheduled. Never opens a second socket. */
  ensure(): void {
    if (!this.target || this.socket) return;
    const { state, retryAt } = this.health;
    const due = retryAt === null || retryAt <= this.deps.now();
    if (this.retryTimer !== null && !due) return;
    if ((state === 'stopped' || state === 'reconnecting') && !due && retryAt !== null) {
      // The worker was stopped while waiting: its timer died with it, so schedule the rest of the wait.
      this.retryTimer = this.deps.setTimer(() => {
        this.retryTimer = null;
        this.connect();
      }, retryAt - this.deps.now());
      return;
    }
    this.connect();
  }

  /** "Retry now" from a page: skip the wait, even when stopped for refusals. */
  retryNow(): void {
    if (!this.target) return;
    this.clearRetry();
    if (!this.socket) this.connect();
  }

  /** The PBX sent an `error` frame on this connection (a wrong key may show up that way). */
  noteErrorFrame(): void {
    this.gotErrorFrame = true;
  }

  private connect(): void {
    const target = this.target;
    if (!target || this.socket || this.closingOld) return;
    this.clearRetry();
    this.update({ state: 'connecting', retryAt: null });
    let socket: SocketLike;
    try {
      socket = this.deps.createSocket(target.url);
    } catch {
      // The constructor throws only for a malformed URL: retrying will not help.
      this.update({ state: 'stopped', stopReason: 'invalid-settings' });
      return;
    }
    this.socket = socket;
    this.openedAt = null;
    this.gotErrorFrame = false;
    this.connectTimer = this.deps.setTimer(() => {
      if (this.socket === socket && this.openedAt === null) this.finish(socket, { kind: 'timeout' }, null);
    }, RECONNECT.connectTimeoutMs);

    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.openedAt = this.deps.now();
      this.deps.clearTimer(this.connectTimer);
      this.update({ state: 'connected', connectedSince: this.openedAt, stopReason: null, retryAt: null, lastCloseCode: null });
      this.startKeepAlive(socket);
    };
    socket.onmessage = (event) => {
      noteFrameArrival(event.data); // bench-only, a no-op unless enabled (timing-probe.ts)
      if (this.socket !== socket) return;
      this.health = { ...this.health, lastFrameAt: this.deps.now() };
      this.deps.onFrame(event.data);
    };
    socket.onerror = () => undefined; // onclose always follows and carries the code.
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      if (this.openedAt === null) {
        void this.classifyFailedHandshake(target.url).then((end) => this.finish(socket, end, event.code));
        return;
      }
      const now = this.deps.now();
      const upForMs = now - this.openedAt;
      const afterKeepAlive = this.health.keepAlive === 'frames' && this.lastKeepAliveAt > 0 && now - this.lastKeepAliveAt < 2_000;
      if (afterKeepAlive) this.deps.onKeepAliveRejected();
      // A PBX error frame followed by a quick close is how a wrong key may look once connected.
      const refusedAfterOpen = this.gotErrorFrame && upForMs < 5_000;
      this.finish(socket, refusedAfterOpen ? { kind: 'refused' } : { kind: 'closed-after-open', upForMs }, event.code);
    };
  }

  private async classifyFailedHandshake(url: string): Promise<AttemptEnd> {
    const verdict = await this.deps.probe(url).catch(() => 'down' as const);
    return verdict === 'up' ? { kind: 'refused' } : { kind: 'unreachable' };
  }

  private finish(socket: SocketLike, end: AttemptEnd, code: number | null): void {
    if (this.socket !== socket) return;
    this.detach(socket);
    if (end.kind === 'timeout') socket.close();
    const step = nextStepAfter({ attempt: this.health.failedAttempts, refusals: this.health.refusals }, end, this.deps.random());
    // Full jitter may roll ~0 again and again (a server that accepts then closes would then be hammered
    // thousands of times a minute): a floor of a quarter of the ceiling keeps attempts per minute bounded.
    const delayMs = Math.max(step.delayMs, Math.floor(backoffDelayMs(step.book.attempt - 1, 1) / 4));
    const retryAt = this.deps.now() + delayMs;
    this.update({
      state: step.kind === 'stop-refused' ? 'stopped' : 'reconnecting',
      stopReason: step.kind === 'stop-refused' ? 'refused' : null,
      retryAt,
      connectedSince: null,
      lastCloseCode: code,
      failedAttempts: step.book.attempt,
      refusals: step.book.refusals,
      reconnectCount: this.health.reconnectCount + 1,
    });
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      this.connect();
    }, delayMs);
  }

  private startKeepAlive(socket: SocketLike): void {
    const tick = () => {
      if (this.socket !== socket) return;
      this.deps.keepWorkerBusy();
      const now = this.deps.now();
      const lastHeard = Math.max(this.health.lastFrameAt ?? 0, this.openedAt ?? 0);
      if (now - lastHeard >= this.tuning.silenceLimitMs) {
        // Nothing heard for too long: maybe half-open. A fresh handshake proves the PBX is there.
        this.detach(socket);
        socket.close(4000, 'silence');
        this.update({ state: 'connecting' });
        this.connect();
        return;
      }
      if (this.health.keepAlive === 'frames' && socket.readyState === 1) {
        this.lastKeepAliveAt = now;
        socket.send(KEEP_ALIVE_FRAME);
      }
      this.keepAliveTimer = this.deps.setTimer(tick, this.tuning.keepAliveMs);
    };
    this.keepAliveTimer = this.deps.setTimer(tick, this.tuning.keepAliveMs);
  }

  private detach(socket: SocketLike): void {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    this.socket = null;
    this.openedAt = null;
    this.deps.clearTimer(this.connectTimer);
    this.deps.clearTimer(this.keepAliveTimer);
  }

  /** Closes the socket; `then` runs once the browser reports it closed (or after CLOSE_WAIT_MS). */
  private closeSocket(then: (() => void) | null): void {
    const socket = this.socket;
    if (!socket) {
      then?.();
      return;
    }
    this.detach(socket);
    if (then) {
      this.closingOld = true;
      let timer: unknown = null;
      const proceed = () => {
        if (!this.closingOld) return;
        this.closingOld = false;
        this.deps.clearTimer(timer);
        socket.onclose = null;
        then();
      };
      socket.onclose = proceed;
      // A server that never answers the closing handshake must not keep the new connection waiting.
      timer = this.deps.setTimer(proceed, CLOSE_WAIT_MS);
    }
    socket.close(1000, 'settings changed');
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  /** Only the counters move on frames; everything else goes out through onHealth. */
  countFrame(accepted: boolean, reason: string | null): void {
    const h = this.health;
    this.health = accepted
      ? { ...h, framesAccepted: h.framesAccepted + 1 }
      : { ...h, framesRejected: h.framesRejected + 1, lastRejections: [...h.lastRejections.slice(-4), { at: this.deps.now(), reason: reason ?? '' }] };
  }

  notePbxError(message: string): void {
    this.health = { ...this.health, lastPbxError: { at: this.deps.now(), message } };
  }

  setKeepAliveMode(mode: Health['keepAlive']): void {
    this.update({ keepAlive: mode });
  }

  private update(patch: Partial<Health>): void {
    this.health = { ...this.health, ...patch };
    this.deps.onHealth(this.health);
  }
}
