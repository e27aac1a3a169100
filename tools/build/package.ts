// `npm run package`: store-ready zips for both browsers, plus the source archive the Firefox
// store asks for when code is bundled. Version numbers come from package.json alone.
// `-- --self-hosted URL [--key FILE]` also writes a signed CRX3, update.xml, the Firefox zip to
// sign and updates.json for a company that serves CallPop from URL (docs/deployment.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSigningKey, SigningKeyError } from './signing-key';
import { writeSelfHosted, xpiName } from './self-hosted';

const { values: flags } = parseArgs({
  options: { 'self-hosted': { type: 'string' }, 'self-hosted-only': { type: 'boolean' }, key: { type: 'string' }, out: { type: 'string' } },
});
const out = resolve(flags.out ?? 'artifacts/packages');
if (flags['self-hosted-only'] && flags['self-hosted'] === undefined) {
  console.error('--self-hosted-only needs --self-hosted URL');
  process.exit(2);
}
const selfHostedBase = flags['self-hosted'] === undefined ? undefined : new URL(flags['self-hosted'].replace(/\/?$/, '/')).href;
// Fail before building anything: a missing key is the admin's first mistake, and the cheapest.
let signingKey: ReturnType<typeof loadSigningKey> | undefined;
try {
  signingKey = selfHostedBase ? loadSigningKey(flags.key) : undefined;
} catch (error) {
  if (!(error instanceof SigningKeyError)) throw error;
  console.error(error.message);
  process.exit(2);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, echo = true): string {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
  if (echo) process.stdout.write(result.stdout);
  return result.stdout;
}

function zipDir(sourceDir: string, filename: string): void {
  run('npx', ['web-ext', 'build', '--source-dir', sourceDir, '--artifacts-dir', out, '--filename', filename, '--overwrite-dest']);
}

/**
 * The source archive holds exactly the files the packages were built from: every file of the
 * working tree that git does not ignore, committed or not (a throwaway index, so the real one
 * is untouched). Archiving HEAD alone would hand reviewers a source that does not rebuild
 * these packages whenever the tree has changes.
 */
function writeSourceArchive(): void {
  if (!existsSync('.git')) {
    // The reviewer's own rebuild runs from the unpacked source.zip, which has no .git.
    console.log('Not a git checkout: source.zip not written (the zips above are the rebuild).');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'callpop-index-'));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    run('git', ['add', '--all', '.'], env);
    const tree = run('git', ['write-tree'], env, false).trim();
    run('git', ['archive', '--format=zip', `--output=${out}/source.zip`, tree]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
if (!flags['self-hosted-only']) {
  // NODE_ENV is pinned: a caller's NODE_ENV=test (a test runner's) would otherwise give other bytes.
  for (const browser of ['chrome', 'firefox']) run('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'warn'], { CALLPOP_STORE: '1', NODE_ENV: 'production' });
  zipDir('dist/store-chrome', 'chrome.zip');
  zipDir('dist/store-firefox', 'firefox.zip');
  // The reviewer rebuilds from this with `npm ci && npm run package` (docs/deployment.md, "Packaging for the stores").
  writeSourceArchive();
  console.log(`Packages in ${out}:`);
  run('ls', ['-l', out]);
}
if (selfHostedBase && signingKey) writeSelfHostedPackages(selfHostedBase, signingKey);

function writeSelfHostedPackages(base: string, key: NonNullable<typeof signingKey>): void {
  const dir = join(out, 'self-hosted');
  for (const browser of ['chrome', 'firefox']) {
    run('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'warn'], { CALLPOP_SELF_HOSTED_BASE: base, NODE_ENV: 'production' }, false);
  }
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const firefox = JSON.parse(readFileSync('dist/self-hosted-firefox/manifest.json', 'utf8')) as {
    browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  };
  mkdirSync(dir, { recursive: true });
  run('npx', ['web-ext', 'build', '--source-dir', 'dist/self-hosted-chrome', '--artifacts-dir', dir, '--filename', 'chrome-self-hosted.zip', '--overwrite-dest'], {}, false);
  run('npx', ['web-ext', 'build', '--source-dir', 'dist/self-hosted-firefox', '--artifacts-dir', dir, '--filename', `firefox-unsigned-${version}.zip`, '--overwrite-dest'], {}, false);
  const written = writeSelfHosted({
    base,
    version,
    geckoId: firefox.browser_specific_settings.gecko.id,
    firefoxMinVersion: firefox.browser_specific_settings.gecko.strict_min_version,
    chromeZip: join(dir, 'chrome-self-hosted.zip'),
    key,
    outDir: dir,
  });
  rmSync(join(dir, 'chrome-self-hosted.zip'));
  console.log(`Self-hosted packages in ${dir} (serve them from ${base}):`);
  console.log(`  Chrome/Edge extension id: ${written.id}`);
  console.log(`  Forcelist entry: ${written.id};${new URL('update.xml', base).href}`);
  console.log(`  Firefox: sign firefox-unsigned-${version}.zip (docs/deployment.md), serve it as ${xpiName(version)} beside updates.json`);
  run('ls', ['-l', dir]);
}
