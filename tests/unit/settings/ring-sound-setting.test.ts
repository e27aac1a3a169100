// Issue 11: the ring-sound switch (notifications.ringSound) through migrations, the store and policy.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { readEffectiveSettings, saveSettings } from '../../../src/storage/settings-store';
import { mergeLayers, migrateSettings, validFields } from '../../../src/settings/settings-migrations';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { LOCAL_KEYS, SYNC_KEYS } from '../../../src/storage/keys';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const read = (stored: unknown) => mergeLayers([validFields(migrateSettings(stored)).layer], DEFAULT_SETTINGS);

beforeEach(() => resetFakeBrowser());

describe('ring sound setting', () => {
  it('is off by default, also for settings stored before it existed (v0 and v1)', () => {
    expect(DEFAULT_SETTINGS.notifications.ringSound).toBe(false);
    expect(read({ pbxDomain: 'a.example', key: 'k', ext: '12', notify: true }).notifications.ringSound).toBe(false);
    const { ringSound: _dropped, ...v1Policy } = DEFAULT_SETTINGS.notifications;
    expect(read({ ...DEFAULT_SETTINGS, notifications: { ...v1Policy, missed: false } }).notifications).toEqual({ ...DEFAULT_SETTINGS.notifications, missed: false });
  });

  it('a corrupt value falls back to off without touching the other switches', () => {
    const settings = read({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ringSound: 'loud', outgoing: true } });
    expect(settings.notifications.ringSound).toBe(false);
    expect(settings.notifications.outgoing).toBe(true);
  });

  it('is saved locally and follows the agent through sync', async () => {
    await saveSettings({ notifications: { ringSound: true } });
    expect((await readEffectiveSettings()).settings.notifications.ringSound).toBe(true);
    const synced = fakeBrowser.storage.sync.data[SYNC_KEYS.preferences] as { notifications: { ringSound: boolean } };
    expect(synced.notifications.ringSound).toBe(true);
    const local = fakeBrowser.storage.local.data[LOCAL_KEYS.settings] as { notifications: { ringSound: boolean; incoming: boolean } };
    expect(local.notifications).toMatchObject({ ringSound: true, incoming: true });
  });

  it('an administrator can set and lock it by policy, and the managed schema describes it', async () => {
    await setPolicy({ notifications: { ringSound: true } });
    const { settings, locked } = await readEffectiveSettings();
    expect(settings.notifications.ringSound).toBe(true);
    expect(locked).toContain('notifications.ringSound');
    const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as { properties: { notifications: { properties: Record<string, { type: string }> } } };
    expect(schema.properties.notifications.properties.ringSound?.type).toBe('boolean');
  });
});
