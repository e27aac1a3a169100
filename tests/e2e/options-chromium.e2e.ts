// Issue 4 §5: a new agent connects the real extension from the options page alone, and an IT
// admin's policy connects it with no click at all, in Chromium against the simulator.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../tools/i18n/load-catalog';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from './support/axe';
import { CHROME_EXTENSION_ID, CHROMIUM_PATH, launchChromium, waitFor, type ChromiumExtension } from './support/chromium';
import { AGENT_EXT, DEMO_API_KEY, startLoopbackSimulator } from './support/extension-setup';
import { readHealth } from './support/extension-state';
import { LOCAL_KEYS } from '../../src/storage/keys';
import type { Simulator } from '../../tools/simulator/simulator';

const OPTIONS = 'src/options/options.html';
const en = loadCatalog('en');
const say = (key: string) => en[key]!.message;

/** Soft, so the rest of the flow is still checked when axe finds something; the test fails all the same. */
async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe-core on ${what}:\n${describeViolations(violations)}`).toEqual([]);
}

async function openOptions(ext: ChromiumExtension): Promise<Page> {
  const page = await ext.openExtensionPage(OPTIONS);
  await page.getByRole('heading', { level: 1, name: say('optionsTitle') }).waitFor({ timeout: 30_000 });
  return page;
}

async function waitConnected(ext: ChromiumExtension, sim: Simulator): Promise<void> {
  await waitFor(async () => ((await readHealth(ext))?.state === 'connected' && sim.clientCount() === 1 ? true : undefined), 'the background connected', 30_000);
}

describe('the options page in Chromium', () => {
  let sim: Simulator | undefined;
  let ext: ChromiumExtension | undefined;

  afterEach(async () => {
    await ext?.close();
    await sim?.stop();
    ext = undefined;
    sim = undefined;
  });

  it('an agent types the settings, tests a wrong and a right key, saves, and the background connects', async () => {
    sim = await startLoopbackSimulator();
    ext = await launchChromium();
    const page = await openOptions(ext);
    const testResult = page.getByTestId('test-result');
    const testButton = page.getByRole('button', { name: say('optionsTestButton'), exact: true });

    await page.getByLabel(say('optionsDomainLabel'), { exact: true }).fill(`127.0.0.1:${sim.port}`);
    await page.getByLabel(say('optionsApiKeyLabel'), { exact: true }).fill('wrong-key');
    await page.getByLabel(say('optionsSubscriberLabel'), { exact: true }).fill(AGENT_EXT);

    await testButton.click();
    await expect.poll(() => testResult.textContent(), { timeout: 20_000 }).toContain(say('optionsTestRefused'));

    // The key field is masked; "Show" reveals what was typed, so the agent can spot the typo.
    const apiKey = page.getByLabel(say('optionsApiKeyLabel'), { exact: true });
    expect(await apiKey.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: say('optionsApiKeyToggleLabel') }).click();
    expect(await apiKey.getAttribute('type')).toBe('text');
    await apiKey.fill(DEMO_API_KEY);
    await testButton.click();
    await expect.poll(() => testResult.textContent(), { timeout: 20_000 }).toContain(say('optionsTestConnected'));
    // Testing saves nothing: the background is still not configured and holds no socket.
    expect((await readHealth(ext))?.state ?? 'not-configured').toBe('not-configured');
    await waitFor(() => (sim!.clientCount() === 0 ? true : undefined), 'the test socket closed again');

    await expectNoAxeViolations(page, 'the filled options page');

    await page.getByRole('button', { name: say('optionsSave'), exact: true }).click();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toBe(say('optionsSavedConnecting'));
    await waitConnected(ext, sim);
    await expect.poll(() => page.getByTestId('diagnostics').textContent(), { timeout: 15_000 }).toContain(`${say('optionsStateConnected')} (`);
  });

  describe('with a managed policy (Chromium policy file)', () => {
    const workDir = mkdtempSync(join(tmpdir(), 'callpop-policy-'));
    let cleanupPolicy: () => void = () => undefined;

    afterAll(() => {
      // Always, even after a failure: a left-over policy would configure every later Chromium.
      cleanupPolicy();
      rmSync(workDir, { recursive: true, force: true });
    });

    /**
     * Chromium reads policies from the fixed /etc/chromium/policies/managed and watches it, so a
     * policy written there would also reach every other Chromium on this machine (other test runs
     * in parallel). Where we may, the browser gets a private mount namespace whose /etc/chromium
     * holds the policy; otherwise the policy goes to the real folder for the shortest time.
     */
    function installPolicy(policy: object): string | undefined {
      if (process.getuid?.() !== 0) throw new Error('writing a Chromium policy needs root (CI runs as root)');
      const body = JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } });
      const privateEtc = join(workDir, 'etc-chromium');
      mkdirSync(join(privateEtc, 'policies', 'managed'), { recursive: true });
      const canUnshare = spawnSync('unshare', ['--mount', '--', 'sh', '-c', `mount --bind ${JSON.stringify(privateEtc)} /etc/chromium`]).status === 0;
      if (canUnshare) {
        for (const file of ['master_preferences', 'initial_preferences']) {
          if (existsSync(`/etc/chromium/${file}`)) copyFileSync(`/etc/chromium/${file}`, join(privateEtc, file));
        }
        writeFileSync(join(privateEtc, 'policies', 'managed', 'callpop-e2e.json'), body);
        const wrapper = join(workDir, 'chromium-private-etc.sh');
        writeFileSync(
          wrapper,
          `#!/bin/sh\nexec unshare --mount -- sh -c 'mount --bind "$0" /etc/chromium || exit 1; bin="$1"; shift; exec "$bin" "$@"' ${JSON.stringify(privateEtc)} ${JSON.stringify(CHROMIUM_PATH)} "$@"\n`,
        );
        chmodSync(wrapper, 0o755);
        return wrapper;
      }
      const shared = '/etc/chromium/policies/managed/callpop-e2e.json';
      mkdirSync('/etc/chromium/policies/managed', { recursive: true });
      writeFileSync(shared, body);
      cleanupPolicy = () => rmSync(shared, { force: true });
      return undefined;
    }

    it('domain, API key and subscriber from the policy connect with no click, and show locked on the options page', async () => {
      sim = await startLoopbackSimulator();
      const executablePath = installPolicy({ domain: `127.0.0.1:${sim.port}`, apiKey: DEMO_API_KEY, subscriber: AGENT_EXT });
      ext = await launchChromium(executablePath ? { executablePath } : {});
      await waitConnected(ext, sim);
      cleanupPolicy(); // the real folder (fallback only) holds the policy no longer than needed

      const page = await openOptions(ext);
      for (const [label, value] of [
        [say('optionsDomainLabel'), `127.0.0.1:${sim.port}`],
        [say('optionsSubscriberLabel'), AGENT_EXT],
      ] as const) {
        const field = page.getByLabel(label, { exact: true });
        await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(value);
        expect(await field.isDisabled()).toBe(true);
      }
      const apiKey = page.getByLabel(say('optionsApiKeyLabel'), { exact: true });
      expect(await apiKey.isDisabled()).toBe(true);
      expect(await apiKey.getAttribute('type')).toBe('password');
      // No "Show" for a key the admin set: the agent never sees the company's key.
      expect(await page.getByRole('button', { name: say('optionsApiKeyToggleLabel') }).count()).toBe(0);
      expect(await page.getByText(say('optionsLocked'), { exact: true }).count()).toBe(3);
      // Issue 16.3: the page never receives the policy's key, not even in the disabled field's value.
      expect(await apiKey.inputValue()).toBe('');
      expect(await page.evaluate((key) => document.documentElement.outerHTML.includes(key) || [...document.querySelectorAll('input')].some((i) => i.value.includes(key)), DEMO_API_KEY)).toBe(false);
      // "Test connection" still works: the background fills in the key the page does not have.
      await page.getByRole('button', { name: say('optionsTestButton'), exact: true }).click();
      await expect.poll(() => page.getByTestId('test-result').textContent(), { timeout: 20_000 }).toContain(say('optionsTestConnected'));
      // The policy's key is used, never copied into the agent's own storage.
      const stored = await ext.evalInWorker((key) => chrome.storage.local.get(key), LOCAL_KEYS.settings);
      expect(JSON.stringify(stored)).not.toContain(DEMO_API_KEY);
      await expectNoAxeViolations(page, 'the options page with locked fields');
    });
  });
});
