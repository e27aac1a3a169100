// When to try the PBX again. Pure, so the rules an agent depends on are unit-tested:
// exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"),
// reset only after a connection stayed up, and a slow lane once the PBX keeps refusing us.

export const RECONNECT = {
  /** The first retry comes within about a second. */
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** A connection must stay up this long before the backoff forgets earlier failures. */
  stableAfterMs: 60_000,
  /** A handshake that has not completed by then is abandoned and retried. */
  connectTimeoutMs: 10_000,
  /** Consecutive refused handshakes (server up, socket refused) before we stop fast retries. */
  refusalsBeforeStop: 3,
  /** Once stopped for refusals, at most one quiet attempt per this period, until settings change. */
  refusedRetryMs: 20 * 60_000,
} as const;

/** Full jitter: uniformly random in [0, min(cap, base·2^attempt)]. `random` is in [0, 1). */
export function backoffDelayMs(attempt: number, random: number): number {
  const exp = Math.min(RECONNECT.maxDelayMs, RECONNECT.baseDelayMs * 2 ** Math.min(attempt, 20));
  return Math.floor(Math.max(0, Math.min(random, 0.999_999)) * exp);
}

export interface FailureBook {
  /** Failed attempts since the last stable connection. */
  attempt: number;
  /** Consecutive refusals (the server answered but refused the socket). */
  refusals: number;
}

export type AttemptEnd =
  | { kind: 'closed-after-open'; upForMs: number }
  | { kind: 'refused' }
  | { kind: 'unreachable' }
  | { kind: 'timeout' };

export type NextStep =
  | { kind: 'retry'; delayMs: number; book: FailureBook }
  | { kind: 'stop-refused'; delayMs: number; book: FailureBook };

/** Decides what follows one attempt's end. */
export function nextStepAfter(book: FailureBook, end: AttemptEnd, random: number): NextStep {
  if (end.kind === 'closed-after-open' && end.upForMs >= RECONNECT.stableAfterMs) {
    const fresh = { attempt: 0, refusals: 0 };
    return { kind: 'retry', delayMs: backoffDelayMs(0, random), book: { ...fresh, attempt: 1 } };
  }
  const refusals = end.kind === 'refused' ? book.refusals + 1 : end.kind === 'closed-after-open' ? book.refusals : 0;
  const next = { attempt: book.attempt + 1, refusals };
  if (refusals >= RECONNECT.refusalsBeforeStop) {
    return { kind: 'stop-refused', delayMs: RECONNECT.refusedRetryMs, book: next };
  }
  return { kind: 'retry', delayMs: backoffDelayMs(book.attempt, random), book: next };
}
