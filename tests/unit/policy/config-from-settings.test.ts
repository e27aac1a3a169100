// Issue 19 §2 "Export for IT": the options page's settings become the managed configuration that
// every generated file carries. Only changes from the defaults go in (a key in a policy is locked
// for every agent); the key only when the admin ticks it; never this desk's own subscriber.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { managedConfigFromSettings } from '../../../src/settings/policy-files/config-from-settings';
import { schemaErrors } from '../../../src/settings/policy-files/schema-check';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src/settings/settings-schema';

const mine: Settings = { ...DEFAULT_SETTINGS, domain: 'qwerty.pbx.vega.ua', apiKey: 'Sup3r+Secret', subscriber: '101' };
const noKey = { includeApiKey: false, subscriberTemplate: null };

describe('managedConfigFromSettings', () => {
  it('leaves the key out unless asked, and never exports this desk’s subscriber', () => {
    expect(managedConfigFromSettings(mine, noKey)).toEqual({ domain: 'qwerty.pbx.vega.ua' });
    expect(managedConfigFromSettings(mine, { ...noKey, includeApiKey: true })).toEqual({ domain: 'qwerty.pbx.vega.ua', apiKey: 'Sup3r+Secret' });
  });

  it('derives each agent’s subscriber from their e-mail when chosen, with the template only when one is given', () => {
    expect(managedConfigFromSettings(mine, { ...noKey, subscriberTemplate: '' })).toEqual({ domain: 'qwerty.pbx.vega.ua', subscriberFrom: 'profileEmail' });
    expect(managedConfigFromSettings(mine, { ...noKey, subscriberTemplate: ' {local}@company.ua ' })).toMatchObject({ subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@company.ua' });
  });

  it('exports only what differs from the defaults, so untouched choices stay each agent’s', () => {
    const changed: Settings = {
      ...mine,
      notifications: { ...mine.notifications, outgoing: true, autoOpen: 'ring' },
      crmAllowList: ['https://crm.example.com'],
      historyLimit: 1500,
      language: 'uk',
    };
    expect(managedConfigFromSettings(changed, noKey)).toEqual({
      domain: 'qwerty.pbx.vega.ua',
      notifications: { outgoing: true, autoOpen: 'ring' },
      crmAllowList: ['https://crm.example.com'],
      historyLimit: 1500,
      language: 'uk',
    });
  });

  it('always fits public/managed-schema.json, holds the key only when ticked, and never a subscriber (any settings)', () => {
    const settings = fc.record({
      domain: fc.string(),
      apiKey: fc.string(),
      subscriber: fc.string(),
      urlTemplate: fc.string(),
      notifications: fc.record({
        incoming: fc.boolean(), internal: fc.boolean(), outgoing: fc.boolean(), missed: fc.boolean(),
        onAnswer: fc.constantFrom('update' as const, 'clear' as const),
        autoOpen: fc.constantFrom('off' as const, 'ring' as const, 'answer' as const),
        autoOpenFocused: fc.boolean(), ringSound: fc.boolean(),
      }),
      crmAllowList: fc.array(fc.webUrl()),
      dialPrefixes: fc.array(fc.stringMatching(/^\+?\d{1,6}$/)),
      historyLimit: fc.integer({ min: 10, max: 5000 }),
      language: fc.constantFrom('browser' as const, 'uk' as const, 'en' as const),
      silenceLimitSeconds: fc.integer({ min: 30, max: 600 }),
    });
    fc.assert(
      fc.property(settings, fc.boolean(), fc.option(fc.constantFrom('', '{local}@company.ua')), (raw, includeApiKey, subscriberTemplate) => {
        const s = settingsSchema.parse({ ...raw, version: DEFAULT_SETTINGS.version });
        const config = managedConfigFromSettings(s, { includeApiKey, subscriberTemplate });
        expect(schemaErrors(config)).toEqual([]);
        expect('subscriber' in config).toBe(false);
        expect('apiKey' in config).toBe(includeApiKey && s.apiKey !== '');
      }),
    );
  });
});
