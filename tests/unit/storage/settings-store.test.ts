import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { isConfigured, readEffectiveSettings, saveSettings, watchSettings, InvalidSettingsError } from '../../../src/storage/settings-store';
import { MANAGED_KEYS_WITHOUT_API_KEY, parseManagedSettings } from '../../../src/settings/managed-settings';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../src/settings/settings-schema';
import { LOCAL_KEYS, SYNC_KEYS } from '../../../src/storage/keys';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const mine = { ...DEFAULT_SETTINGS, domain: 'mine.example', apiKey: 'my-key', subscriber: '101' };

beforeEach(() => resetFakeBrowser());

describe('readEffectiveSettings', () => {
  it('gives defaults on a fresh install, with nothing locked and nothing configured', async () => {
    const { settings, locked } = await readEffectiveSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(locked).toEqual([]);
    expect(isConfigured(settings)).toBe(false);
  });

  it('lets the policy win over local settings, field by field, and locks those fields', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, historyLimit: 50 };
    await setPolicy({ domain: 'https://Policy.pbx.vega.ua/', notifications: { autoOpen: 'ring' } });
    const { settings, locked } = await readEffectiveSettings();
    expect(settings.domain).toBe('policy.pbx.vega.ua');
    expect(settings.apiKey).toBe('my-key');
    expect(settings.historyLimit).toBe(50);
    expect(settings.notifications.autoOpen).toBe('ring');
    expect(settings.notifications.incoming).toBe(true);
    expect(locked.sort()).toEqual(['domain', 'notifications.autoOpen']);
  });

  it('connects from a policy of domain, apiKey and subscriber alone', async () => {
    await setPolicy({ domain: 'qwerty.pbx.vega.ua', apiKey: 'company-key', subscriber: 'agent@example.com' });
    const { settings } = await readEffectiveSettings();
    expect(isConfigured(settings)).toBe(true);
  });

  it('ignores invalid policy fields and keeps the agent’s own value', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    await setPolicy({ domain: 'not a domain', subscriber: 'x', historyLimit: 'lots', language: 'uk' });
    const { settings, locked, ignoredByPolicy } = await readEffectiveSettings();
    expect(settings.domain).toBe('mine.example');
    expect(settings.subscriber).toBe('101');
    expect(settings.historyLimit).toBe(500);
    expect(settings.language).toBe('uk');
    expect(locked).toEqual(['language']);
    // Named for the options page and the diagnostics, as the admin wrote them.
    expect([...ignoredByPolicy].sort()).toEqual(['domain', 'historyLimit', 'subscriber']);
  });

  it('treats a missing or failing managed area as no policy (Firefox without policies.json)', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    fakeBrowser.storage.managed = undefined;
    expect((await readEffectiveSettings()).settings).toEqual(mine);
    resetFakeBrowser();
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    fakeBrowser.storage.managed!.failWith = new Error('Managed storage manifest not found');
    expect((await readEffectiveSettings()).settings).toEqual(mine);
  });

  it('takes synced preferences over local ones, but never connection fields from sync', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, language: 'en' };
    fakeBrowser.storage.sync.data[SYNC_KEYS.preferences] = { version: 1, language: 'uk', apiKey: 'leaked', domain: 'evil.example' };
    const { settings } = await readEffectiveSettings();
    expect(settings.language).toBe('uk');
    expect(settings.apiKey).toBe('my-key');
    expect(settings.domain).toBe('mine.example');
  });

  it('reads a pre-release flat value through the migration', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { pbxDomain: 'old.example', key: 'k', ext: '77' };
    const { settings } = await readEffectiveSettings();
    expect(settings).toMatchObject({ domain: 'old.example', apiKey: 'k', subscriber: '77' });
    expect(isConfigured(settings)).toBe(true);
  });

  it('never throws and always yields valid settings, whatever is stored in any area', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), async (local, sync, managed) => {
        resetFakeBrowser();
        fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = local;
        fakeBrowser.storage.sync.data[SYNC_KEYS.preferences] = sync;
        if (managed && typeof managed === 'object' && !Array.isArray(managed)) fakeBrowser.storage.managed!.data = managed as Record<string, unknown>;
        const { settings, locked, ignoredByPolicy } = await readEffectiveSettings();
        expect(settingsSchema.safeParse(settings).success).toBe(true);
        // What is reported as ignored is a key the policy set, and never one that is also in force.
        const policyKeys = new Set(Object.keys(fakeBrowser.storage.managed!.data));
        for (const key of ignoredByPolicy) {
          expect(policyKeys.has(key.split('.')[0]!)).toBe(true);
          expect(locked).not.toContain(key);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('policy values CallPop cannot use', () => {
  // The policy's own keys with any JSON, or a plausible string: most runs set some keys badly.
  const policyValue = fc.oneof(fc.jsonValue(), fc.string(), fc.constantFrom('qwerty.pbx.vega.ua', '101', 'https://crm.example/c/{num}', 'profileEmail', 'uk'));
  const policy = fc.dictionary(fc.constantFrom(...MANAGED_KEYS_WITHOUT_API_KEY, 'apiKey'), policyValue);

  it('are named exactly: each ignored key was set by the policy, none is in force, and every key set is either in force or named', async () => {
    await fc.assert(
      fc.asyncProperty(policy, async (managed) => {
        resetFakeBrowser();
        fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
        await setPolicy(managed);
        const { locked, ignoredByPolicy } = await readEffectiveSettings();
        const top = (path: string) => path.split('.')[0]!;
        const derivationInForce = locked.includes('subscriber') && managed.subscriberFrom === 'profileEmail';
        for (const key of ignoredByPolicy) {
          expect(Object.keys(managed)).toContain(top(key));
          // dialPrefixes keeps its readable entries in force (an unreadable one matches nothing); an
          // unusable subscriber gives way to the one derived from the e-mail, which is locked.
          if (key !== 'dialPrefixes' && !(key === 'subscriber' && derivationInForce)) expect(locked).not.toContain(key);
        }
        // Nothing the admin set goes unmentioned (the derivation keys lock `subscriber` instead).
        const accounted = new Set([...locked.map(top), ...ignoredByPolicy.map(top)]);
        for (const key of Object.keys(managed)) {
          const value = managed[key];
          if (key === 'notifications' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
            // Switch by switch: each known one set is in force or named (unknown names are not settings).
            for (const sub of Object.keys(value).filter((s) => s in DEFAULT_SETTINGS.notifications)) {
              const path = `notifications.${sub}`;
              expect(locked.includes(path as never) || ignoredByPolicy.includes(path), `policy ${path}`).toBe(true);
            }
            continue;
          }
          if (derivationInForce && (key === 'subscriberFrom' || key === 'subscriberTemplate')) continue;
          if (managed.subscriber !== undefined && (key === 'subscriberFrom' || key === 'subscriberTemplate')) continue;
          // The rule and its template stand or fall together, and the one that made it fall is named.
          if (key === 'subscriberTemplate' && ignoredByPolicy.includes('subscriberFrom')) continue;
          if (key === 'subscriberFrom' && ignoredByPolicy.includes('subscriberTemplate')) continue;
          expect(accounted.has(key), `policy key ${key} = ${JSON.stringify(managed[key])}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('saveSettings', () => {
  it('writes everything to local and only preferences to sync: the API key never syncs', async () => {
    await saveSettings({ domain: 'q.example', apiKey: 'top-secret', subscriber: '101', language: 'uk' });
    expect(fakeBrowser.storage.local.data[LOCAL_KEYS.settings]).toMatchObject({ apiKey: 'top-secret', language: 'uk', version: 1 });
    const synced = JSON.stringify(fakeBrowser.storage.sync.data);
    expect(synced).not.toContain('top-secret');
    expect(synced).not.toContain('q.example');
    expect(fakeBrowser.storage.sync.data[SYNC_KEYS.preferences]).toMatchObject({ language: 'uk', historyLimit: 500 });
    expect((await readEffectiveSettings()).settings).toMatchObject({ domain: 'q.example', apiKey: 'top-secret', language: 'uk' });
  });

  it('refuses an invalid field and writes nothing', async () => {
    await expect(saveSettings({ historyLimit: 1 })).rejects.toBeInstanceOf(InvalidSettingsError);
    expect(fakeBrowser.storage.local.data).toEqual({});
  });

  it('still saves locally when sync is unavailable', async () => {
    fakeBrowser.storage.sync.failWith = new Error('sync disabled');
    await saveSettings({ ...mine });
    fakeBrowser.storage.sync.failWith = null;
    expect((await readEffectiveSettings()).settings).toEqual(mine);
  });
});

describe('watchSettings', () => {
  it('fires for settings in local, preferences in sync and any policy change, and stops when asked', async () => {
    const onChange = vi.fn();
    const stop = watchSettings(onChange);
    await fakeBrowser.storage.local.set({ 'callpop.history': [] });
    await fakeBrowser.storage.session.set({ 'callpop.health': {} });
    expect(onChange).not.toHaveBeenCalled();
    await saveSettings({ language: 'en' });
    expect(onChange).toHaveBeenCalledTimes(2);
    await setPolicy({ language: 'uk' });
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
    stop();
    const before = onChange.mock.calls.length;
    await saveSettings({ language: 'uk' });
    expect(onChange.mock.calls.length).toBe(before);
  });
});

describe('parseManagedSettings', () => {
  it('reports the fields it had to ignore', () => {
    const { layer, invalid } = parseManagedSettings({ apiKey: 'has space', crmAllowList: ['javascript:alert(1)'], urlTemplate: 'http://{domain}/', historyLimit: 100 });
    expect(layer).toEqual({ historyLimit: 100 });
    expect(invalid.sort()).toEqual(['apiKey', 'crmAllowList', 'urlTemplate']);
  });

  it('normalizes allow-list entries to origins', () => {
    expect(parseManagedSettings({ crmAllowList: ['https://crm.example/contacts/'] }).layer.crmAllowList).toEqual(['https://crm.example']);
  });
});
