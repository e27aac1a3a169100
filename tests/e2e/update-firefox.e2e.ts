// Issue 20: an update of the installed add-on in Firefox ESR keeps the agent's settings, history
// and callers to call back, and the new version connects once and pops. Firefox updates an add-on
// in place: version N+1 of the same id (a copy of dist/firefox with a higher manifest version) is
// installed over version N in the running browser, which stops N's event page and starts N+1's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from './support/chromium';
import { FIREFOX_DIST, launchFirefox, type FirefoxExtension } from './support/firefox';
import { alertWindows, openTabFromChrome } from './support/firefox-chrome';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { framesProcessed, readHealth, readStorage } from './support/extension-state';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { LOCAL_KEYS } from '../../src/storage/keys';

const SCENARIOS = 'tests/fixtures/scenarios';
const CALLS = [...readScenarioFile(`${SCENARIOS}/incoming-answered.jsonl`), ...readScenarioFile(`${SCENARIOS}/incoming-missed.jsonl`)].map((l) => l.frame);
const GROUP_DIAL = readScenarioFile(`${SCENARIOS}/group-call.jsonl`)[0]!.frame;

const version = (ff: FirefoxExtension) => ff.evalInWorker(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getManifest().version, null);

describe('an add-on update in Firefox ESR', () => {
  const work = mkdtempSync(join(tmpdir(), 'callpop-ff-update-'));
  const oldBuild = join(work, 'old');
  const newBuild = join(work, 'new');
  let sim: Simulator | undefined;
  let ff: FirefoxExtension | undefined;
  afterAll(async () => {
    await ff?.close();
    await sim?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps settings, history and callers to call back; the new version connects once and pops', async () => {
    cpSync(FIREFOX_DIST, oldBuild, { recursive: true });
    cpSync(FIREFOX_DIST, newBuild, { recursive: true });
    const manifestPath = join(newBuild, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const oldVersion = manifest.version;
    manifest.version = `${oldVersion}.1`;
    writeFileSync(manifestPath, JSON.stringify(manifest));

    // Version N, configured, with an answered and a missed call behind it.
    sim = await startLoopbackSimulator();
    ff = await launchFirefox({ systemAccess: true, extensionDir: oldBuild });
    expect(await version(ff)).toBe(oldVersion);
    const settings = settingsFor(sim, { historyLimit: 250 });
    await configureExtension(ff, settings);
    await sim.waitForClients(1, 20_000);
    for (const frame of CALLS) sim.send(frame);
    await framesProcessed(ff, CALLS.length, waitFor);
    const history = () => readStorage(ff!, 'local', LOCAL_KEYS.history) as Promise<Array<{ uuid: string }> | undefined>;
    const historyBefore = await waitFor(async () => {
      const list = (await history()) ?? [];
      return list.length === 2 ? list.map((c) => c.uuid) : undefined;
    }, 'both calls in the saved history');
    const callBacksBefore = (await readStorage(ff, 'local', LOCAL_KEYS.callBacks)) as unknown[];
    expect(callBacksBefore).toHaveLength(1); // the missed caller
    const acceptedBefore = sim.stats().acceptedConnections;

    // Version N+1 over it, in the running browser. N's pages close with it; the options tab it opened
    // on install is the window's only tab, and Firefox quits with its last tab: keep another one open.
    await ff.browser.newPage();
    await ff.browser.installExtension(newBuild);
    // N+1 opens no page (it is configured): open its options page from Firefox to look inside.
    await openTabFromChrome(ff, `${ff.origin}/src/options/options.html`);
    await waitFor(async () => ((await version(ff!).catch(() => null)) === manifest.version ? true : undefined), `version ${manifest.version} running`);

    expect(await readStorage(ff, 'local', LOCAL_KEYS.settings)).toMatchObject({ domain: settings.domain, subscriber: settings.subscriber, historyLimit: 250 });
    expect(((await history()) ?? []).map((c) => c.uuid)).toEqual(historyBefore);
    expect(await readStorage(ff, 'local', LOCAL_KEYS.callBacks)).toEqual(callBacksBefore);

    await waitFor(async () => ((await readHealth(ff!))?.state === 'connected' && sim!.stats().acceptedConnections > acceptedBefore ? true : undefined), 'N+1 connected');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sim.clientCount()).toBe(1); // N's socket went with N
    expect(sim.stats().acceptedConnections - acceptedBefore).toBe(1);

    sim.send(GROUP_DIAL);
    const pop = await waitFor(async () => (await alertWindows(ff!)).find((a) => a.title === 'Ярослав Руденко'), 'the pop of a call after the update');
    expect(pop.body).toBe('ТОВ «Київбуд» · +380972223344 · Київ, основний · Sales');
  });
});
