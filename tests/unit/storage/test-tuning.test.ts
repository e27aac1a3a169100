import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTestTuning, RELEASE_TUNING, TUNING_LIMITS } from '../../../src/storage/test-tuning';

describe('test tuning (test build only)', () => {
  it('clamps an interval beyond the ceiling instead of trusting it', () => {
    const tuning = parseTestTuning({ keepAliveMs: 1e12, silenceLimitMs: Number.MAX_SAFE_INTEGER, wakeCheckMs: 1e9 });
    expect(tuning.connection).toEqual({ keepAliveMs: TUNING_LIMITS.keepAliveMs.max, silenceLimitMs: TUNING_LIMITS.silenceLimitMs.max, wakeCheckMs: TUNING_LIMITS.wakeCheckMs.max });
  });

  it('clamps a value under the floor up to it', () => {
    expect(parseTestTuning({ keepAliveMs: 1, silenceLimitMs: -5, wakeCheckMs: 0 }).connection).toEqual({ keepAliveMs: 200, silenceLimitMs: 200, wakeCheckMs: 200 });
  });

  it('keeps a value within the limits as it is, and leaves the others to the release values', () => {
    expect(parseTestTuning({ keepAliveMs: 1_500 }).connection).toEqual({ keepAliveMs: 1_500 });
  });

  it('falls back to the release behaviour for anything malformed', () => {
    for (const raw of [undefined, null, 'fast', [], { keepAliveMs: '5', silenceLimitMs: Number.NaN, wakeCheckMs: Infinity, recordTimings: 'yes', exposeHandlers: 1 }]) {
      expect(parseTestTuning(raw)).toEqual({ connection: {}, recordTimings: false, exposeHandlers: false });
    }
  });

  it('runs the release build with what a missing item means', () => {
    expect(RELEASE_TUNING).toEqual(parseTestTuning(undefined));
  });

  it('keeps every number from storage within its limits', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (keepAliveMs, silenceLimitMs, wakeCheckMs) => {
        const { connection } = parseTestTuning({ keepAliveMs, silenceLimitMs, wakeCheckMs });
        for (const [key, value] of Object.entries(connection) as Array<[keyof typeof TUNING_LIMITS, number]>) {
          expect(value).toBeGreaterThanOrEqual(TUNING_LIMITS[key].min);
          expect(value).toBeLessThanOrEqual(TUNING_LIMITS[key].max);
        }
      }),
    );
  });
});
