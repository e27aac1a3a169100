// When to try the PBX again. Pure, so the rules an agent depends on are unit-tested:
// exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"),
// reset only after a connection stayed up, and a slow lane only on positive evidence that the
// PBX itself rejects us (docs/connection.md says why a failed handshake is never such evidence).

export const RECONNECT = {
  /** The first retry comes within about a second. */
  baseDelayMs: 1_000,
  /** The ceiling: during any outage the agent is live again within this plus one handshake. */
  maxDelayMs: 30_000,
  /** A connection must stay up this long before the backoff forgets earlier failures. */
  stableAfterMs: 60_000,
  /** A handshake that has not completed by then is abandoned and retried. */
  connectTimeoutMs: 10_000,
  /** Failed attempts in a row after which the pages say plainly that the PBX cannot be reached (retries go on). */
  unreachableAfter: 3,
  /**
   * Connections in a row that the PBX answered with an `error` frame and closed within
   * `rejectedWithinMs` of opening: the only positive evidence of wrong settings a browser gets.
   */
  rejectionsBeforeSlow: 3,
  rejectedWithinMs: 5_000,
  /** After that evidence, one attempt per this period until the settings change or "Retry now". */
  rejectedRetryMs: 5 * 60_000,
} as const;

/** Full jitter: uniformly random in [0, min(cap, base·2^attempt)]. `random` is in [0, 1). */
export function backoffDelayMs(attempt: number, random: number): number {
  const exp = Math.min(RECONNECT.maxDelayMs, RECONNECT.baseDelayMs * 2 ** Math.min(attempt, 20));
  return Math.floor(Math.max(0, Math.min(random, 0.999_999)) * exp);
}

export interface FailureBook {
  /** Failed attempts since the last stable connection. */
  attempt: number;
  /** Connections in a row the PBX rejected with an `error` frame and a quick close. */
  refusals: number;
}

export type AttemptEnd =
  /** The socket was open for `upForMs`; `pbxRejected`: an `error` frame came and the close followed quickly. */
  | { kind: 'closed-after-open'; upForMs: number; pbxRejected: boolean }
  /** The handshake failed (refused, 1006, DNS, TLS): a browser cannot tell why, so it is an outage. */
  | { kind: 'failed' }
  | { kind: 'timeout' };

export type NextStep =
  | { kind: 'retry'; delayMs: number; book: FailureBook }
  | { kind: 'stop-rejected'; delayMs: number; book: FailureBook };

/** Decides what follows one attempt's end. */
export function nextStepAfter(book: FailureBook, end: AttemptEnd, random: number): NextStep {
  if (end.kind === 'closed-after-open' && !end.pbxRejected && end.upForMs >= RECONNECT.stableAfterMs) {
    return { kind: 'retry', delayMs: backoffDelayMs(0, random), book: { attempt: 1, refusals: 0 } };
  }
  // Only the PBX's own word counts; an outage in between neither proves nor disproves a wrong key.
  const refusals = end.kind === 'closed-after-open' ? (end.pbxRejected ? book.refusals + 1 : 0) : book.refusals;
  const next = { attempt: book.attempt + 1, refusals };
  if (refusals >= RECONNECT.rejectionsBeforeSlow) {
    return { kind: 'stop-rejected', delayMs: RECONNECT.rejectedRetryMs, book: next };
  }
  // Full jitter may roll ~0 again and again (a server that accepts then closes would then be hammered
  // thousands of times a minute): a floor of a quarter of this attempt's ceiling bounds attempts per minute.
  const floor = Math.floor(backoffDelayMs(book.attempt, 1) / 4);
  return { kind: 'retry', delayMs: Math.max(floor, backoffDelayMs(book.attempt, random)), book: next };
}

/** The pages say "cannot reach the PBX" (a wrong domain, key or subscriber being one possible cause). */
export function looksUnreachable(failedAttempts: number): boolean {
  return failedAttempts >= RECONNECT.unreachableAfter;
}
