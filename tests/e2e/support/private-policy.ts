// Managed policy for one browser only. Chromium reads the fixed /etc/chromium/policies/managed
// and Firefox its distribution/policies.json, both global to the machine; a browser started
// through these wrappers gets a private mount namespace where that folder holds our policy, so
// no other browser on the machine (other tests, other helpers) ever sees it. Needs root (CI is).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function assertCanUnshare(): void {
  if (process.getuid?.() !== 0) throw new Error('a private managed policy needs root (CI runs as root)');
  const probe = spawnSync('unshare', ['--mount', '--', 'true']);
  if (probe.status !== 0) throw new Error(`unshare --mount failed: ${probe.stderr?.toString() ?? ''}`);
}

/** A script that starts `binary` with `privateDir` mounted over `mountPoint`. */
function wrapper(workDir: string, name: string, privateDir: string, mountPoint: string, binary: string): string {
  const path = join(workDir, `${name}.sh`);
  writeFileSync(
    path,
    `#!/bin/sh\nexec unshare --mount -- sh -c 'mount --bind "$0" ${mountPoint} || exit 1; bin="$1"; shift; exec "$bin" "$@"' ${JSON.stringify(privateDir)} ${JSON.stringify(binary)} "$@"\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

/** Chromium (Debian) whose /etc/chromium/policies/managed holds only `policy` (as callpop.json). */
export function chromiumWithPolicy(workDir: string, policyJson: string, binary = '/usr/lib/chromium/chromium'): string {
  assertCanUnshare();
  const privateEtc = join(workDir, 'etc-chromium');
  mkdirSync(join(privateEtc, 'policies', 'managed'), { recursive: true });
  for (const file of ['master_preferences', 'initial_preferences']) {
    if (existsSync(`/etc/chromium/${file}`)) copyFileSync(`/etc/chromium/${file}`, join(privateEtc, file));
  }
  writeFileSync(join(privateEtc, 'policies', 'managed', 'callpop.json'), policyJson);
  return wrapper(workDir, 'chromium-with-policy', privateEtc, '/etc/chromium', binary);
}

export const FIREFOX_DISTRIBUTION = '/usr/share/firefox-esr/distribution';

/** Firefox ESR (Debian) whose distribution/policies.json is `policiesJson`. */
export function firefoxWithPolicies(workDir: string, policiesJson: string, binary = '/usr/lib/firefox-esr/firefox-esr'): string {
  assertCanUnshare();
  const privateDist = join(workDir, 'firefox-distribution');
  mkdirSync(privateDist, { recursive: true });
  if (existsSync(join(FIREFOX_DISTRIBUTION, 'searchplugins'))) spawnSync('cp', ['-r', join(FIREFOX_DISTRIBUTION, 'searchplugins'), privateDist]);
  writeFileSync(join(privateDist, 'policies.json'), policiesJson);
  return wrapper(workDir, 'firefox-with-policies', privateDist, FIREFOX_DISTRIBUTION, binary);
}
