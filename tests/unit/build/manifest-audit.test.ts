// Issue 8 §18: the manifests ask for the least the features need and open no door.
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../../tools/build/manifest-for';
import { loadCatalog } from '../../../tools/i18n/load-catalog';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  background: Record<string, unknown>;
};

/**
 * Every permission and why (also listed in docs/security.md): alarms (the connection watchdog, the end of
 * "do not disturb for 1 hour"), notifications (the call pop-ups), storage (settings, state, history),
 * offscreen (Chrome only: a service worker has no Audio, so the ring sound plays in an offscreen document;
 * Firefox plays it in its background page and does not know the permission).
 */
const NEEDED_PERMISSIONS = {
  chrome: ['alarms', 'clipboardWrite', 'contextMenus', 'idle', 'notifications', 'offscreen', 'storage'],
  firefox: ['alarms', 'contextMenus', 'idle', 'notifications', 'storage'],
};
// idle (issue 14, no install warning): back from idle or a locked screen, the socket is suspect and is
// replaced make-before-break.
// clipboardWrite (Chrome only): the notification's "Copy number" button copies from the offscreen
// document, which is never focused; without the permission Chrome refuses the copy there.
// contextMenus (issue 10): "Call <number> via PBX" on selected text and tel: links, without content scripts or page access.

/**
 * Issue 10: the PBX's REST API (call back, calling from a page, catch-up after a gap) lives on
 * the PBX's own origin, which the agent types, so no fixed host can be named. It is asked for at
 * run time, on a click, for that one origin only: https anywhere, http only on loopback (the
 * simulator, like ws://). Optional, never required, never <all_urls>.
 */
const OPTIONAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'];

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (target) => {
  const manifest = manifestFor(target) as unknown as Manifest;
  const text = JSON.stringify(manifest);

  it('asks only for storage, notifications, alarms, idle, contextMenus (and offscreen, clipboardWrite in Chrome), and no host access', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(NEEDED_PERMISSIONS[target]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\/\*"/);
  });

  it('asks for PBX host access only as optional, run-time permissions', () => {
    const optional = (manifest as Manifest & { optional_host_permissions?: string[] }).optional_host_permissions ?? [];
    expect([...optional].sort()).toEqual(OPTIONAL_HOSTS);
    // Issue 19: Chrome only, optional: the account e-mail for the managed subscriberFrom ("Know your email address").
    expect(manifest.optional_permissions ?? []).toEqual(target === 'chrome' ? ['identity', 'identity.email'] : []);
  });

  it('has no content scripts, no externally_connectable and no web-accessible resources', () => {
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('keeps a CSP no looser than the default: scripts from the package only', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('takes its version from package.json', async () => {
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default as { version: string };
    expect(manifest.version).toBe(pkg.version);
  });
});

describe('per-browser keys', () => {
  it('gives Chrome a service worker and a minimum version of at least 116, and no gecko settings', () => {
    const chrome = manifestFor('chrome') as unknown as Manifest;
    expect(chrome.background).toEqual({ service_worker: 'src/background/background.ts', type: 'module' });
    expect(Number(chrome.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome).toHaveProperty('key');
  });

  it('leaves the public key out of the store package', () => {
    expect(manifestFor('chrome', { store: true })).not.toHaveProperty('key');
  });

  it('gives Firefox background scripts, a gecko id and data collection permissions', () => {
    const firefox = manifestFor('firefox') as unknown as Manifest & { browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(firefox.background).toEqual({ scripts: ['src/background/background.ts'], type: 'module' });
    expect(firefox.browser_specific_settings.gecko.id).toBe('callpop@callpop.example');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});

describe('keyboard shortcuts', () => {
  it.each(['chrome', 'firefox'] as const)('%s: the popup and "open caller in CRM", with a translated description', async (target) => {
    const commands = (manifestFor(target) as unknown as { commands: Record<string, { suggested_key?: { default?: string }; description?: string }> }).commands;
    expect(Object.keys(commands).sort()).toEqual(['_execute_action', 'open-caller-crm']);
    expect(commands['open-caller-crm']?.description).toBe('__MSG_commandOpenCallerCrm__');
    // Chrome accepts at most four suggested keys, each Ctrl/Alt (+Shift) plus one key.
    for (const command of Object.values(commands)) expect(command.suggested_key?.default).toMatch(/^(Ctrl|Alt)\+(Shift\+)?[A-Z0-9]$/);
    for (const lang of ['en', 'uk'] as const) {
      expect(loadCatalog(lang).commandOpenCallerCrm?.message, lang).toBeTruthy();
    }
  });
});
