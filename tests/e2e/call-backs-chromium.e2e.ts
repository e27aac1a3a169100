// Issue 18 end to end in Chromium: a missed call and a second attempt put the caller on the
// popup's "To call back" list once, with 2 attempts, and the badge counts them; a worker restart
// keeps the entry; the repeat caller's pop and live card carry the story line; the agent's call
// back, answered, takes the entry (and the badge) away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { liveNotificationIds, readStorage } from './support/extension-state';
import { answeredCallBack, CALLER_KEY, CALLER_NAME, missedCall, ringingCall } from './support/call-back-frames';
import type { Simulator } from '../../tools/simulator/simulator';

const POPUP = 'src/popup/popup.html';
const MINUTE = 60_000;

describe('to call back, in Chromium', () => {
  let sim: Simulator;
  let ext: ChromiumExtension;
  let popup: Page;

  beforeAll(async () => {
    sim = await startLoopbackSimulator();
    ext = await launchChromium();
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 30_000);
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  const badge = () => ext.evalInWorker(() => chrome.action.getBadgeText({}));
  const waitForBadge = (text: string, what: string) => waitFor(async () => ((await badge()) === text ? true : undefined), `badge "${text}" (${what})`, 30_000);
  const entries = () => popup.getByTestId('call-back-entry');

  function send(frames: string[]): void {
    for (const frame of frames) sim.send(frame);
  }

  async function openPopup(): Promise<Page> {
    const page = await ext.openExtensionPage(POPUP);
    await page.getByTestId('popup-root').and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
    return page;
  }

  it('a missed call and a second attempt are one entry counting 2, and the badge counts the caller', async () => {
    const start = Date.now() - 20 * MINUTE;
    await waitForBadge('', 'idle and connected');
    popup = await openPopup();
    // Nothing to call back: the section takes no space at all.
    expect(await popup.getByTestId('call-backs').count()).toBe(0);

    send(missedCall('cb-missed-1', start, '+380671234567'));
    await entries().first().waitFor({ timeout: 30_000 });
    expect(await entries().count()).toBe(1);
    await expect.poll(() => entries().first().getByTestId('call-back-attempts').textContent(), { timeout: 15_000 }).toContain('1');

    // The second attempt writes the number the national way: still the same caller.
    send(missedCall('cb-missed-2', start + 5 * MINUTE, '067 123 45 67'));
    await expect.poll(() => entries().first().getByTestId('call-back-attempts').textContent(), { timeout: 30_000 }).toBe('Attempts: 2');
    expect(await entries().count()).toBe(1);
    const row = entries().first();
    expect(await row.getByRole('heading').textContent()).toBe(CALLER_NAME);
    expect(await row.textContent()).toMatch(/waiting (19|20|21) min/);
    expect(await row.getByRole('button', { name: 'Copy number' }).count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Open in CRM' }).count()).toBe(1);
    // Above the recent calls.
    const above = await popup.evaluate(() => {
      const section = document.querySelector('[data-testid="call-backs"]');
      const recent = document.getElementById('recent-heading');
      return !!section && !!recent && !!(section.compareDocumentPosition(recent) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    // The popup is open: the missed calls are seen, and the badge counts the one waiting caller.
    await waitForBadge('1', 'one caller to call back');
    expect(await ext.evalInWorker(() => chrome.action.getTitle({}))).toContain('Callers waiting for a call back');
  });

  it('keeps the entry over a worker restart', async () => {
    await ext.stopWorker();
    await waitForBadge('1', 'after the worker restarted');
    const stored = (await readStorage(ext, 'local', 'callpop.callBacks')) as { key: string; attempts: number }[];
    expect(stored.map((entry) => [entry.key, entry.attempts])).toEqual([[CALLER_KEY, 2]]);
  });

  it('the repeat caller rings with the story line in the pop and on the live card', async () => {
    await sim.waitForClients(1, 30_000);
    // Chrome has no getter for a notification's text: record what the worker asks for.
    await ext.evalInWorker(() => {
      const scope = globalThis as unknown as { __created?: unknown[]; browser?: typeof chrome };
      scope.__created = [];
      for (const api of new Set([chrome.notifications, scope.browser?.notifications])) {
        if (!api) continue;
        const create = api.create.bind(api) as (...args: unknown[]) => unknown;
        (api as unknown as { create: unknown }).create = (...args: unknown[]) => {
          scope.__created!.push(args);
          return create(...args);
        };
      }
    });
    const at = Date.now();
    send(ringingCall('cb-ring-3', at, '+380671234567'));
    const id = 'call:cb-ring-3';
    await waitFor(async () => ((await liveNotificationIds(ext)).includes(id) ? true : undefined), 'the pop of the third call', 30_000);
    const created = await ext.evalInWorker(() => (globalThis as unknown as { __created: [string, { message: string }][] }).__created.map(([nid, options]) => [nid, options.message]));
    const pop = created.find(([nid]) => nid === id);
    expect(pop?.[1]).toMatch(/\n3rd call today · last missed \d{1,2}:\d{2}/);
    const story = popup.getByTestId('story-line');
    await story.waitFor({ timeout: 30_000 });
    expect(await story.textContent()).toMatch(/3rd call today · last missed \d{1,2}:\d{2}/);
    send([ringingCall('cb-ring-3', at, '+380671234567')[0]!.replace('call.dial', 'call.hangup')]);
    await popup.getByTestId('live-call').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('an answered call back takes the entry away, and the badge follows', async () => {
    // The unanswered third ring made it 3 attempts; the call back resolves them all.
    await expect.poll(() => entries().first().getByTestId('call-back-attempts').textContent(), { timeout: 30_000 }).toBe('Attempts: 3');
    send(answeredCallBack('cb-back', Date.now(), '0671234567'));
    await popup.getByTestId('call-backs').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForBadge('', 'nobody left to call back');
    expect(await readStorage(ext, 'local', 'callpop.callBacks')).toEqual([]);
  });
});
