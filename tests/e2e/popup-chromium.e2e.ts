// Issue 6 §8: the popup of the real extension in Chromium after a played shift — live call and
// history as the replay tool predicts them, "Open in CRM", axe-core in both themes, and the
// screenshots the README shows (docs/screenshots/), in English and Ukrainian.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from './support/axe';
import { loadCatalog } from '../../tools/i18n/load-catalog';
import { launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { readHealth } from './support/extension-state';
import { replayScenario, type ReplayCall } from './support/replay';
import { formatScenario, readScenarioFile, type ScenarioLine, type Simulator } from '../../tools/simulator/simulator';

const SCENARIOS = 'tests/fixtures/scenarios';
const SCREENSHOTS = 'docs/screenshots';
const CRM_ORIGIN = 'https://crm.example.com';
/** The size of Chrome's toolbar popup for this page (popup.css: 380 px wide, at most 600 px high). */
const POPUP_VIEWPORT = { width: 380, height: 600 };

/** A short shift: presence changes, three ended calls, and a call from a caller known to three CRMs still ringing. */
const SHIFT: Array<[name: string, lines?: number]> = [
  ['pause-available'],
  ['incoming-answered'],
  ['outgoing-unanswered'],
  ['incoming-missed'],
  ['several-crms', 1],
];
const shiftParts: ScenarioLine[][] = SHIFT.map(([name, count]) => readScenarioFile(`${SCENARIOS}/${name}.jsonl`).slice(0, count));
const shiftFrameCount = shiftParts.flat().length;

const catalog = loadCatalog;
const outcomeKey = (outcome: string | null) => `popupOutcome${(outcome ?? '').charAt(0).toUpperCase()}${(outcome ?? '').slice(1)}`;

describe('the popup in Chromium', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'callpop-popup-'));
  const shiftFile = join(workDir, 'shift.jsonl');
  writeFileSync(shiftFile, formatScenario(shiftParts.flat()));
  const predicted = replayScenario(shiftFile);
  const live = predicted.summary.calls.filter((c) => c.status !== 'ended');
  const ended = predicted.summary.calls.filter((c) => c.status === 'ended');

  let sim: Simulator | undefined;
  let ext: ChromiumExtension | undefined;
  mkdirSync(SCREENSHOTS, { recursive: true });

  afterEach(async () => {
    await ext?.close();
    await sim?.stop();
    ext = undefined;
    sim = undefined;
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  /** A browser connected to a fresh simulator that has played the shift, times mapped onto now. */
  async function browserAfterShift(locale?: string): Promise<ChromiumExtension> {
    sim = await startLoopbackSimulator();
    ext = await launchChromium(locale ? { locale } : {});
    await ext.context.route(`${CRM_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>CRM</title><h1>CRM card</h1>' }));
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 30_000);
    for (const part of shiftParts) await sim.play(part, { speed: 4, rewriteTimes: true });
    const opened = ext;
    await waitFor(async () => {
      const health = await readHealth(opened);
      return health && health.framesAccepted + health.framesRejected >= shiftFrameCount ? true : undefined;
    }, `${shiftFrameCount} frames processed`, 30_000);
    return opened;
  }

  async function openPopup(opened: ChromiumExtension, colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await opened.openExtensionPage('src/popup/popup.html', { colorScheme });
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.locator('[data-testid="popup-root"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('live-call').first().waitFor({ timeout: 30_000 });
    return page;
  }

  /** Soft, so the screenshots are still written when axe finds something; the test fails all the same. */
  async function expectNoAxeViolations(page: Page, theme: string): Promise<void> {
    const violations = await axeViolations(page);
    expect.soft(violations, `axe-core on the populated popup (${theme}):\n${describeViolations(violations)}`).toEqual([]);
  }

  const shot = (page: Page, name: string) => page.getByTestId('popup-root').screenshot({ path: `${SCREENSHOTS}/${name}.png`, animations: 'disabled' });

  it('shows the live call and the history the replay tool predicts, opens the CRM once, passes axe in both themes (English)', async () => {
    const opened = await browserAfterShift();
    const en = catalog('en');
    const page = await openPopup(opened, 'light');

    // Live: the ringing call, the primary card of the CRM that knows the caller, all three CRMs reachable.
    expect(live.map((c) => c.caller.name)).toEqual(['Петро Гнатюк']);
    const liveCards = page.getByTestId('live-call');
    await expect.poll(() => liveCards.locator('.call-card__title').allTextContents(), { timeout: 15_000 }).toEqual(live.map((c) => c.caller.name));
    await expect.poll(() => liveCards.first().textContent()).toContain(en.popupStateRinging!.message);
    await expect.poll(() => liveCards.first().locator('.crm-card').count()).toBe(3);

    // History: every ended call with its outcome, as words the agent reads.
    const expectedRecent = ended.map((c: ReplayCall) => `${c.caller.name} | ${en[outcomeKey(c.outcome)]!.message}`).sort();
    expect(expectedRecent).toHaveLength(3);
    const recentRows = async () => {
      const rows = await page.getByTestId('recent-call').all();
      const seen = await Promise.all(rows.map(async (row) => `${await row.locator('.call-card__title').textContent()} | ${await row.locator('.outcome').textContent()}`));
      return seen.sort();
    };
    await expect.poll(recentRows, { timeout: 15_000 }).toEqual(expectedRecent);
    // The missed caller waits in "To call back" (issue 18), above the recent calls.
    const missedCaller = ended.find((c: ReplayCall) => c.outcome === 'missed')!.caller.name;
    await expect.poll(() => page.getByTestId('call-back-entry').locator('.call-card__title').allTextContents(), { timeout: 15_000 }).toEqual([missedCaller]);

    // "Open in CRM" on the live call: exactly one tab, at the primary card's link.
    const link = live[0]!.caller.url!;
    await liveCards.first().getByRole('button', { name: en.popupOpenInCrm!.message, exact: true }).click();
    await waitFor(() => (opened.context.pages().some((p) => p.url() === link) ? true : undefined), `a tab at ${link}`, 30_000);
    expect(opened.context.pages().filter((p) => p.url().startsWith(`${CRM_ORIGIN}/`)).map((p) => p.url())).toEqual([link]);
    await page.bringToFront();

    await expectNoAxeViolations(page, 'light');
    await shot(page, 'popup-en-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expectNoAxeViolations(page, 'dark');
    await shot(page, 'popup-en-dark');

    // The options page of the same configured, connected browser, for the README.
    const options = await opened.openExtensionPage('src/options/options.html', { colorScheme: 'light' });
    await options.setViewportSize({ width: 900, height: 1200 });
    await options.getByRole('heading', { level: 1, name: en.optionsTitle!.message }).waitFor({ timeout: 30_000 });
    await expect.poll(() => options.getByTestId('diagnostics').textContent(), { timeout: 15_000 }).toContain(`${en.optionsStateConnected!.message} (`);
    // The whole page in one viewport: a full-page capture would paint the sticky Save bar mid-page.
    const height = await options.evaluate(() => document.documentElement.scrollHeight);
    await options.setViewportSize({ width: 900, height });
    await options.screenshot({ path: `${SCREENSHOTS}/options-en.png`, animations: 'disabled' });
  });

  it('follows the browser language: the same shift in Ukrainian, light and dark', async () => {
    const opened = await browserAfterShift('uk');
    const uk = catalog('uk');
    const page = await openPopup(opened, 'light');
    await expect.poll(() => page.getByTestId('live-call').first().getByRole('button', { name: uk.popupOpenInCrm!.message, exact: true }).count()).toBe(1);
    const outcomes = await page.getByTestId('recent-call').locator('.outcome').allTextContents();
    expect(outcomes.sort()).toEqual(ended.map((c) => uk[outcomeKey(c.outcome)]!.message).sort());
    await expectNoAxeViolations(page, 'light, Ukrainian');
    await shot(page, 'popup-uk-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await shot(page, 'popup-uk-dark');
  });
});
