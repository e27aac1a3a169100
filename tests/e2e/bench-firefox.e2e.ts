// Issue 20: the latency bench runs in Firefox ESR too (tools/bench/ring-latency-firefox.ts),
// against its own reference extension there (issue 17).
// A few calls only: this proves the measurement works end to end, the figures come from `npm run bench`.
import { describe, expect, it } from 'vitest';
import { benchRingLatencyFirefox } from '../../tools/bench/ring-latency-firefox';

describe('the Firefox latency bench', () => {
  it('measures send → pop for every call in Firefox ESR, CallPop and the reference alike', async () => {
    const result = await benchRingLatencyFirefox(5);
    expect(result.calls).toBe(5);
    // Send and arrival are read on two clocks (Node's and the event page's, which Firefox rounds
    // for privacy), so a loopback arrival can read a fraction of a millisecond before its send.
    const CLOCK_GRAIN_MS = 2;
    for (const figure of [result.popMs, result.arrivalMs]) {
      expect(figure.p50).toBeGreaterThan(-CLOCK_GRAIN_MS);
      expect(figure.p99).toBeGreaterThanOrEqual(figure.p50);
    }
    expect(result.popMs.p50).toBeGreaterThan(0);
    expect(result.popMs.p50).toBeGreaterThanOrEqual(result.arrivalMs.p50);
    // The reference popped each of its own calls too, so the ratio compares two real figures.
    expect(result.referencePopMs.p50).toBeGreaterThan(0);
    expect(Number.isFinite(result.p50VsReference)).toBe(true);
  });
});
