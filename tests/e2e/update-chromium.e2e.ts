// Issue 8 §8: an extension update keeps the agent's settings and history and ends with one socket.
// Chromium disables an unpacked extension that calls runtime.reload(), so the update is done the
// way a real one reaches an unpacked install: the browser restarts on the same profile and finds
// a newer version (same key, so the same extension id) on disk.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_DIST, launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { allCalls, framesProcessed, readCallsState, readHealth, readStorage } from './support/extension-state';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { LOCAL_KEYS } from '../../src/storage/keys';

describe('an extension update', () => {
  const work = mkdtempSync(join(tmpdir(), 'callpop-update-'));
  const profileDir = join(work, 'profile');
  const oldBuild = join(work, 'old');
  const newBuild = join(work, 'new');
  let sim: Simulator | undefined;
  let ext: ChromiumExtension | undefined;
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps settings and history and ends with exactly one socket', async () => {
    cpSync(CHROME_DIST, oldBuild, { recursive: true });
    cpSync(CHROME_DIST, newBuild, { recursive: true });
    const manifestPath = join(newBuild, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    manifest.version = `${manifest.version}.1`;
    writeFileSync(manifestPath, JSON.stringify(manifest));

    sim = await startLoopbackSimulator();
    ext = await launchChromium({ profileDir, extensionDir: oldBuild });
    const settings = settingsFor(sim, { historyLimit: 250 });
    await configureExtension(ext, settings);
    await sim.waitForClients(1, 20_000);
    const file = 'tests/fixtures/scenarios/incoming-answered.jsonl';
    await sim.play(file, { speed: 8 });
    await framesProcessed(ext, readScenarioFile(file).length, waitFor);
    const historyBefore = allCalls(await readCallsState(ext)).map((c) => c.uuid);
    expect(historyBefore.length).toBeGreaterThan(0);
    await ext.close();
    await waitFor(() => (sim!.clientCount() === 0 ? true : undefined), 'the old browser gone');

    const acceptedBefore = sim.stats().acceptedConnections;
    ext = await launchChromium({ profileDir, extensionDir: newBuild });
    expect(await ext.evalInWorker(() => chrome.runtime.getManifest().version)).toBe(manifest.version);
    await sim.waitForClients(1, 30_000);
    await waitFor(async () => ((await readHealth(ext!))?.state === 'connected' ? true : undefined), 'connected after the update');

    expect(await readStorage(ext, 'local', LOCAL_KEYS.settings)).toMatchObject({ domain: settings.domain, subscriber: '101', historyLimit: 250 });
    // Session storage starts empty in a new browser; the history is in local storage.
    const history = (await readStorage(ext, 'local', LOCAL_KEYS.history)) as Array<{ uuid: string }>;
    expect(history.map((c) => c.uuid)).toEqual(historyBefore);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(sim.clientCount()).toBe(1);
    expect(sim.stats().acceptedConnections - acceptedBefore).toBe(1);
  });
});
