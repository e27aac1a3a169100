// Writes the latency bench's reference extension (reference-extension/background.js) into a
// scratch folder with its manifest, CallPop's icon and the simulator URL to connect to. Chromium
// runs it as a service worker; Firefox as an event page, like CallPop in each, plus a small page
// the bench reads its timings through (a Firefox event page cannot be evaluated in directly).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TargetBrowser } from '../build/manifest-for';

export const REFERENCE_SUBSCRIBER = 'agent@example.com';
export const REFERENCE_GECKO_ID = 'callpop-bench-reference@callpop.example';
/** Fixed before launch so the bench knows the reference's moz-extension:// origin. */
export const REFERENCE_FIREFOX_UUID = '0b7e4c9a-2f61-4d8e-9a35-7c1d6e2f8b40';

/** How far the reference goes toward CallPop (reference-extension/background.js); the floor is 'plain'. */
export type ReferenceMode = 'plain' | 'options' | 'options+record';
const MODES: readonly ReferenceMode[] = ['plain', 'options', 'options+record'];

export function referenceMode(value = process.env.BENCH_REFERENCE_MODE ?? 'plain'): ReferenceMode {
  const mode = MODES.find((m) => m === value);
  if (!mode) throw new Error(`BENCH_REFERENCE_MODE must be one of ${MODES.join(', ')}, not "${value}"`);
  return mode;
}

export function buildReferenceExtension(url: string, browser: TargetBrowser, mode: ReferenceMode = referenceMode()): string {
  const dir = mkdtempSync(join(tmpdir(), 'callpop-bench-reference-'));
  const manifest = {
    manifest_version: 3,
    name: 'CallPop bench reference',
    version: '1.0',
    permissions: mode === 'options+record' ? ['notifications', 'storage'] : ['notifications'],
    ...(browser === 'chrome'
      ? { background: { service_worker: 'background.js' } }
      : {
          background: { scripts: ['background.js'] },
          browser_specific_settings: { gecko: { id: REFERENCE_GECKO_ID } },
          // Firefox's default MV3 policy upgrades ws:// to wss://; CallPop's manifest says the same.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
        }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ url, openTimingsPage: browser === 'firefox', browser, mode }));
  writeFileSync(join(dir, 'timings.html'), '<!doctype html><meta charset="utf-8"><title>reference timings</title>');
  copyFileSync(resolve('tools/bench/reference-extension/background.js'), join(dir, 'background.js'));
  copyFileSync(resolve('public/icons/icon-128.png'), join(dir, 'icon-128.png'));
  return dir;
}
