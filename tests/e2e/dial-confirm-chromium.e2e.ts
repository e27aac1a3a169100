// Issue 16, finding 4, in a real Chromium: a hostile page whose tel: link says one number and
// dials another. The context menu dials nothing by itself; the confirmation window shows the
// link's target (what would be dialled), not its text; the keyboard alone can cancel or confirm;
// only "Call" reaches the PBX's makeCall.
//
// A test cannot open a context menu: the worker's test hook runs the same click handler with
// what Chromium hands it (the anchor's resolved href as linkUrl). Host access is granted the way
// tests/e2e/rest-features-chromium.e2e.ts explains (the extension details page, then the popup's
// own button clicked for real).
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { waitFor, type ChromiumExtension } from './support/chromium';
import { extensionTest } from './support/extension-test';
import { AGENT_EXT, freePort } from './support/extension-setup';
import { allCalls, readCallsState } from './support/extension-state';
import type { Simulator } from '../../tools/simulator/simulator';
import { grantHostAccess } from './support/host-access';

const TARGET = '+882161234567'; // a satellite range: what the link really dials
const SHOWN = '+380 67 123 45 67'; // what the page shows the agent
const PATTERN = 'http://127.0.0.1/*';
const HOSTILE_PAGE = `<!doctype html><meta charset="utf-8"><title>Contacts</title>
<p>Our office: <a id="call" href="tel:${TARGET}">${SHOWN}</a></p>`;

const test = extensionTest({ scope: 'file', tuning: { exposeHandlers: true } });

describe('dialling from a hostile page in Chromium', () => {
  let sim: Simulator;
  let ext: ChromiumExtension;
  let web: Server;
  let webOrigin: string;

  // The simulator and the configured browser come from the file's fixture (support/extension-test.ts).
  test.beforeAll(async ({ sim: started, connected }) => {
    const port = await freePort();
    web = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE));
    await new Promise<void>((resolve) => web.listen(port, '127.0.0.1', resolve));
    webOrigin = `http://127.0.0.1:${port}`;
    sim = started;
    ext = connected;
    await allowCalling();
  });
  afterAll(async () => {
    await new Promise((resolve) => web?.close(resolve));
  });

  /** A call in history (the popup offers its allow button then), then host access. */
  async function allowCalling(): Promise<void> {
    sim.play('tests/fixtures/scenarios/incoming-missed.jsonl', { speed: 10 }).catch(() => undefined);
    await waitFor(async () => (allCalls(await readCallsState(ext)).some((c) => c.outcome === 'missed') ? true : undefined), 'a call in history', 30_000);
    await grantHostAccess(ext, PATTERN);
  }

  const menuClick = (linkUrl: string) =>
    ext.evalInWorker(async (url) => {
      const hooks = (globalThis as unknown as { __callpopTest: Record<string, (i: unknown) => Promise<unknown>> }).__callpopTest;
      return hooks.contextMenuClick!({ menuItemId: 'callpop-call-link', linkUrl: url });
    }, linkUrl);

  /** The context-menu click on the page's link, and the confirmation window it opens. */
  async function clickLinkInMenu(page: Page): Promise<{ result: unknown; confirm: Page }> {
    const linkUrl = await page.$eval('#call', (a) => (a as HTMLAnchorElement).href);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/dial/confirm-dial.html'), timeout: 15_000 });
    const result = await menuClick(linkUrl);
    const confirm = await opened;
    await confirm.getByTestId('dial-number').waitFor();
    return { result, confirm };
  }

  it('shows the link target, not its text, and dials nothing until the agent confirms', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${webOrigin}/contacts`);
    expect(await page.textContent('#call')).toBe(SHOWN);
    const before = sim.makeCallRequests().length;

    const { result, confirm } = await clickLinkInMenu(page);
    expect(result).toEqual({ ok: true, asked: true, number: TARGET });
    expect(await confirm.getByTestId('dial-number').textContent()).toBe(TARGET);
    const text = await confirm.evaluate(() => document.body.innerText);
    expect(text).toContain(`Call ${TARGET}`);
    expect(text.replace(/\s/g, '')).not.toContain('+380671234567');
    // Nothing reaches the PBX while the window waits.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sim.makeCallRequests().length).toBe(before);

    // Keyboard only: Cancel has the focus, so Enter cancels; the window closes, nothing is dialled.
    expect(await confirm.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dial-cancel');
    const closed = confirm.waitForEvent('close', { timeout: 10_000 });
    // The window may close before the key press reports back: the press races the close by design.
    const pressed = confirm.keyboard.press('Enter').catch((error: unknown) => {
      if (!confirm.isClosed()) throw error;
    });
    await closed;
    await pressed;
    expect(sim.makeCallRequests().length).toBe(before);
    await page.close();
  });

  it('Shift+Tab then Enter confirms with the keyboard, and makeCall dials the shown target', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${webOrigin}/contacts`);
    const before = sim.makeCallRequests().length;
    const { confirm } = await clickLinkInMenu(page);
    await confirm.keyboard.press('Shift+Tab');
    expect(await confirm.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dial-call');
    await confirm.keyboard.press('Enter');
    const request = await waitFor(() => sim.makeCallRequests()[before], 'makeCall after the confirmation');
    expect(request).toMatchObject({ legExt: AGENT_EXT, otherLegNum: TARGET });
    expect(sim.makeCallRequests().length).toBe(before + 1);
    await page.close();
  });

  it('a confirmation window opened by hand for a made-up token dials nothing', async () => {
    const before = sim.makeCallRequests().length;
    const forged = await ext.openExtensionPage('src/dial/confirm-dial.html#not-a-real-token');
    await forged.getByRole('alert').waitFor();
    expect(await forged.getByTestId('dial-call').count()).toBe(0);
    const reply = await forged.evaluate(() => chrome.runtime.sendMessage({ type: 'dial-confirm', token: 'not-a-real-token' }));
    expect(reply).toEqual({ ok: false, error: 'expired' });
    expect(sim.makeCallRequests().length).toBe(before);
    await forged.close();
  });
});
