// Bench robustness (issue 17 §5): the bench configures the extension itself, so a managed
// policy left on the machine (by another tool, a crashed test, an admin) would silently point
// it elsewhere or change what it pops. Such a policy is detected and the bench stops with a
// message naming it, instead of reporting figures of a differently configured extension.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXTENSION_ID, type ChromiumExtension } from '../../tests/e2e/support/chromium';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/** Where Debian's Firefox ESR reads enterprise policies from (the first is the one tests write). */
export const FIREFOX_POLICY_FILES = ['/usr/lib/firefox-esr/distribution/policies.json', '/etc/firefox/policies/policies.json'];

/** Policies that reach extensions: settings for ours, or install/block rules. */
const EXTENSION_POLICY = new RegExp(`${CHROME_EXTENSION_ID}|"3rdparty"|"Extension[A-Za-z]*"`);

/** Policy files in `dir` that would change how the bench's extensions behave. */
export function foreignPolicyFiles(dir = CHROMIUM_POLICY_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
    .filter((path) => EXTENSION_POLICY.test(readFileSync(path, 'utf8')));
}

export function assertNoForeignPolicyFiles(dir = CHROMIUM_POLICY_DIR): void {
  const found = foreignPolicyFiles(dir);
  if (found.length > 0) {
    throw new Error(
      `a Chromium managed policy on this machine configures extensions (${found.join(', ')}): ` +
        'it would point CallPop elsewhere or change what it pops, so the figures would not be ours. ' +
        'Remove it (or wait for the test that wrote it to finish) and run the bench again.',
    );
  }
}

/** Firefox policy files that reach extensions (our settings, ExtensionSettings, install rules). */
export function foreignFirefoxPolicyFiles(files = FIREFOX_POLICY_FILES): string[] {
  return files.filter((path) => existsSync(path) && /"3rdparty"|"Extension[A-Za-z]*"|callpop@callpop\.example/.test(readFileSync(path, 'utf8')));
}

export function assertNoForeignFirefoxPolicy(files = FIREFOX_POLICY_FILES): void {
  const found = foreignFirefoxPolicyFiles(files);
  if (found.length > 0) {
    throw new Error(
      `a Firefox enterprise policy on this machine configures extensions (${found.join(', ')}): ` +
        'it would point CallPop elsewhere or change what it pops, so the figures would not be ours. ' +
        'Remove it (or wait for the test that wrote it to finish) and run the bench again.',
    );
  }
}

/** Inside the running browser: storage.managed must be empty for the bench's own settings to apply. */
export async function assertNoManagedSettings(ext: ChromiumExtension): Promise<void> {
  const managed = await ext.evalInWorker(() => chrome.storage.managed.get(null));
  const keys = Object.keys(managed);
  if (keys.length > 0) {
    throw new Error(
      `a managed policy is in force for CallPop in this Chromium (storage.managed has ${keys.join(', ')}): ` +
        `the bench cannot configure the extension itself. Look in ${CHROMIUM_POLICY_DIR}.`,
    );
  }
}
