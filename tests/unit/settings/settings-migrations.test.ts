import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeLayers, migrateSettings, validFields } from '../../../src/settings/settings-migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema } from '../../../src/settings/settings-schema';

const read = (stored: unknown) => mergeLayers([validFields(migrateSettings(stored)).layer], DEFAULT_SETTINGS);

describe('settings migrations', () => {
  it('brings the pre-release flat shape {pbxDomain, key, ext} up to the current version', () => {
    const settings = read({ pbxDomain: 'qwerty.pbx.vega.ua', key: 'old-key', ext: 101, notify: false, allowList: 'https://crm.example, https://b.example' });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      version: SETTINGS_VERSION,
      domain: 'qwerty.pbx.vega.ua',
      apiKey: 'old-key',
      subscriber: '101',
      notifications: { ...DEFAULT_SETTINGS.notifications, incoming: false },
      crmAllowList: ['https://crm.example', 'https://b.example'],
    });
  });

  it('drops the old flat keys after migrating', () => {
    const migrated = migrateSettings({ pbxDomain: 'a.example', key: 'k', ext: '12' });
    expect(migrated).toEqual({ version: 1, domain: 'a.example', apiKey: 'k', subscriber: '12' });
  });

  it('leaves current settings untouched', () => {
    const current = { ...DEFAULT_SETTINGS, domain: 'x.example', apiKey: 'k', subscriber: '101', historyLimit: 42 };
    expect(read(current)).toEqual(current);
  });

  it('keeps the valid fields of a half-corrupt value and defaults the rest', () => {
    const settings = read({ version: 1, domain: 'x.example', apiKey: 7, historyLimit: 3, language: 'de', notifications: { missed: false, onAnswer: 'explode' } });
    expect(settings.domain).toBe('x.example');
    expect(settings.apiKey).toBe('');
    expect(settings.historyLimit).toBe(DEFAULT_SETTINGS.historyLimit);
    expect(settings.language).toBe('browser');
    expect(settings.notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, missed: false });
  });

  it('reads anything stored as valid settings and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ version: fc.jsonValue(), domain: fc.jsonValue(), notifications: fc.jsonValue(), historyLimit: fc.jsonValue() }, { requiredKeys: [] })), (stored) => {
        const settings = read(stored);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
        expect(settings.version).toBe(SETTINGS_VERSION);
      }),
      { numRuns: 1000 },
    );
  });

  it('takes each field from the first layer that has it', () => {
    const merged = mergeLayers([{ domain: 'policy.example', notifications: { missed: false } }, { domain: 'mine.example', apiKey: 'k', notifications: { missed: true, outgoing: true } }], DEFAULT_SETTINGS);
    expect(merged.domain).toBe('policy.example');
    expect(merged.apiKey).toBe('k');
    expect(merged.notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, missed: false, outgoing: true });
  });
});
