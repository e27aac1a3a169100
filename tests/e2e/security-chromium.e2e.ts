// Issue 16 in a real Chromium: "Test connection" leaves no key in the options page's console
// (finding 2), CRM links open only where the rules allow (finding 5), and host access granted
// for an old PBX domain goes when the domain changes (finding 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { loadCatalog } from '../../tools/i18n/load-catalog';
import type { Page } from 'playwright-core';
import { launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { AGENT_EXT, configureExtension, freePort, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { allCalls, readCallsState } from './support/extension-state';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { grantHostAccess } from './support/host-access';

const en = loadCatalog('en');
const say = (key: string) => en[key]!.message;
const TYPED_KEY = 'Wr0ngKey-S3cr3t-4242';
const PATTERN = 'http://127.0.0.1/*';
const RING_OPENS = { ...DEFAULT_SETTINGS.notifications, autoOpen: 'ring' as const, autoOpenFocused: true };

describe('issue 16 in Chromium', () => {
  let sim: Simulator;
  let ext: ChromiumExtension;
  let web: Server;
  let webOrigin: string;
  const webHits: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    web = createServer((req, res) => {
      // The browser's own favicon fetch for an opened tab is not a link being opened.
      if (req.url !== '/favicon.ico') webHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>CRM</title><p>contact</p>');
    });
    await new Promise<void>((resolve) => web.listen(port, '127.0.0.1', resolve));
    webOrigin = `http://127.0.0.1:${port}`;
    sim = await startLoopbackSimulator();
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
    await new Promise((resolve) => web?.close(resolve));
  });

  /** Every console line of the page, the browser's own network and CORS lines included (the Log domain). */
  async function consoleOf(page: Page): Promise<string[]> {
    const lines: string[] = [];
    page.on('console', (m) => lines.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    const cdp = await ext.context.newCDPSession(page);
    cdp.on('Log.entryAdded', ({ entry }: { entry: { source: string; level: string; text: string; url?: string } }) => lines.push(`log ${entry.source} ${entry.level}: ${entry.text} ${entry.url ?? ''}`));
    await cdp.send('Log.enable');
    await cdp.send('Runtime.enable');
    return lines;
  }

  it('a failed "Test connection" leaves no key in the options page console', async () => {
    const page = await ext.openExtensionPage('src/options/options.html');
    await page.getByRole('heading', { level: 1, name: say('optionsTitle') }).waitFor({ timeout: 30_000 });
    const lines = await consoleOf(page);
    const result = page.getByTestId('test-result');
    const test = page.getByRole('button', { name: say('optionsTestButton'), exact: true });
    await page.getByLabel(say('optionsApiKeyLabel'), { exact: true }).fill(TYPED_KEY);
    await page.getByLabel(say('optionsSubscriberLabel'), { exact: true }).fill(AGENT_EXT);

    // A PBX that refuses this key, then a port where nothing listens.
    await page.getByLabel(say('optionsDomainLabel'), { exact: true }).fill(`127.0.0.1:${sim.port}`);
    await test.click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain(say('optionsTestRefused'));
    await page.getByLabel(say('optionsDomainLabel'), { exact: true }).fill(`127.0.0.1:${await freePort()}`);
    await test.click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain(say('optionsTestUnreachable'));

    // The collector is live: a line the page writes arrives (a scan of nothing would prove nothing).
    await page.evaluate(() => console.error('callpop-console-probe'));
    await waitFor(() => (lines.some((l) => l.includes('callpop-console-probe')) ? true : undefined), 'the console probe');
    const pieces = Array.from({ length: TYPED_KEY.length - 5 }, (_, i) => TYPED_KEY.slice(i, i + 6));
    const all = lines.join('\n');
    for (const piece of pieces) expect(all, `options console holds "${piece}":\n${all}`).not.toContain(piece);
    expect(all).not.toContain('apiKey=');
    await page.close();
  });

  const dialFrame = (uuid: string, url: string) => {
    const line = readScenarioFile('tests/fixtures/scenarios/incoming-missed.jsonl')[0]!;
    const frame = JSON.parse(line.frame) as { uuid: string; dialAt: number; serverTime: number; otherLegs: Array<{ url: string }> };
    frame.uuid = uuid;
    frame.dialAt = frame.serverTime = Date.now();
    frame.otherLegs[0]!.url = url;
    return JSON.stringify(frame);
  };
  const ringing = async (uuid: string) => waitFor(async () => (allCalls(await readCallsState(ext)).some((c) => c.uuid === uuid) ? true : undefined), `call ${uuid}`);
  const openFromPage = async (page: Page, url: string, call: string) => page.evaluate(([u, c]) => chrome.runtime.sendMessage({ type: 'open-crm', url: u, call: c }), [url, call] as const);
  const tabsAt = (url: string) => ext.context.pages().filter((p) => p.url() === url).length;

  it('link rules: no http: or loopback link opens by itself; on a click only when allow-listed, and only a link the named call carries', async () => {
    const crmLink = `${webOrigin}/crm/41`;
    await configureExtension(ext, settingsFor(sim, { notifications: RING_OPENS, crmAllowList: [] }));
    await sim.waitForClients(1, 20_000);
    const popup = await ext.openExtensionPage('src/popup/popup.html');

    // Without an allow-list: an http: link on loopback neither auto-opens nor opens on a click.
    sim.send(dialFrame('link-call-1', crmLink));
    await ringing('link-call-1');
    await new Promise((r) => setTimeout(r, 2000));
    expect(webHits).toEqual([]);
    expect(await openFromPage(popup, crmLink, 'link-call-1')).toEqual({ ok: false, error: 'invalid-link' });
    // A link the named call does not carry is refused, however harmless it looks.
    expect(await openFromPage(popup, 'https://crm.example.com/contacts/41', 'link-call-1')).toEqual({ ok: false, error: 'invalid-link' });
    expect(await openFromPage(popup, 'https://crm.example.com/contacts/41', 'no-such-call')).toEqual({ ok: false, error: 'invalid-link' });

    // Allow-listed: a click opens it, but it still never opens by itself as a call rings.
    await configureExtension(ext, settingsFor(sim, { notifications: RING_OPENS, crmAllowList: [webOrigin] }));
    await new Promise((r) => setTimeout(r, 500));
    sim.send(dialFrame('link-call-2', crmLink));
    await ringing('link-call-2');
    await new Promise((r) => setTimeout(r, 2000));
    expect(webHits).toEqual([]);
    expect(tabsAt(crmLink)).toBe(0);
    expect(await openFromPage(popup, crmLink, 'link-call-2')).toEqual({ ok: true });
    await waitFor(() => (webHits.length === 1 && tabsAt(crmLink) === 1 ? true : undefined), 'the allow-listed link opened on the click');
    await popup.close();
  });

  it('host access granted for the old PBX goes when the domain changes', async () => {
    const has = () => ext.evalInWorker((p) => chrome.permissions.contains({ origins: [p] }), PATTERN);
    await grantHostAccess(ext, PATTERN);
    expect(await has()).toBe(true);

    await configureExtension(ext, settingsFor(sim, { domain: `localhost:${sim.port}` }));
    await waitFor(async () => ((await has()) ? undefined : true), 'the old PBX origin removed', 15_000);
    expect(await ext.evalInWorker(() => chrome.permissions.getAll().then((p) => p.origins ?? []))).toEqual([]);
  });
});
