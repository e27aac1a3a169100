// The set-up every Chromium e2e file shared, as one vitest fixture (`test.extend`): a loopback
// simulator, Chromium with the built extension, and (when a test asks for `connected`) the
// extension configured for that simulator with its socket open. Each is torn down by the
// fixture, in reverse order, whether the test passed or not.
//
//   const test = extensionTest({ scope: 'file' });      // one browser for the whole file
//   test('pops', async ({ sim, connected: ext }) => …);
//   const test = extensionTest();                       // a fresh browser and simulator per test
//   test('reconnects', async ({ sim, ext }) => { …tune… ; await configureExtension(ext, settingsFor(sim)); … });
import { test as base } from 'vitest';
import { launchChromium, type ChromiumExtension } from './chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './extension-setup';
import type { Simulator } from '../../../tools/simulator/simulator';
import type { Settings } from '../../../src/settings/settings-schema';

/** The CRM origin the scenarios' links use; not reachable from a test machine. */
export const CRM_ORIGIN = 'https://crm.example.com';

export interface ExtensionTestOptions {
  /** 'test' (default): fresh per test; 'file': one per file, shared by its tests in order. */
  scope?: 'test' | 'file';
  /** Written to the test-only tuning item before the extension is configured. */
  tuning?: Record<string, unknown>;
  /** Answer the CRM's links locally, so a tab opened on one keeps the link as its URL. */
  routeCrm?: boolean;
  /** Settings beyond settingsFor(sim) for `connected`. */
  settings?: Partial<Settings>;
}

export interface ExtensionFixtures {
  /** A simulator on a free loopback port, its domain its own address. */
  sim: Simulator;
  /** Chromium with dist/chrome loaded, not configured yet. */
  ext: ChromiumExtension;
  /** `ext` configured for `sim`, once the simulator has its socket. */
  connected: ChromiumExtension;
}

export function extensionTest(options: ExtensionTestOptions = {}) {
  const scope = options.scope ?? 'test';
  return base.extend<ExtensionFixtures>({
    sim: [
      async ({}, use) => {
        const sim = await startLoopbackSimulator();
        try {
          await use(sim);
        } finally {
          await sim.stop();
        }
      },
      { scope },
    ],
    ext: [
      async ({}, use) => {
        const ext = await launchChromium();
        try {
          await use(ext);
        } finally {
          await ext.close();
        }
      },
      { scope },
    ],
    connected: [
      async ({ sim, ext }, use) => {
        if (options.routeCrm) {
          await ext.context.route(`${CRM_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>CRM</title><h1>CRM card</h1>' }));
        }
        if (options.tuning) await ext.evalInWorker((tuning) => chrome.storage.local.set({ 'callpop.testTuning': tuning }), options.tuning);
        await configureExtension(ext, settingsFor(sim, options.settings));
        await sim.waitForClients(1, 30_000);
        await use(ext);
      },
      { scope },
    ],
  });
}
