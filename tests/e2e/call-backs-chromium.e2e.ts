// Issue 18 end to end in Chromium: a missed call and a second attempt put the caller on the
// popup's "To call back" list once, with 2 attempts, and the badge counts them; a worker restart
// keeps the entry; the repeat caller's pop and live card carry the story line; the agent's call
// back, answered, takes the entry (and the badge) away.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFor, type ChromiumExtension } from './support/chromium';
import { extensionTest } from './support/extension-test';
import { liveNotificationIds, readStorage } from './support/extension-state';
import { answeredCallBack, CALLER_KEY, CALLER_NAME, missedCall, ringingCall } from './support/call-back-frames';
import type { Simulator } from '../../tools/simulator/simulator';

const POPUP = 'src/popup/popup.html';
const MINUTE = 60_000;

const test = extensionTest({ scope: 'file' });

describe('to call back, in Chromium', () => {
  let popup: Page;

  const badge = (ext: ChromiumExtension) => ext.evalInWorker(() => chrome.action.getBadgeText({}));
  const waitForBadge = (ext: ChromiumExtension, text: string, what: string) =>
    waitFor(async () => ((await badge(ext)) === text ? true : undefined), `badge "${text}" (${what})`, 30_000);
  const entries = () => popup.getByTestId('call-back-entry');

  function send(sim: Simulator, frames: string[]): void {
    for (const frame of frames) sim.send(frame);
  }

  async function openPopup(ext: ChromiumExtension): Promise<Page> {
    const page = await ext.openExtensionPage(POPUP);
    await page.getByTestId('popup-root').and(page.locator('[aria-busy="false"]')).waitFor({ timeout: 30_000 });
    return page;
  }

  test('a missed call and a second attempt are one entry counting 2, and the badge counts the caller', async ({ sim, connected: ext }) => {
    const start = Date.now() - 20 * MINUTE;
    await waitForBadge(ext, '', 'idle and connected');
    popup = await openPopup(ext);
    // Nothing to call back: the section takes no space at all.
    expect(await popup.getByTestId('call-backs').count()).toBe(0);

    send(sim, missedCall('cb-missed-1', start, '+380671234567'));
    await entries().first().waitFor({ timeout: 30_000 });
    expect(await entries().count()).toBe(1);
    await expect.poll(() => entries().first().getByTestId('call-back-attempts').textContent(), { timeout: 15_000 }).toContain('1');

    // The second attempt writes the number the national way: still the same caller.
    send(sim, missedCall('cb-missed-2', start + 5 * MINUTE, '067 123 45 67'));
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
    await waitForBadge(ext, '1', 'one caller to call back');
    expect(await ext.evalInWorker(() => chrome.action.getTitle({}))).toContain('Callers waiting for a call back');
  });

  test('keeps the entry over a worker restart', async ({ connected: ext }) => {
    await ext.stopWorker();
    await waitForBadge(ext, '1', 'after the worker restarted');
    const stored = (await readStorage(ext, 'local', 'callpop.callBacks')) as { key: string; attempts: number }[];
    expect(stored.map((entry) => [entry.key, entry.attempts])).toEqual([[CALLER_KEY, 2]]);
  });

  test('the repeat caller rings with the story line in the pop and on the live card', async ({ sim, connected: ext }) => {
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
    send(sim, ringingCall('cb-ring-3', at, '+380671234567'));
    const id = 'call:cb-ring-3';
    await waitFor(async () => ((await liveNotificationIds(ext)).includes(id) ? true : undefined), 'the pop of the third call', 30_000);
    const created = await ext.evalInWorker(() => (globalThis as unknown as { __created: [string, { message: string }][] }).__created.map(([nid, options]) => [nid, options.message]));
    const pop = created.find(([nid]) => nid === id);
    expect(pop?.[1]).toMatch(/\n3rd call today · last missed \d{1,2}:\d{2}/);
    const story = popup.getByTestId('story-line');
    await story.waitFor({ timeout: 30_000 });
    expect(await story.textContent()).toMatch(/3rd call today · last missed \d{1,2}:\d{2}/);
    send(sim, [ringingCall('cb-ring-3', at, '+380671234567')[0]!.replace('call.dial', 'call.hangup')]);
    await popup.getByTestId('live-call').waitFor({ state: 'detached', timeout: 30_000 });
  });

  test('an answered call back takes the entry away, and the badge follows', async ({ sim, connected: ext }) => {
    // The unanswered third ring made it 3 attempts; the call back resolves them all.
    await expect.poll(() => entries().first().getByTestId('call-back-attempts').textContent(), { timeout: 30_000 }).toBe('Attempts: 3');
    send(sim, answeredCallBack('cb-back', Date.now(), '0671234567'));
    await popup.getByTestId('call-backs').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForBadge(ext, '', 'nobody left to call back');
    expect(await readStorage(ext, 'local', 'callpop.callBacks')).toEqual([]);
  });
});
