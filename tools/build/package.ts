// `npm run package`: store-ready zips for both browsers, plus the source archive the Firefox
// store asks for when code is bundled. Version numbers come from package.json alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const out = resolve('artifacts/packages');

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
// NODE_ENV is pinned: a caller's NODE_ENV=test (a test runner's) would otherwise give other bytes.
for (const browser of ['chrome', 'firefox']) run('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'warn'], { CALLPOP_STORE: '1', NODE_ENV: 'production' });
zipDir('dist/store-chrome', 'chrome.zip');
zipDir('dist/store-firefox', 'firefox.zip');
// The reviewer rebuilds from this with `npm ci && npm run package` (docs/deployment.md, "Packaging for the stores").
writeSourceArchive();
console.log(`Packages in ${out}:`);
run('ls', ['-l', out]);
