// Issue 18 in Firefox ESR: a missed call and a second attempt put the caller in the popup's
// "To call back" section (one entry, 2 attempts, axe-clean); "Done" takes it away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './support/chromium';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { framesProcessed, readStorage } from './support/extension-state';
import { axeViolations, describeViolations } from './support/axe';
import { CALLER_NAME, missedCall } from './support/call-back-frames';
import type { Simulator } from '../../tools/simulator/simulator';

describe('to call back, in Firefox ESR', () => {
  let sim: Simulator;
  let ff: FirefoxExtension;

  beforeAll(async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox();
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
  });
  afterAll(async () => {
    await ff?.close();
    await sim?.stop();
  });

  it('shows one entry with 2 attempts above recent calls, passes axe, and goes with "Done"', async () => {
    const start = Date.now() - 10 * 60_000;
    for (const frame of [...missedCall('ff-missed-1', start, '+380671234567'), ...missedCall('ff-missed-2', start + 60_000, '0671234567')]) sim.send(frame);
    await framesProcessed(ff, 4, waitFor);
    const popup = await ff.openExtensionPage('src/popup/popup.html');
    await popup.waitForSelector('[data-testid="call-back-entry"]', { timeout: 15_000 });
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="call-back-entry"]')].map((row) => ({
        name: row.querySelector('h3')?.textContent,
        attempts: row.querySelector('[data-testid="call-back-attempts"]')?.textContent,
        aboveRecent: !!(row.compareDocumentPosition(document.getElementById('recent-heading')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      })),
    );
    expect(rows).toEqual([{ name: CALLER_NAME, attempts: 'Attempts: 2', aboveRecent: true }]);
    const violations = await axeViolations(popup);
    expect(violations, describeViolations(violations)).toEqual([]);

    await popup.click('[data-testid="call-back-done"]');
    await waitFor(async () => ((await popup.$('[data-testid="call-backs"]')) === null ? true : undefined), 'the section gone after "Done"');
    expect(await readStorage(ff, 'local', 'callpop.callBacks')).toEqual([]);
  });
});
