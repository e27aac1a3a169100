// Bugs in the connection: src/background/connection.ts (the socket, make-before-break, the signals),
// src/connection/reconnect-policy.ts (when to retry) and src/connection/keep-alive-verdict.ts (frames or not).
// Kept in a file of its own: when a `find` no longer matches, `npm run mutate` says so.
import type { MutantGroup } from './mutant';

const CONNECTION = 'src/background/connection.ts';
const POLICY = 'src/connection/reconnect-policy.ts';
const VERDICT = 'src/connection/keep-alive-verdict.ts';
// The background wiring tests drive the connection too (settings, watchdog, frames → health).
const CONNECTION_TESTS = [
  'tests/unit/background/connection.test.ts',
  'tests/unit/background/reconnect-policy.test.ts',
  'tests/unit/background/keep-alive-verdict.test.ts',
  'tests/unit/faults/connection-faults.test.ts',
  'tests/unit/background/start-background.test.ts',
];

export const connectionMutants: MutantGroup = {
  area: 'connection',
  quickTests: CONNECTION_TESTS,
  fullTests: CONNECTION_TESTS,
  mutants: [
    { name: 'backoff never grows', file: POLICY, find: 'RECONNECT.baseDelayMs * 2 ** Math.min(attempt, 20)', replace: 'RECONNECT.baseDelayMs' },
    { name: 'backoff has no ceiling', file: POLICY, find: 'Math.min(RECONNECT.maxDelayMs, RECONNECT.baseDelayMs * 2 ** Math.min(attempt, 20))', replace: 'RECONNECT.baseDelayMs * 2 ** Math.min(attempt, 20)' },
    { name: 'a stable connection does not reset the backoff', file: POLICY, find: "if (end.kind === 'closed-after-open' && !end.pbxRejected && end.upForMs >= RECONNECT.stableAfterMs) {", replace: 'if (false) {' },
    { name: 'PBX rejections never slow retries down', file: POLICY, find: 'if (refusals >= RECONNECT.rejectionsBeforeSlow) {', replace: 'if (false) {' },
    { name: 'a failed handshake counts as a rejection (the 20-minute silence of issue 14)', file: POLICY, find: '(end.pbxRejected ? book.refusals + 1 : 0) : book.refusals', replace: '(end.pbxRejected ? book.refusals + 1 : 0) : book.refusals + 1' },
    { name: 'a clean connection does not clear the rejections', file: POLICY, find: '(end.pbxRejected ? book.refusals + 1 : 0)', replace: '(end.pbxRejected ? book.refusals + 1 : book.refusals)' },
    { name: 'the backoff floor is lowered', file: POLICY, find: 'Math.floor(backoffDelayMs(book.attempt, 1) / 4)', replace: 'Math.floor(backoffDelayMs(book.attempt, 1) / 40)' },
    { name: 'the slow lane waits 20 minutes again', file: POLICY, find: 'rejectedRetryMs: 5 * 60_000', replace: 'rejectedRetryMs: 20 * 60_000' },
    { name: '"cannot reach the PBX" comes a failure late', file: POLICY, find: 'return failedAttempts >= RECONNECT.unreachableAfter;', replace: 'return failedAttempts > RECONNECT.unreachableAfter;' },
    { name: 'a hung handshake is never abandoned', file: CONNECTION, find: "    attempt.timers.push(this.deps.setTimer(() => this.handshakeFailed(attempt, { kind: 'timeout' }, null), RECONNECT.connectTimeoutMs));\n", replace: '' },
    { name: 'a restarted worker forgets the backoff', file: CONNECTION, find: 'const continuing = target !== null && this.target === null && this.health.target === fingerprint;', replace: 'const continuing = false;' },
    { name: 'a silent socket is never replaced', file: CONNECTION, find: "if (now - lastHeard >= this.tuning.silenceLimitMs) this.suspect('silence', lastHeard);", replace: 'void lastHeard;' },
    { name: 'a late wake check is not taken for a sleep', file: CONNECTION, find: "if (now - this.wakeDueAt >= LATE_TIMER_MS) this.suspect('wake', lastTick);", replace: "if (false) this.suspect('wake', lastTick);" },
    { name: 'the network coming back is not noticed', file: CONNECTION, find: 'const cameOnline = online && !this.wasOnline;', replace: 'const cameOnline = false;' },
    { name: 'break-before-make: the suspect socket is closed before the new one opens', file: CONNECTION, find: '      this.replacing = { reason, since };\n      this.open();', replace: '      this.replacing = { reason, since };\n      this.live.socket.close(4000);\n      this.open();' },
    { name: 'a third socket during a replacement', file: CONNECTION, find: '      if (this.pending || this.retiring) return;\n', replace: '' },
    { name: 'a replaced socket is never closed', file: CONNECTION, find: "        old.socket.close(4000, 'replaced');\n", replace: '' },
    { name: 'no overlap: frames of the replaced socket are dropped at once', file: CONNECTION, find: 'if (attempt !== this.live && attempt !== this.retiring) return;', replace: 'if (attempt !== this.live) return;' },
    { name: 'a failed replacement keeps the suspect socket', file: CONNECTION, find: '    const old = this.live;\n    if (old) {', replace: '    const old = this.live;\n    if (false) {' },
    { name: 'a wake or network signal overrides the slow lane the PBX asked for', file: CONNECTION, find: "if (this.pending || this.health.stopReason === 'refused' || this.retryTimer === null) return;", replace: 'if (this.pending || this.retryTimer === null) return;' },
    { name: 'no keep-alive frame is sent', file: CONNECTION, find: '        attempt.socket.send(KEEP_ALIVE_FRAME);\n', replace: '' },
    {
      name: 'ensure() opens a second socket',
      file: CONNECTION,
      find: '    if (!this.target || this.live || this.pending || this.closingOld) return;\n    const { retryAt }',
      replace: '    if (!this.target || this.closingOld) return;\n    const { retryAt }',
      equivalent: 'connect() itself returns while a socket exists or is opening, and a stored retryAt only schedules that same connect().',
    },
    { name: 'a new URL connects before the old socket closed', file: CONNECTION, find: '    this.closeAll(() => this.connect());', replace: '    this.closeAll(null);\n    this.connect();' },
    { name: 'rejected frames are not counted', file: CONNECTION, find: 'framesRejected: h.framesRejected + 1', replace: 'framesRejected: h.framesRejected' },
    { name: 'one coincidence is enough to give up frames', file: VERDICT, find: 'if (streak >= STRICT_STREAK)', replace: 'if (streak >= 1)' },
    { name: 'closes with different codes make a streak', file: VERDICT, find: 'record.streak > 0 && record.streakCode === end.code', replace: 'record.streak > 0' },
    { name: 'a close long after the frame counts as right after it', file: VERDICT, find: 'end.msAfterLastFrame <= AFTER_FRAME_WINDOW_MS', replace: 'end.msAfterLastFrame <= 20 * AFTER_FRAME_WINDOW_MS' },
    { name: 'a frame the connection outlived does not clear the streak', file: VERDICT, find: 'export function afterFrameSurvived(record: KeepAliveRecord): KeepAliveRecord {\n  return record.streak === 0 ? record : { ...record, streak: 0, streakCode: null };', replace: 'export function afterFrameSurvived(record: KeepAliveRecord): KeepAliveRecord {\n  return record;' },
    { name: 'the verdict never expires', file: VERDICT, find: "if (record.mode === 'api-calls' && now - record.since >= VERDICT_TTL_MS)", replace: 'if (false)' },
    { name: 'new settings keep the old verdict', file: VERDICT, find: 'if (record.target !== target) return', replace: 'if (false) return' },
  ],
};
