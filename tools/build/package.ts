// `npm run package`: store-ready zips for both browsers, plus the source archive the Firefox
// store asks for when code is bundled. Version numbers come from package.json alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve('artifacts/packages');


function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

function zipDir(sourceDir: string, filename: string): void {
  run('npx', ['web-ext', 'build', '--source-dir', sourceDir, '--artifacts-dir', out, '--filename', filename, '--overwrite-dest']);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const browser of ['chrome', 'firefox']) run('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'warn'], { CALLPOP_STORE: '1' });
zipDir('dist/store-chrome', 'chrome.zip');
zipDir('dist/store-firefox', 'firefox.zip');
// The reviewer rebuilds from this with `npm ci && npm run package` (README, "Packaging").
run('git', ['archive', '--format=zip', `--output=${out}/source.zip`, 'HEAD']);
console.log(`Packages in ${out}:`);
run('ls', ['-l', out]);
