// Issue 17: the Chromium latency bench loads CallPop's test build and the reference extension
// (tools/bench/reference-extension/) side by side and alternates calls between them. A few calls
// only: this proves the measurement works end to end; the figures come from `npm run bench`.
import { describe, expect, it } from 'vitest';
import { startLoopbackSimulator } from './support/extension-setup';
import { benchRingLatency } from '../../tools/bench/ring-latency';

describe('the Chromium latency bench', () => {
  it('measures send → pop for CallPop and the reference extension in one Chromium', async () => {
    const sim = await startLoopbackSimulator();
    try {
      const result = await benchRingLatency(sim, 5);
      expect(result.calls).toBe(5);
      for (const figure of [result.popMs, result.referencePopMs]) {
        expect(figure.p50).toBeGreaterThan(0);
        expect(figure.p99).toBeGreaterThanOrEqual(figure.p50);
      }
      // CallPop's own steps were recorded by its timing probe (test build only).
      expect(result.processMs.p50).toBeGreaterThanOrEqual(result.reduceMs.p50);
      expect(result.createMs.p50).toBeGreaterThan(0);
      expect(Number.isFinite(result.p50VsReference)).toBe(true);
    } finally {
      await sim.stop();
    }
  }, 180_000);
});
