// Issue 19 §1–2: Debian's Firefox ESR, given only the policies.json that `npm run policy` wrote,
// installs CallPop from the company's server, reads its configuration from "3rdparty", and, as the
// policy derives the subscriber from the agent's e-mail (subscriberFrom) and Firefox gives none,
// the options page asks the agent for it once and says why; with it, CallPop connects as the
// subscriber the admin's template makes. The policy is seen only by this Firefox: it is mounted
// over the distribution folder in a private mount namespace (support/private-policy.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from './support/chromium';
import { DEMO_API_KEY, freePort, startLoopbackSimulator } from './support/extension-setup';
import { FIREFOX_DIST, GECKO_ID, launchFirefox, type FirefoxExtension } from './support/firefox';
import { FIREFOX_DISTRIBUTION, firefoxWithPolicies } from './support/private-policy';
import type { Simulator, SimulatorClient } from '../../tools/simulator/simulator';
import { LOCAL_KEYS } from '../../src/storage/keys';

/** Firefox reads the first of these that exists: a policy already there would stand in for ours. */
const SYSTEM_POLICY_FILES = ['/etc/firefox/policies/policies.json', '/etc/firefox-esr/policies/policies.json', join(FIREFOX_DISTRIBUTION, 'policies.json')];

function run(cmd: string, args: string[], cwd = resolve('.')): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('Firefox ESR configured by the generated policies.json', () => {
  const work = mkdtempSync(join(tmpdir(), 'callpop-ff-policies-'));
  const requests: string[] = [];
  let sim: Simulator | undefined;
  let server: Server | undefined;
  let ff: FirefoxExtension | undefined;
  afterAll(async () => {
    await ff?.close();
    await sim?.stop();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs and configures CallPop; the options page asks for the e-mail once, and CallPop connects as the derived subscriber', async () => {
    const foreign = SYSTEM_POLICY_FILES.filter((file) => existsSync(file));
    if (foreign.length > 0) throw new Error(`a Firefox policy is already in force on this machine (${foreign.join(', ')}): remove it before running this test`);
    if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIST}: run "npm run build" first.`);

    // The company's server: the add-on package. Unsigned here, which Firefox ESR accepts only
    // with xpinstall.signatures.required=false (a test pref; real fleets serve the signed XPI).
    const xpi = join(work, 'callpop.xpi');
    run('zip', ['-qrX', xpi, '.'], FIREFOX_DIST);
    const port = await freePort();
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url !== '/callpop.xpi') return void res.writeHead(404).end();
      res.setHeader('content-type', 'application/x-xpinstall');
      res.end(readFileSync(xpi));
    });
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));

    sim = await startLoopbackSimulator();
    const policyDir = join(work, 'policies');
    run('npx', [
      'tsx', 'tools/policy/cli.ts', '--id', CHROME_EXTENSION_ID, '--firefox-install-url', `http://127.0.0.1:${port}/callpop.xpi`,
      '--domain', `127.0.0.1:${sim.port}`, '--api-key', DEMO_API_KEY, '--subscriber-from', 'profileEmail', '--subscriber-template', '{local}@example.com',
      '--out', policyDir,
    ]);
    // The admin then edits the file by hand and types a CRM origin wrong: the schema lets it through
    // (an array of strings), CallPop cannot use it, and the options page must say so.
    const written = JSON.parse(readFileSync(join(policyDir, 'firefox-policies.json'), 'utf8')) as { policies: { '3rdparty': { Extensions: Record<string, Record<string, unknown>> } } };
    written.policies['3rdparty'].Extensions[GECKO_ID]!.crmAllowList = ['crm.company.test/contacts'];
    const executablePath = firefoxWithPolicies(work, JSON.stringify(written));
    ff = await launchFirefox({ executablePath, install: false, prefs: { 'xpinstall.signatures.required': false } });

    // Installed by the policy alone; not configured yet (no subscriber), so it opens its options page.
    const options = await ff.extensionPage('options.html');
    expect(requests).toContain('/callpop.xpi');
    const managed = await options.evaluate(async () => (globalThis as unknown as { browser: typeof chrome }).browser.storage.managed.get(null));
    expect(managed).toMatchObject({ domain: `127.0.0.1:${sim.port}`, subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@example.com' });
    expect(await options.evaluate(async (id) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.id === id, GECKO_ID)).toBe(true);

    // The agent is asked, and told why.
    await options.waitForSelector('[data-testid="agent-email-section"]', { timeout: 15_000 });
    expect(await options.$eval('#agent-email-why', (el) => el.textContent)).toMatch(/Firefox never does|Firefox — ніколи/);
    expect(await options.$eval('#subscriber', (el) => (el as HTMLInputElement).disabled)).toBe(true);
    expect(sim.clientCount()).toBe(0);
    // The hand-made typo is named, by its policy key, for the agent to pass to IT.
    expect(await options.$eval('[data-testid="policy-ignored"]', (el) => el.textContent)).toMatch(/: crmAllowList\./);

    const connected = new Promise<SimulatorClient>((r) => sim!.onClient(r));
    await options.type('#agentEmail', 'agent@company.test');
    await options.click('[data-testid="agent-email-section"] button[type="submit"]');
    const client = await Promise.race([connected, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no connection after the e-mail was saved')), 20_000))]);
    expect(client.subscriber).toBe('agent@example.com');
    const stored = await options.evaluate(async (key) => (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(key))[key], LOCAL_KEYS.agentEmail);
    expect(stored).toBe('agent@company.test');

    // Asked once: the page now says where the subscriber comes from, and no longer asks.
    await options.waitForFunction(() => document.querySelector('#agent-email-why')?.textContent?.includes('agent@company.test'), { timeout: 10_000 });
    expect(await options.$eval('#subscriber', (el) => (el as HTMLInputElement).value)).toBe('agent@example.com');
  });
});
