// Group 4 in Firefox ESR (issues 17, 20): the same alternating measurement as ring-latency.ts,
// CallPop's test build against Firefox's own reference extension (an event page, like CallPop
// there), both installed in one Firefox and connected to one simulator. Firefox's background is
// an event page, not a worker, and test code reaches it from an extension page: CallPop's
// options tab (opened on install) and the reference's timings tab. There
// `runtime.getBackgroundPage()` returns the background's window; a getter on the page forwards
// the background's timing list, so ring-latency.ts's serialized probes run unchanged.
//
// Not comparable with Chromium in one respect: Firefox resolves notifications.create before
// its alert is drawn (ext-notifications.js returns at once), so "pop" is "handed to Firefox".
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../../tests/e2e/support/chromium';
import { assertFirefoxInstalled, FIREFOX_EXTENSION_UUID, GECKO_ID, launchFirefox, readyExtensionHref, type FirefoxExtension } from '../../tests/e2e/support/firefox';
import { AGENT_EXT, configureExtension, settingsFor, startLoopbackSimulator } from '../../tests/e2e/support/extension-setup';
import type { SimulatorClient } from '../simulator/simulator';
import { assertNoForeignFirefoxPolicy } from './foreign-policy';
import { buildReferenceExtension, REFERENCE_FIREFOX_UUID, REFERENCE_GECKO_ID, REFERENCE_SUBSCRIBER } from './reference-extension';
import { clientFor, measureAlternating, TUNING_KEY, type LatencyResult, type LatencySide } from './ring-latency';

/** Makes the background page's `name` list visible as the same global in this extension page. */
async function forward(page: Page, name: string): Promise<void> {
  await page.evaluate(async (global: string) => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }).browser;
    const background = (await api.runtime.getBackgroundPage()) as Record<string, unknown> | null;
    // A method, not an arrow: tsx (esbuild keepNames) would wrap a named arrow in a __name() call
    // that does not exist in the page this function is serialized into.
    Object.defineProperty(globalThis, global, {
      configurable: true,
      get() {
        return background?.[global];
      },
    });
  }, name);
}

/** Evaluates in an extension page after pointing the getter at the live background (it may have been replaced). */
function inPage(page: () => Promise<Page>, global: string): LatencySide['evaluate'] {
  return async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => {
    const target = await page();
    await forward(target, global);
    return target.evaluate(fn as unknown as (arg: unknown) => Promise<T>, arg as unknown);
  };
}

async function referencePage(ff: FirefoxExtension): Promise<Page> {
  const origin = `moz-extension://${REFERENCE_FIREFOX_UUID}/`;
  // 45 s, and only once the page has its extension API: on a loaded 2-core machine Firefox has
  // taken more than 15 s to report a tab an add-on opened at install (PAGE_OPEN_TIMEOUT_MS).
  return waitFor(async () => {
    for (const page of await ff.browser.pages()) {
      if ((await readyExtensionHref(page)).startsWith(origin)) return page;
    }
    return undefined;
  }, 'the reference extension timings page', 45_000);
}

export async function benchRingLatencyFirefox(calls: number): Promise<LatencyResult> {
  assertFirefoxInstalled();
  assertNoForeignFirefoxPolicy();
  const sim = await startLoopbackSimulator();
  const referenceDir = buildReferenceExtension(sim.connectionUrl({ subscriber: REFERENCE_SUBSCRIBER }), 'firefox');
  const clients: SimulatorClient[] = [];
  const stopWatching = sim.onClient((client) => clients.push(client));
  let ff: FirefoxExtension | null = null;
  try {
    ff = await launchFirefox({ prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID, [REFERENCE_GECKO_ID]: REFERENCE_FIREFOX_UUID }) } });
    const firefox = ff;
    await firefox.browser.installExtension(referenceDir);
    await firefox.evalInWorker(async ([key]) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      await api.storage.local.set({ [key]: { recordTimings: true } });
    }, [TUNING_KEY] as const);
    const managed = await firefox.evalInWorker(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return Object.keys(await api.storage.managed.get(null).catch(() => ({})));
    }, null);
    if (managed.length > 0) throw new Error(`a managed policy is in force for CallPop in this Firefox (storage.managed has ${managed.join(', ')}): the bench cannot configure the extension itself.`);
    await configureExtension(firefox, settingsFor(sim));
    const callpop: LatencySide = { client: await clientFor(sim, AGENT_EXT, clients), evaluate: inPage(() => firefox.extensionPage('options.html'), 'callpopTimings') };
    await waitFor(
      () => callpop.evaluate(() => (Array.isArray((globalThis as { callpopTimings?: unknown }).callpopTimings) ? true : undefined), null),
      'the timing probe switched on in the event page',
    );
    const reference: LatencySide = { client: await clientFor(sim, REFERENCE_SUBSCRIBER, clients), evaluate: inPage(() => referencePage(firefox), 'referenceTimings') };
    return await measureAlternating(callpop, reference, sim, calls);
  } finally {
    stopWatching();
    await ff?.close();
    await sim.stop();
    rmSync(referenceDir, { recursive: true, force: true });
  }
}
