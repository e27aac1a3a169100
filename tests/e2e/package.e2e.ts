// Issue 7 §4: `npm run package` writes the two store packages and a source archive from which
// the reviewer's rebuild gives the very same files. Not a browser test, but a slow one (three
// production builds), so it runs with the end-to-end suite.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHooksIn } from '../../tools/build/test-hook-markers';
import { launchChromium, unpackedExtensionId, waitFor } from './support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { liveNotificationIds } from './support/extension-state';
import { incomingFrame } from './support/fault-frames';

const root = resolve('.');
const out = join(root, 'artifacts/packages');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'callpop-package-'));

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed:\n${result.stdout}\n${result.stderr}`);
}

function unzip(zip: string, name: string): string {
  const dir = join(scratch, name);
  run('unzip', ['-q', zip, '-d', dir], scratch);
  return dir;
}

/** Every file under `dir` with a hash of its bytes, by path relative to `dir`. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

const manifestIn = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('npm run package', () => {
  let chrome = '';
  let firefox = '';
  beforeAll(() => {
    run('npm', ['run', '--silent', 'package'], root);
    chrome = unzip(join(out, 'chrome.zip'), 'chrome');
    firefox = unzip(join(out, 'firefox.zip'), 'firefox');
  }, 300_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes a Chrome Web Store package: Manifest V3, version from package.json, no development key, no source maps', () => {
    const manifest = manifestIn(chrome);
    expect(manifest).toMatchObject({ manifest_version: 3, version, background: { service_worker: expect.any(String) } });
    expect(manifest).not.toHaveProperty('key');
    const files = Object.keys(fingerprint(chrome));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toContain((manifest.background as { service_worker: string }).service_worker);
  });

  it('writes an addons.mozilla.org package: event page, gecko id and data collection declared, version from package.json', () => {
    const manifest = manifestIn(firefox);
    expect(manifest).toMatchObject({
      manifest_version: 3,
      version,
      background: { scripts: expect.any(Array) },
      browser_specific_settings: { gecko: { id: 'callpop@callpop.example', data_collection_permissions: expect.any(Object) } },
    });
    expect(Object.keys(fingerprint(firefox)).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('the store packages hold no test hook, timing probe or test tuning (issue 15 §4)', () => {
    expect(testHooksIn(chrome)).toEqual([]);
    expect(testHooksIn(firefox)).toEqual([]);
  });

  it('the exact Chrome store package loads, connects and pops a call', async () => {
    const sim = await startLoopbackSimulator();
    const ext = await launchChromium({ extensionDir: chrome, extensionId: unpackedExtensionId(chrome) });
    try {
      await configureExtension(ext, settingsFor(sim));
      await sim.waitForClients(1, 20_000);
      sim.send(incomingFrame('call.dial', 'store-smoke'));
      const ids = await waitFor(async () => {
        const live = await liveNotificationIds(ext);
        return live.includes('call:store-smoke') ? live : undefined;
      }, 'the store package to pop the call');
      expect(ids).toContain('call:store-smoke');
    } finally {
      await ext.close();
      await sim.stop();
    }
  }, 120_000);

  it('writes a source archive from which the documented rebuild gives the same files', () => {
    const source = unzip(join(out, 'source.zip'), 'source');
    for (const needed of ['package.json', 'package-lock.json', 'README.md', 'vite.config.ts', 'manifest.json', 'src', 'tools/build/package.ts']) {
      expect(statSync(join(source, needed)), needed).toBeTruthy();
    }
    // `npm ci` here would only fetch what the lock file already pins; the installed tree stands in.
    symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
    run('npm', ['run', '--silent', 'package'], source);
    expect(fingerprint(unzip(join(source, 'artifacts/packages/chrome.zip'), 'rebuilt-chrome'))).toEqual(fingerprint(chrome));
    expect(fingerprint(unzip(join(source, 'artifacts/packages/firefox.zip'), 'rebuilt-firefox'))).toEqual(fingerprint(firefox));
  }, 300_000);
});
