// Issue 8, attacks and secrets, in a real Chromium with the built extension and the simulator:
// hostile text (13), messages from outside (15), the API key kept out of every log and store (16),
// and a domain change that closes the old socket before the key goes anywhere new (17).
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { CHROME_DIST, launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { configureExtension, freePort, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { readCallsState, readHealth } from './support/extension-state';
import { healthWhen, incomingFrame, processedFrames } from './support/fault-frames';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { LOCAL_KEYS } from '../../src/storage/keys';

const SECRET = 'CALLPOP-SECRET-9f3b7c1e';
const sims: Simulator[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

async function launch(extraArgs?: string[]): Promise<ChromiumExtension> {
  const ext = await launchChromium({ extraArgs });
  cleanups.push(() => ext.close());
  return ext;
}
async function simulator(options: Parameters<typeof startLoopbackSimulator>[0] = {}): Promise<Simulator> {
  const sim = await startLoopbackSimulator(options);
  sims.push(sim);
  return sim;
}

/** Opens an extension page that records CSP violations from its very first script. */
async function openWatched(ext: ChromiumExtension, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

describe('hostile text (case 13)', () => {
  it('shows markup, script, a right-to-left override and a 10,000-character name as inert text in the popup, options and notifications, with no CSP violation', async () => {
    const sim = await simulator();
    const ext = await launch();
    // Record what the background asks the notification API to show (both namespaces: the polyfill may use either).
    await ext.evalInWorker(() => {
      const shown: unknown[] = [];
      (globalThis as unknown as { __shown: unknown[] }).__shown = shown;
      const spaces = [chrome, (globalThis as unknown as { browser?: typeof chrome }).browser].filter((s): s is typeof chrome => !!s?.notifications);
      for (const space of spaces) {
        const original = space.notifications.create.bind(space.notifications) as (...args: unknown[]) => unknown;
        (space.notifications as unknown as { create: (...args: unknown[]) => unknown }).create = (...args: unknown[]) => {
          shown.push(args.find((a) => typeof a === 'object' && a !== null));
          return original(...args);
        };
      }
    });
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 15_000);
    const img = '<img src=x onerror="globalThis.__pwned=1">';
    const script = '<script>globalThis.__pwned=2</script>';
    const long = 'Я'.repeat(10_000);
    sim.send(incomingFrame('call.dial', 'hostile', {
      leg: { id: 1, type: 1, displayName: `${img} agent`, ext: '101' },
      otherLegs: [{ id: 7, name: `${img}\u202Eevil.exe`, num: '+380501112233', companyName: script, url: 'javascript:alert(1)', priority: 1 }],
      trunkName: long,
    }));
    sim.send('{"event":"error","message":"<img src=x onerror=\\"globalThis.__pwned=3\\">"}');
    await processedFrames(ext, 2);

    for (const path of ['src/popup/popup.html', 'src/options/options.html']) {
      const page = await openWatched(ext, path);
      await waitFor(async () => ((await page.evaluate(() => document.body.innerText)).includes('<img src=x') ? true : undefined), `markup as text on ${path}`);
      const result = await page.evaluate(() => ({
        images: document.querySelectorAll('img, script:not([src])').length,
        pwned: (globalThis as unknown as { __pwned?: number }).__pwned ?? null,
        violations: (globalThis as unknown as { __cspViolations: string[] }).__cspViolations,
        text: document.body.innerText,
      }));
      expect(result.images, path).toBe(0);
      expect(result.pwned, path).toBeNull();
      expect(result.violations, path).toEqual([]);
      expect(result.text, path).not.toContain('\u202E');
      await page.close();
    }
    const shown = await ext.evalInWorker(() => (globalThis as unknown as { __shown: Array<{ title: string; message: string }> }).__shown);
    expect(shown.length).toBeGreaterThanOrEqual(1);
    for (const note of shown) {
      expect(note.title).toContain('<img src=x');
      expect(`${note.title}${note.message}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(note.title.length).toBeLessThanOrEqual(200);
      expect(note.message.length).toBeLessThanOrEqual(1_000);
      expect(note.title).toBe(note.title.trim());
    }
  });
});

describe('messages from outside (case 15)', () => {
  it('a web page cannot message the extension, another extension gets no receiver, and malformed messages from our own pages are refused', async () => {
    // A second, unrelated extension loaded beside ours.
    const intruderDir = mkdtempSync(join(tmpdir(), 'callpop-intruder-'));
    cleanups.push(() => rmSync(intruderDir, { recursive: true, force: true }));
    writeFileSync(join(intruderDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'intruder', version: '1.0', background: { service_worker: 'sw.js' } }));
    writeFileSync(join(intruderDir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
    const sim = await simulator();
    const ext = await launch([`--disable-extensions-except=${CHROME_DIST},${intruderDir}`, `--load-extension=${CHROME_DIST},${intruderDir}`]);
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 15_000);
    sim.send(incomingFrame('call.dial', 'kept'));
    sim.send(incomingFrame('call.hangup', 'kept'));
    await processedFrames(ext, 2);
    const historyBefore = (await readCallsState(ext)).history.map((c) => c.uuid);
    expect(historyBefore).toEqual(['kept']);

    const web: Server = createServer((_req, res) => res.end('<!doctype html><title>web</title><p>hello</p>'));
    const webPort = await freePort();
    await new Promise<void>((r) => web.listen(webPort, '127.0.0.1', () => r()));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          web.close(() => r());
          // The browser keeps its connection open; close() alone would wait for it.
          web.closeAllConnections();
        }),
    );
    const page = await ext.context.newPage();
    await page.goto(`http://127.0.0.1:${webPort}/`);
    const fromWeb = await page.evaluate(async (id) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime.sendMessage in a web page';
      try {
        return JSON.stringify(await runtime.sendMessage(id, { type: 'clear-history' }));
      } catch (error) {
        return `threw: ${String(error)}`;
      }
    }, ext.extensionId);
    expect(fromWeb).toMatch(/^(no runtime\.sendMessage|threw)/);

    const intruder = await waitFor(() => ext.context.serviceWorkers().find((w) => !w.url().includes(ext.extensionId)), 'the other extension');
    const fromExtension = await intruder.evaluate(async (id) => {
      try {
        return `answered: ${JSON.stringify(await chrome.runtime.sendMessage(id, { type: 'clear-history' }))}`;
      } catch (error) {
        return `threw: ${String(error)}`;
      }
    }, ext.extensionId);
    expect(fromExtension).toMatch(/^threw: .*(Receiving end does not exist|Could not establish connection)/);

    const popup = await ext.openExtensionPage('src/popup/popup.html');
    const replies = await popup.evaluate(async () => {
      const tries: unknown[] = [{ type: 'nuke-everything' }, { type: 'open-crm', url: 42, call: null }, { type: 'open-crm' }, 'clear-history', null, [{ type: 'clear-history' }]];
      const out: unknown[] = [];
      for (const message of tries) out.push(await chrome.runtime.sendMessage(message).catch((e: unknown) => `threw: ${String(e)}`));
      return out;
    });
    for (const reply of replies) expect(reply).toEqual({ ok: false, error: 'unknown message' });
    expect((await readCallsState(ext)).history.map((c) => c.uuid)).toEqual(historyBefore);
  });
});

describe('the API key (case 16)', () => {
  it('never appears in console output, page errors, synced or session storage, the diagnostics report, the displayed URL or any page text, through a full scenario with refusals and a PBX error echoing it', async () => {
    const sim = await simulator({ apiKey: SECRET });
    const ext = await launch();
    const logs: string[] = [];
    const collect = (where: string) => (message: ConsoleMessage) => logs.push(`${where} ${message.type()}: ${message.text()}`);
    ext.context.on('console', collect('context'));
    ext.context.on('weberror', (error) => logs.push(`weberror: ${String(error.error())}`));
    (await ext.worker()).on('console', collect('worker'));
    await configureExtension(ext, settingsFor(sim, { apiKey: SECRET }));
    await sim.waitForClients(1, 15_000);
    await sim.play(readScenarioFile('tests/fixtures/scenarios/incoming-answered.jsonl'), { speed: 20, rewriteTimes: true });
    sim.send(`{"event":"error","message":"invalid apiKey ${SECRET} for subscriber 101"}`);
    sim.send('{"broken');
    // A refused reconnect: the handshake carries the key in its URL.
    sim.setRefuse(true);
    sim.drop();
    await waitFor(() => (sim.stats().refusedAttempts >= 1 ? true : undefined), 'a refused handshake', 20_000);
    sim.setRefuse(false);
    await sim.waitForClients(1, 40_000);
    await healthWhen(ext, (h) => h.state === 'connected' && h.lastPbxError !== null, 'connected again');

    const popup = await ext.openExtensionPage('src/popup/popup.html');
    popup.on('console', collect('popup'));
    const options = await ext.openExtensionPage('src/options/options.html');
    options.on('console', collect('options'));
    await options.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => void ((globalThis as unknown as { __copied: string }).__copied = text);
    });
    await options.getByRole('button', { name: /Copy diagnostics/i }).click();
    const report = await waitFor(() => options.evaluate(() => (globalThis as unknown as { __copied?: string }).__copied), 'the diagnostics report');
    expect(report).toContain('***');

    const areas = await ext.evalInWorker(async (settingsKey) => {
      const local = await chrome.storage.local.get(null);
      delete local[settingsKey]; // the one place the key must live
      return { sync: await chrome.storage.sync.get(null), session: await chrome.storage.session.get(null), local };
    }, LOCAL_KEYS.settings);
    const health = await readHealth(ext);
    const haystacks: Record<string, string> = {
      console: logs.join('\n'),
      'storage.sync': JSON.stringify(areas.sync),
      'storage.session': JSON.stringify(areas.session),
      'storage.local (besides settings)': JSON.stringify(areas.local),
      'diagnostics report': report,
      'displayed URL': health?.displayUrl ?? '',
      'popup text': await popup.evaluate(() => document.body.innerText),
      'options text': await options.evaluate(() => document.body.innerText),
    };
    expect(health?.displayUrl).toContain('apiKey=***');
    expect(health?.lastPbxError?.message).toContain('invalid apiKey');
    for (const [where, text] of Object.entries(haystacks)) expect(text, where).not.toContain(SECRET);
    // The collectors are live (a scan of nothing would prove nothing): a marker from the worker and a page arrives.
    await ext.evalInWorker(() => console.info('callpop-console-probe worker'));
    await popup.evaluate(() => console.info('callpop-console-probe popup'));
    await waitFor(() => (logs.filter((l) => l.includes('callpop-console-probe')).length >= 2 ? true : undefined), 'console probes collected');
  });
});

describe('changing the PBX domain (case 17)', () => {
  it('closes the old socket before the key is sent to the new domain, and never sends it anywhere else', async () => {
    const oldPbx = await simulator({ apiKey: SECRET });
    const newPbx = await simulator({ apiKey: SECRET });
    const ext = await launch();
    await configureExtension(ext, settingsFor(oldPbx, { apiKey: SECRET }));
    await oldPbx.waitForClients(1, 15_000);
    const oldAttempts = oldPbx.stats().connectionAttempts;

    await configureExtension(ext, settingsFor(newPbx, { apiKey: SECRET }));
    await newPbx.waitForClients(1, 15_000);
    await waitFor(() => (oldPbx.clientCount() === 0 ? true : undefined), 'the old socket closed');
    const closedOld = oldPbx.events().find((e) => e.type === 'close');
    const firstNew = newPbx.events().find((e) => e.type === 'upgrade');
    expect(closedOld?.code).toBe(1000);
    expect(closedOld!.at).toBeLessThanOrEqual(firstNew!.at);
    // The key went to the new PBX once, and the old one never saw another handshake.
    expect(newPbx.stats()).toMatchObject({ connectionAttempts: 1, refusedAttempts: 0 });
    expect(oldPbx.stats().connectionAttempts).toBe(oldAttempts);
    expect((await readHealth(ext))?.displayUrl).toContain(`127.0.0.1:${newPbx.port}`);
  });
});
