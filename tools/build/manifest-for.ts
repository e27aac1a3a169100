// Per-browser manifest from the one static manifest.json: each browser gets only the keys it
// understands, so both load without warnings and `web-ext lint` stays clean.
import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type TargetBrowser = 'chrome' | 'firefox';

/** Public key of the unpacked Chrome build: it fixes the extension id so a policy can name it. */
export const CHROME_DEV_KEY_FILE = new URL('../../public-key.txt', import.meta.url);

type Manifest = Record<string, unknown> & { version: string };

export interface ManifestOptions {
  /** Store package: no development `key` (the store assigns the id). */
  store?: boolean;
  /**
   * Self-hosted package: the folder URL where the company serves update.xml / updates.json and
   * the packages. No development `key` either: the id comes from the company's signing key.
   */
  selfHostedBase?: string;
}

export function manifestFor(browser: TargetBrowser, options: ManifestOptions = {}): ManifestV3Export {
  const base = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const manifest: Manifest = { ...base, version: pkg.version };
  const background = { ...(base.background as Record<string, unknown>) };
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    delete background.scripts;
    // Optional, Chrome only: the account e-mail for the managed `subscriberFrom` (src/platform/profile-email.ts says why).
    manifest.optional_permissions = ['identity', 'identity.email'];
    if (options.selfHostedBase) manifest.update_url = new URL('update.xml', options.selfHostedBase).href;
    else if (!options.store) manifest.key = readFileSync(CHROME_DEV_KEY_FILE, 'utf8').trim();
  } else {
    delete manifest.minimum_chrome_version;
    // Firefox reads managed settings from policies.json, not from a schema file.
    delete manifest.storage;
    delete background.service_worker;
    if (options.selfHostedBase) {
      // A self-distributed add-on names where Firefox looks for its updates.
      const settings = base.browser_specific_settings as { gecko: Record<string, unknown> };
      manifest.browser_specific_settings = { ...settings, gecko: { ...settings.gecko, update_url: new URL('updates.json', options.selfHostedBase).href } };
    }
    // Firefox plays the ring sound in its background page and knows no "offscreen" permission;
    // it has no notification buttons, so no "Copy number" there and no clipboardWrite to ask for.
    manifest.permissions = (base.permissions as string[] | undefined)?.filter((p) => p !== 'offscreen' && p !== 'clipboardWrite');
  }
  manifest.background = background;
  return manifest as unknown as ManifestV3Export;
}
