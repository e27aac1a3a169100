// Test-only tuning (test build only, see src/build-flags.d.ts; declared as an item in background-items.ts): e2e tests shorten the
// keep-alive, silence and wake-check intervals, switch the bench's timing probe on and expose
// the test handlers through one local storage item. The release build never reads it.
import type { ConnectionTuning } from '../connection/tuning';

export const TEST_TUNING_KEY = 'callpop.testTuning';

/** Far enough apart for any test; a value outside is clamped, never trusted as is. */
export const TUNING_LIMITS: Record<keyof ConnectionTuning, { min: number; max: number }> = {
  keepAliveMs: { min: 200, max: 10 * 60_000 },
  silenceLimitMs: { min: 200, max: 10 * 60_000 },
  wakeCheckMs: { min: 200, max: 10 * 60_000 },
};

export interface TestTuning {
  /** Only the intervals the item names; the rest stay the release values. */
  connection: Partial<ConnectionTuning>;
  recordTimings: boolean;
  exposeHandlers: boolean;
}

/** The release behaviour: what the release build runs with (it never reads the item, so it does not
 *  carry the parser either), and what anything malformed falls back to. */
export const RELEASE_TUNING: TestTuning = { connection: {}, recordTimings: false, exposeHandlers: false };

/** What a stored tuning item means; anything malformed falls back to the release behaviour. */
export function parseTestTuning(raw: unknown): TestTuning {
  const item = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const connection: Partial<ConnectionTuning> = {};
  for (const key of Object.keys(TUNING_LIMITS) as Array<keyof ConnectionTuning>) {
    const value = item[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    connection[key] = Math.min(TUNING_LIMITS[key].max, Math.max(TUNING_LIMITS[key].min, value));
  }
  return { connection, recordTimings: item.recordTimings === true, exposeHandlers: item.exposeHandlers === true };
}
