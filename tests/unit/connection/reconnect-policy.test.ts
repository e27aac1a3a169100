import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECONNECT, backoffDelayMs, looksUnreachable, nextStepAfter, type AttemptEnd } from '../../../src/connection/reconnect-policy';

const attemptEnd: fc.Arbitrary<AttemptEnd> = fc.oneof(
  fc.record({ kind: fc.constant('closed-after-open' as const), upForMs: fc.nat(200_000), pbxRejected: fc.boolean() }),
  fc.constant({ kind: 'failed' as const }),
  fc.constant({ kind: 'timeout' as const }),
);

describe('reconnect policy', () => {
  it('retries the first time within about a second', () => {
    expect(backoffDelayMs(0, 0.999)).toBeLessThanOrEqual(1_000);
  });

  it('never waits longer than 30 s, whatever the attempt and the dice', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, random) => {
        const delay = backoffDelayMs(attempt, random);
        return delay >= 0 && delay <= RECONNECT.maxDelayMs;
      }),
      { numRuns: 1000 },
    );
  });

  it('grows the ceiling exponentially (full jitter spreads below it)', () => {
    expect(backoffDelayMs(3, 0.999)).toBeGreaterThan(7_000);
    expect(backoffDelayMs(3, 0)).toBe(0);
  });

  it('resets the backoff only after a connection stayed up for 60 s', () => {
    const book = { attempt: 6, refusals: 0 };
    const short = nextStepAfter(book, { kind: 'closed-after-open', upForMs: 59_000, pbxRejected: false }, 0.5);
    expect(short.book.attempt).toBe(7);
    const stable = nextStepAfter(book, { kind: 'closed-after-open', upForMs: 60_000, pbxRejected: false }, 0.5);
    expect(stable.book.attempt).toBe(1);
    expect(stable.delayMs).toBeLessThanOrEqual(1_000);
  });

  it('no failure the browser cannot explain ever stops the retries or waits past the ceiling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant({ kind: 'failed' as const }), fc.constant({ kind: 'timeout' as const }), fc.record({ kind: fc.constant('closed-after-open' as const), upForMs: fc.nat(200_000), pbxRejected: fc.constant(false) })), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ends, random) => {
          let book = { attempt: 0, refusals: 0 };
          for (const end of ends) {
            const step = nextStepAfter(book, end, random);
            if (step.kind !== 'retry' || step.delayMs > RECONNECT.maxDelayMs) return false;
            book = step.book;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('slows down after repeated PBX rejections (error frame, quick close), to every few minutes, never 20', () => {
    let book = { attempt: 0, refusals: 0 };
    const kinds: string[] = [];
    for (let i = 0; i < RECONNECT.rejectionsBeforeSlow; i++) {
      const step = nextStepAfter(book, { kind: 'closed-after-open', upForMs: 100, pbxRejected: true }, 0.5);
      kinds.push(step.kind);
      book = step.book;
      if (step.kind === 'stop-rejected') expect(step.delayMs).toBe(RECONNECT.rejectedRetryMs);
    }
    expect(kinds.at(-1)).toBe('stop-rejected');
    expect(kinds.slice(0, -1).every((k) => k === 'retry')).toBe(true);
    expect(RECONNECT.rejectedRetryMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('an outage between two rejections neither proves nor disproves them; a clean connection clears them', () => {
    const kept = nextStepAfter({ attempt: 2, refusals: 2 }, { kind: 'failed' }, 0.5);
    expect(kept.book.refusals).toBe(2);
    const cleared = nextStepAfter({ attempt: 2, refusals: 2 }, { kind: 'closed-after-open', upForMs: 5_000, pbxRejected: false }, 0.5);
    expect(cleared.book.refusals).toBe(0);
  });

  it('keeps attempts per minute bounded whatever the dice: never under a quarter of the attempt`s ceiling', () => {
    fc.assert(
      fc.property(fc.nat(30), attemptEnd, fc.double({ min: 0, max: 1, noNaN: true }), (attempt, end, random) => {
        // After a stable connection the count starts afresh (first retry within a second, no floor).
        fc.pre(!(end.kind === 'closed-after-open' && !end.pbxRejected && end.upForMs >= RECONNECT.stableAfterMs));
        const step = nextStepAfter({ attempt, refusals: 0 }, end, random);
        return step.delayMs >= Math.floor(backoffDelayMs(attempt, 1) / 4);
      }),
    );
  });

  it('says "cannot reach the PBX" from the third failure in a row', () => {
    expect(looksUnreachable(2)).toBe(false);
    expect(looksUnreachable(3)).toBe(true);
  });
});
