// The popup reads its language without the settings code (src/storage/ui-language.ts). It must
// give the language readEffectiveSettings gives, for anything the three areas may hold: old
// shapes, invalid values, non-objects, a failing area, no managed area at all.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { readEffectiveSettings } from '../../../src/storage/settings-store';
import { readUiLanguage } from '../../../src/storage/ui-language';
import { LOCAL_KEYS, SYNC_KEYS } from '../../../src/storage/keys';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

beforeEach(() => resetFakeBrowser());

const language = fc.oneof(fc.constantFrom('browser', 'uk', 'en', 'EN', 'de', '', 'uk ', 'auto'), fc.anything());
const version = fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1, 2, -1, 1.5, '1', null));
/** A stored settings object: today's, v0's flat keys, a future version, or something else entirely. */
const stored = fc.oneof(
  fc.record({ language, version, domain: fc.constantFrom('a.example', 'not a domain') }, { requiredKeys: [] }),
  fc.record({ language, pbxDomain: fc.constant('old.example'), notify: fc.boolean() }, { requiredKeys: [] }),
  fc.anything(),
);
const area = fc.record({ value: fc.option(stored, { nil: undefined }), fails: fc.boolean() });

describe('readUiLanguage', () => {
  it('gives the language readEffectiveSettings gives, for anything stored', async () => {
    await fc.assert(
      fc.asyncProperty(area, area, fc.option(fc.record({ language, subscriberFrom: fc.constant('profileEmail') }, { requiredKeys: [] }), { nil: undefined }), fc.constantFrom('present', 'fails', 'missing'), async (local, sync, policy, managedArea) => {
        resetFakeBrowser();
        if (local.value !== undefined) fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = local.value;
        if (sync.value !== undefined) fakeBrowser.storage.sync.data[SYNC_KEYS.preferences] = sync.value;
        if (policy !== undefined) await setPolicy(policy);
        fakeBrowser.storage.local.failWith = local.fails ? new Error('local unreadable') : null;
        fakeBrowser.storage.sync.failWith = sync.fails ? new Error('sync disabled by policy') : null;
        if (managedArea === 'fails') fakeBrowser.storage.managed!.failWith = new Error('Managed storage manifest not found');
        if (managedArea === 'missing') fakeBrowser.storage.managed = undefined;
        const expected = await readEffectiveSettings().then(
          (effective) => effective.settings.language,
          () => null, // a policy deriving the subscriber with local storage unreadable: the whole read fails
        );
        const language = await readUiLanguage();
        // Where the whole read fails (the popup stayed blank), the language alone still reads.
        expect(language).toBe(expected ?? language);
        expect(['browser', 'uk', 'en']).toContain(language);
      }),
      { numRuns: 300 },
    );
  });

  it('lets the policy win, then the synced preferences, then the local settings', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { version: 1, language: 'en' };
    expect(await readUiLanguage()).toBe('en');
    fakeBrowser.storage.sync.data[SYNC_KEYS.preferences] = { version: 1, language: 'uk' };
    expect(await readUiLanguage()).toBe('uk');
    await setPolicy({ language: 'browser' });
    expect(await readUiLanguage()).toBe('browser');
  });
});
