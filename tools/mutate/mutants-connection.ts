// Bugs in the connection: src/background/connection.ts and src/shared/reconnect-policy.ts.
// Kept in a file of its own because that code is being rewritten (issues 14 and 21): when a
// `find` no longer matches, `npm run mutate` says so; rewrite these entries against the new code.
import type { MutantGroup } from './mutant';

const CONNECTION = 'src/background/connection.ts';
const POLICY = 'src/shared/reconnect-policy.ts';
// The background wiring tests drive the connection too (settings, watchdog, frames → health).
const CONNECTION_TESTS = [
  'tests/unit/background/connection.test.ts',
  'tests/unit/background/reconnect-policy.test.ts',
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
    { name: 'a stable connection does not reset the backoff', file: POLICY, find: "if (end.kind === 'closed-after-open' && end.upForMs >= RECONNECT.stableAfterMs) {", replace: 'if (false) {' },
    { name: 'refusals never stop fast retries', file: POLICY, find: 'if (refusals >= RECONNECT.refusalsBeforeStop) {', replace: 'if (false) {' },
    { name: 'an unreachable server does not reset the refusal count', file: POLICY, find: "end.kind === 'closed-after-open' ? book.refusals : 0", replace: 'book.refusals' },
    { name: 'the backoff floor is lowered', file: CONNECTION, find: 'Math.floor(backoffDelayMs(step.book.attempt - 1, 1) / 4)', replace: 'Math.floor(backoffDelayMs(step.book.attempt - 1, 1) / 40)' },
    { name: 'a hung handshake is never abandoned', file: CONNECTION, find: "if (this.socket === socket && this.openedAt === null) this.finish(socket, { kind: 'timeout' }, null);", replace: 'void 0;' },
    { name: 'a refused handshake is taken for an unreachable host', file: CONNECTION, find: "return verdict === 'up' ? { kind: 'refused' } : { kind: 'unreachable' };", replace: "return { kind: 'unreachable' };" },
    { name: 'a silent socket is never replaced', file: CONNECTION, find: 'if (now - lastHeard >= this.tuning.silenceLimitMs) {', replace: 'if (false) {' },
    { name: 'no keep-alive frame is sent', file: CONNECTION, find: '        socket.send(KEEP_ALIVE_FRAME);\n', replace: '' },
    { name: 'a server that rejects keep-alive frames is not noticed', file: CONNECTION, find: '      if (afterKeepAlive) this.deps.onKeepAliveRejected();\n', replace: '' },
    {
      name: 'ensure() opens a second socket',
      file: CONNECTION,
      find: '    if (!this.target || this.socket) return;\n    const { state, retryAt }',
      replace: '    if (!this.target) return;\n    const { state, retryAt }',
      equivalent: 'connect() itself returns while a socket exists, so the first check only saves work.',
    },
    { name: 'a new URL connects before the old socket closed', file: CONNECTION, find: '    this.closeSocket(() => this.connect());', replace: '    this.closeSocket(null);\n    this.connect();' },
    {
      name: 'frames of a replaced socket still count',
      file: CONNECTION,
      find: '      if (this.socket !== socket) return;\n      this.health = { ...this.health, lastFrameAt',
      replace: '      this.health = { ...this.health, lastFrameAt',
      equivalent: 'detach() clears a replaced socket\'s handlers before anything else, so no frame of it reaches onmessage.',
    },
    { name: 'rejected frames are not counted', file: CONNECTION, find: 'framesRejected: h.framesRejected + 1', replace: 'framesRejected: h.framesRejected' },
  ],
};
