import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECONNECT, backoffDelayMs, nextStepAfter } from '../../../src/shared/reconnect-policy';

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
    const short = nextStepAfter(book, { kind: 'closed-after-open', upForMs: 59_000 }, 0.5);
    expect(short.book.attempt).toBe(7);
    const stable = nextStepAfter(book, { kind: 'closed-after-open', upForMs: 60_000 }, 0.5);
    expect(stable.book.attempt).toBe(1);
    expect(stable.delayMs).toBeLessThanOrEqual(1_000);
  });

  it('stops fast retries after repeated refusals and waits the slow period', () => {
    let book = { attempt: 0, refusals: 0 };
    const kinds: string[] = [];
    for (let i = 0; i < RECONNECT.refusalsBeforeStop; i++) {
      const step = nextStepAfter(book, { kind: 'refused' }, 0.5);
      kinds.push(step.kind);
      book = step.book;
      if (step.kind === 'stop-refused') expect(step.delayMs).toBe(RECONNECT.refusedRetryMs);
    }
    expect(kinds.at(-1)).toBe('stop-refused');
    expect(kinds.slice(0, -1).every((k) => k === 'retry')).toBe(true);
  });

  it('an unreachable PBX is not a refusal: keeps retrying with backoff', () => {
    const step = nextStepAfter({ attempt: 2, refusals: 2 }, { kind: 'unreachable' }, 0.5);
    expect(step.kind).toBe('retry');
    expect(step.book.refusals).toBe(0);
  });
});
