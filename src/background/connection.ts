// Holds the PBX socket. Everything that touches the outside world is injected, so the rules
// (backoff, make-before-break replacement, the signals that a socket went stale, the keep-alive
// verdict) are unit-tested with fakes. docs/connection.md tells the story in an agent's words.
import type { Health, SuspectReason } from '../connection/health';
import { RECONNECT, nextStepAfter, type AttemptEnd } from '../connection/reconnect-policy';
import { DEFAULT_TUNING, type ConnectionTuning } from '../connection/tuning';
import {
  afterFrameSurvived,
  afterSocketEnd,
  currentRecord,
  freshRecord,
  keepAliveRecordSchema,
  targetFingerprint,
  type KeepAliveRecord,
} from '../connection/keep-alive-verdict';
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


/** How long a settings change waits for the old socket's closing handshake before connecting anew. */
export const CLOSE_WAIT_MS = 2_000;
/** A wake check this late means the machine slept or the browser was frozen: the socket is suspect. */
export const LATE_TIMER_MS = 8_000;
/** After a replacement opens, the old socket still delivers frames this long (the reducer drops duplicates). */
export const OVERLAP_GRACE_MS = 1_000;


/** What we send to keep the socket busy; the PBX ignores client frames (docs/protocol.md says nothing of them). */
export const KEEP_ALIVE_FRAME = '{"event":"ping"}';

export interface ConnectionDeps {
  createSocket(url: string): SocketLike;
  now(): number;
  random(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** `navigator.onLine`: a change to true is a signal (Chromium's worker fires no `online` event). */
  isOnline(): boolean;
  /** A frame as it came off the socket. */
  onFrame(data: unknown): void;
  /** Health changed (the manager owns the connection fields of Health). */
  onHealth(health: Health): void;
  /** Keeps the worker alive without talking to the server (an extension API call resets Chrome's idle timer). */
  keepWorkerBusy(): void;
  /** The keep-alive verdict changed: persist it (it outlives the browser session). */
  onKeepAliveRecord(record: KeepAliveRecord): void;
  /** A suspect socket was replaced by an open one; `since` is when the old one was last known good. */
  onReplaced(reason: SuspectReason, since: number): void;
}

interface Target {
  url: string;
  displayUrl: string;
}

/** One socket and what we know of it. */
interface Attempt {
  socket: SocketLike;
  openedAt: number | null;
  gotErrorFrame: boolean;
  framesSent: number;
  lastFrameSentAt: number | null;
  timers: unknown[];
}



export { DEFAULT_TUNING, type ConnectionTuning };
export class ConnectionManager {
  /** The open socket frames come from. */
  private live: Attempt | null = null;
  /** A handshake in flight: the first connection, or a replacement while `live` still works. */
  private pending: Attempt | null = null;
  /** A replaced socket in its short grace period. Never at the same time as `pending`: at most two sockets. */
  private retiring: Attempt | null = null;
  private target: Target | null = null;
  private retryTimer: unknown = null;
  private wakeTimer: unknown = null;
  private wakeDueAt = 0;
  private wasOnline = true;
  private offlineSince: number | null = null;
  private replacing: { reason: SuspectReason; since: number } | null = null;
  /** True while a settings change waits for the old sockets to close: no new socket meanwhile. */
  private closingOld = false;
  private keepAlive: KeepAliveRecord;

  constructor(
    private health: Health,
    private readonly deps: ConnectionDeps,
    private tuning: ConnectionTuning = DEFAULT_TUNING,
    storedKeepAlive: unknown = null,
  ) {
    const parsed = keepAliveRecordSchema.safeParse(storedKeepAlive);
    this.keepAlive = parsed.success ? parsed.data : freshRecord(deps.now(), 'default', null);
  }

  getHealth(): Health {
    return this.health;
  }

  setTuning(tuning: ConnectionTuning): void {
    this.tuning = tuning;
  }

  /**
   * Settings say where to connect. A new URL resets the backoff and closes the old socket before the
   * key goes anywhere new. The same URL as the stored health's (a restarted worker) continues the
   * stored attempt count, stop and `retryAt`.
   */
  configure(target: Target | null, stopReason: Health['stopReason'] = null): void {
    if (target && target.url === this.target?.url) return this.ensure();
    const fingerprint = target ? targetFingerprint(target.url) : null;
    const continuing = target !== null && this.target === null && this.health.target === fingerprint;
    this.clearRetry();
    this.target = target;
    if (fingerprint !== null) this.applyKeepAlive(currentRecord(this.keepAlive, fingerprint, this.deps.now()));
    if (continuing) {
      this.update({ displayUrl: target.displayUrl });
      this.startWakeCheck();
      return this.ensure();
    }
    this.update({ failedAttempts: 0, refusals: 0, stopReason: null, retryAt: null, displayUrl: target?.displayUrl ?? null, target: fingerprint });
    if (!target) {
      this.stopWakeCheck();
      this.closeAll(null);
      this.update({ state: stopReason ? 'stopped' : 'not-configured', stopReason });
      return;
    }
    this.startWakeCheck();
    // The key may go to the new address only once the old connection is gone (issue 8 §17).
    this.closeAll(() => this.connect());
  }

  /** Called by alarms, start-up and pages: connect if nothing is connected or scheduled. */
  ensure(): void {
    if (!this.target || this.live || this.pending || this.closingOld) return;
    const { retryAt } = this.health;
    const now = this.deps.now();
    if (retryAt !== null && retryAt > now) {
      // The worker was stopped while waiting: its timer died with it, so schedule the rest of the wait.
      this.retryTimer ??= this.deps.setTimer(() => {
        this.retryTimer = null;
        this.connect();
      }, retryAt - now);
      return;
    }
    this.connect();
  }

  /** "Retry now" from a page: forget the failures and skip the wait, even when slowed down for rejections. */
  retryNow(): void {
    if (!this.target) return;
    this.clearRetry();
    this.update({ failedAttempts: 0, refusals: 0, stopReason: null, retryAt: null });
    if (!this.live && !this.pending) this.connect();
  }

  /**
   * The world changed under the socket (a late timer after sleep, the network back, the user back
   * from idle, or too long a silence): replace it make-before-break. Waiting for a retry, try now.
   */
  suspect(reason: SuspectReason, since: number = this.deps.now()): void {
    if (!this.target || this.closingOld) return;
    if (this.live) {
      // One replacement at a time, and never while the last one's old socket is still closing.
      if (this.pending || this.retiring) return;
      this.replacing = { reason, since };
      this.open();
      return;
    }
    // Slowed down on the PBX's own word: a wake or a network change says nothing about the settings.
    if (this.pending || this.health.stopReason === 'refused' || this.retryTimer === null) return;
    this.connect();
  }

  /** The watchdog alarm fired; a firing far behind its schedule means the machine slept. */
  noteAlarm(scheduledTime: number): void {
    const late = this.deps.now() - scheduledTime;
    if (late >= LATE_TIMER_MS) this.suspect('wake', scheduledTime);
    this.ensure();
  }

  /** The PBX sent an `error` frame on this connection (a wrong key may show up that way). */
  noteErrorFrame(): void {
    if (this.live) this.live.gotErrorFrame = true;
  }

  /** "Try frames again" from diagnostics. */
  resetKeepAlive(): void {
    this.applyKeepAlive(freshRecord(this.deps.now(), 'manual', this.keepAlive.target));
  }

  private connect(): void {
    if (!this.target || this.live || this.pending || this.closingOld) return;
    this.clearRetry();
    this.update({ state: 'connecting', retryAt: null });
    this.open();
  }

  /** Starts one handshake into `pending`. */
  private open(): void {
    const target = this.target;
    if (!target) return;
    let socket: SocketLike;
    try {
      socket = this.deps.createSocket(target.url);
    } catch {
      // The constructor throws only for a malformed URL: retrying will not help.
      this.replacing = null;
      if (!this.live) this.update({ state: 'stopped', stopReason: 'invalid-settings' });
      return;
    }
    const attempt: Attempt = { socket, openedAt: null, gotErrorFrame: false, framesSent: 0, lastFrameSentAt: null, timers: [] };
    this.pending = attempt;
    attempt.timers.push(this.deps.setTimer(() => this.handshakeFailed(attempt, { kind: 'timeout' }, null), RECONNECT.connectTimeoutMs));
    socket.onopen = () => this.opened(attempt);
    socket.onmessage = (event) => this.received(attempt, event.data);
    socket.onerror = () => undefined; // onclose always follows and carries the code.
    socket.onclose = (event) => this.closed(attempt, event.code);
  }

  private opened(attempt: Attempt): void {
    if (this.pending !== attempt) return;
    const now = this.deps.now();
    this.clearTimers(attempt);
    this.pending = null;
    attempt.openedAt = now;
    const old = this.live;
    this.live = attempt;
    if (old) this.retire(old);
    this.startKeepAlive(attempt);
    const replaced = this.replacing;
    this.replacing = null;
    const stillConnected = old !== null && this.health.connectedSince !== null;
    this.update({
      state: 'connected',
      connectedSince: stillConnected ? this.health.connectedSince : now,
      stopReason: null,
      retryAt: null,
      lastCloseCode: null,
      ...(replaced ? { replacements: this.health.replacements + 1, lastReplacement: { at: now, reason: replaced.reason } } : {}),
    });
    // A long-lived worker must see a verdict expire too, not only a restarted one.
    if (this.target) this.applyKeepAlive(currentRecord(this.keepAlive, targetFingerprint(this.target.url), now));
    if (replaced) this.deps.onReplaced(replaced.reason, replaced.since);
  }

  private received(attempt: Attempt, data: unknown): void {
    noteFrameArrival(data); // bench-only, a no-op unless enabled (timing-probe.ts)
    if (attempt !== this.live && attempt !== this.retiring) return;
    this.health = { ...this.health, lastFrameAt: this.deps.now() };
    this.deps.onFrame(data);
  }

  private closed(attempt: Attempt, code: number): void {
    if (attempt === this.retiring) {
      this.detach(attempt);
      this.retiring = null;
      return;
    }
    if (attempt === this.pending) return this.handshakeFailed(attempt, { kind: 'failed' }, code);
    if (attempt !== this.live || attempt.openedAt === null) return;
    const now = this.deps.now();
    const upForMs = now - attempt.openedAt;
    this.applyKeepAlive(
      afterSocketEnd(
        this.keepAlive,
        { framesSent: attempt.framesSent, msAfterLastFrame: attempt.lastFrameSentAt === null ? null : now - attempt.lastFrameSentAt, code },
        now,
      ),
    );
    this.detach(attempt);
    this.live = null;
    if (this.pending) {
      // The replacement is already on its way: wait for it instead of backing off.
      this.update({ state: 'connecting', connectedSince: null, lastCloseCode: code });
      return;
    }
    // A PBX error frame followed by a quick close is how a wrong key may look once connected.
    const pbxRejected = attempt.gotErrorFrame && upForMs < RECONNECT.rejectedWithinMs;
    this.scheduleRetry({ kind: 'closed-after-open', upForMs, pbxRejected }, code);
  }

  private handshakeFailed(attempt: Attempt, end: AttemptEnd, code: number | null): void {
    if (this.pending !== attempt) return;
    this.detach(attempt);
    this.pending = null;
    if (end.kind === 'timeout') attempt.socket.close();
    const old = this.live;
    if (old) {
      // A replacement failed: the socket it was to replace is suspect, so it goes too and we back off.
      this.detach(old);
      this.live = null;
      old.socket.close(4000, 'replacement failed');
    }
    this.replacing = null;
    this.scheduleRetry(end, code);
  }

  private scheduleRetry(end: AttemptEnd, code: number | null): void {
    const step = nextStepAfter({ attempt: this.health.failedAttempts, refusals: this.health.refusals }, end, this.deps.random());
    const retryAt = this.deps.now() + step.delayMs;
    const stop = step.kind === 'stop-rejected';
    this.update({
      state: stop ? 'stopped' : 'reconnecting',
      stopReason: stop ? 'refused' : null,
      retryAt,
      connectedSince: null,
      lastCloseCode: code,
      failedAttempts: step.book.attempt,
      refusals: step.book.refusals,
      reconnectCount: this.health.reconnectCount + 1,
    });
    this.clearRetry();
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      this.connect();
    }, step.delayMs);
  }

  private retire(old: Attempt): void {
    this.clearTimers(old);
    this.retiring = old;
    old.timers.push(
      this.deps.setTimer(() => {
        if (this.retiring !== old) return;
        this.detach(old);
        this.retiring = null;
        old.socket.close(4000, 'replaced');
      }, OVERLAP_GRACE_MS),
    );
  }

  private startKeepAlive(attempt: Attempt): void {
    const tick = () => {
      if (this.live !== attempt) return;
      this.deps.keepWorkerBusy();
      if (this.health.keepAlive === 'frames' && attempt.socket.readyState === 1) {
        if (attempt.framesSent > 0) this.applyKeepAlive(afterFrameSurvived(this.keepAlive));
        attempt.framesSent += 1;
        attempt.lastFrameSentAt = this.deps.now();
        attempt.socket.send(KEEP_ALIVE_FRAME);
      }
      attempt.timers.push(this.deps.setTimer(tick, this.tuning.keepAliveMs));
    };
    attempt.timers.push(this.deps.setTimer(tick, this.tuning.keepAliveMs));
  }

  /** Every `wakeCheckMs` while configured: a late check (sleep), the network back, or a silent socket. */
  private startWakeCheck(): void {
    if (this.wakeTimer !== null) return;
    this.wasOnline = this.deps.isOnline();
    const schedule = () => {
      this.wakeDueAt = this.deps.now() + this.tuning.wakeCheckMs;
      this.wakeTimer = this.deps.setTimer(check, this.tuning.wakeCheckMs);
    };
    const check = () => {
      const now = this.deps.now();
      const lastTick = this.wakeDueAt - this.tuning.wakeCheckMs;
      const online = this.deps.isOnline();
      const cameOnline = online && !this.wasOnline;
      if (!online && this.wasOnline) this.offlineSince = now;
      this.wasOnline = online;
      if (now - this.wakeDueAt >= LATE_TIMER_MS) this.suspect('wake', lastTick);
      else if (cameOnline) this.suspect('online', this.offlineSince ?? lastTick);
      else if (this.live?.openedAt != null) {
        const lastHeard = Math.max(this.health.lastFrameAt ?? 0, this.live.openedAt);
        if (now - lastHeard >= this.tuning.silenceLimitMs) this.suspect('silence', lastHeard);
      }
      schedule();
    };
    schedule();
  }

  private stopWakeCheck(): void {
    if (this.wakeTimer !== null) this.deps.clearTimer(this.wakeTimer);
    this.wakeTimer = null;
  }

  private detach(attempt: Attempt): void {
    const { socket } = attempt;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    this.clearTimers(attempt);
  }

  private clearTimers(attempt: Attempt): void {
    for (const timer of attempt.timers) this.deps.clearTimer(timer);
    attempt.timers = [];
  }

  /** Closes every socket; `then` runs once the browser reports them closed (or after CLOSE_WAIT_MS). */
  private closeAll(then: (() => void) | null): void {
    const attempts = [this.live, this.pending, this.retiring].filter((a): a is Attempt => a !== null);
    this.live = this.pending = this.retiring = null;
    this.replacing = null;
    for (const attempt of attempts) this.detach(attempt);
    if (!then || attempts.length === 0) {
      for (const { socket } of attempts) socket.close(1000, 'settings changed');
      then?.();
      return;
    }
    this.closingOld = true;
    let open = attempts.length;
    let timer: unknown = null;
    const proceed = () => {
      if (!this.closingOld) return;
      this.closingOld = false;
      this.deps.clearTimer(timer);
      for (const { socket } of attempts) socket.onclose = null;
      then();
    };
    for (const { socket } of attempts) {
      socket.onclose = () => {
        open -= 1;
        if (open === 0) proceed();
      };
    }
    // A server that never answers the closing handshake must not keep the new connection waiting.
    timer = this.deps.setTimer(proceed, CLOSE_WAIT_MS);
    for (const { socket } of attempts) socket.close(1000, 'settings changed');
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private applyKeepAlive(record: KeepAliveRecord): void {
    const changed = JSON.stringify(record) !== JSON.stringify(this.keepAlive);
    this.keepAlive = record;
    if (changed) this.deps.onKeepAliveRecord(record);
    const { keepAlive, keepAliveSince, keepAliveReason } = this.health;
    if (keepAlive !== record.mode || keepAliveSince !== record.since || keepAliveReason !== record.reason) {
      this.update({ keepAlive: record.mode, keepAliveSince: record.since, keepAliveReason: record.reason });
    }
  }

  private update(patch: Partial<Health>): void {
    this.health = { ...this.health, ...patch };
    this.deps.onHealth(this.health);
  }
}
