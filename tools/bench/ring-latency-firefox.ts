// Group 4 in Firefox ESR (issue 20): the same send → pop measurement as ring-latency.ts, run
// against dist/firefox. Firefox's background is an event page, not a worker, and test code
// reaches it from an extension page (the options tab opened on install): there
// `runtime.getBackgroundPage()` returns the background's window, whose `callpopTimings` the
// timing probe fills. A getter on the options page forwards to it, so ring-latency.ts's
// serialized probes run unchanged.
//
// Not comparable with Chromium in one respect: Firefox resolves notifications.create before
// its alert is drawn (ext-notifications.js returns at once), so "pop" is "handed to Firefox".
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';
import { assertFirefoxInstalled, launchFirefox, type FirefoxExtension } from '../../tests/e2e/support/firefox';
import { startLoopbackSimulator } from '../../tests/e2e/support/extension-setup';
import { benchRingLatency, type LatencyResult } from './ring-latency';

/** Makes the background page's timing list visible as `globalThis.callpopTimings` in the options page. */
async function forwardTimings(ff: FirefoxExtension): Promise<void> {
  await ff.evalInWorker(async () => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }).browser;
    const background = (await api.runtime.getBackgroundPage()) as { callpopTimings?: unknown } | null;
    // A method, not an arrow: tsx (esbuild keepNames) would wrap a named arrow in a __name() call
    // that does not exist in the page this function is serialized into.
    Object.defineProperty(globalThis, 'callpopTimings', {
      configurable: true,
      get() {
        return background?.callpopTimings;
      },
    });
  }, null);
}

/** The Firefox extension in the shape ring-latency.ts drives (it only ever calls evalInWorker). */
function asLatencyTarget(ff: FirefoxExtension): ChromiumExtension {
  const target: Pick<ChromiumExtension, 'evalInWorker'> = {
    async evalInWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
      // The event page may have been replaced since the last call: point the getter at the live one.
      await forwardTimings(ff);
      return ff.evalInWorker(fn, arg as A);
    },
  };
  return target as ChromiumExtension;
}

export async function benchRingLatencyFirefox(calls: number): Promise<LatencyResult> {
  assertFirefoxInstalled();
  const sim = await startLoopbackSimulator();
  let ff: FirefoxExtension | null = null;
  try {
    ff = await launchFirefox();
    return await benchRingLatency(asLatencyTarget(ff), sim, calls);
  } finally {
    await ff?.close();
    await sim.stop();
  }
}
