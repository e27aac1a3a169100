// Where settings live: the agent's (local, including the API key: never synced), the
// preferences that follow the agent (sync: no connection field, ever) and the policy (managed,
// read only). Each stored layer is read field by field (settings-migrations.ts): one bad field
// falls back alone. Precedence is the settings' business (storage/settings-store.ts).
import { readRaw } from './area';
import { defineItem } from './item';
import { LOCAL_KEYS, SYNC_KEYS } from './keys';
import { SETTINGS_VERSION, type Settings } from '../settings/settings-schema';
import { migrateSettings, validFields, type SettingsLayer } from '../settings/settings-migrations';

/** Preferences that follow the agent through sync. Never add a connection field here. */
export const SYNCED_PREFERENCES = ['notifications', 'crmAllowList', 'historyLimit', 'language'] as const;

export type SyncedPreferences = Pick<Settings, (typeof SYNCED_PREFERENCES)[number]> & { version: number };

/** Written by the options page (and the popup's few switches) only. */
export const localSettingsItem = /* @__PURE__ */ defineItem<SettingsLayer>({
  area: 'local',
  key: LOCAL_KEYS.settings,
  version: SETTINGS_VERSION,
  migrate: migrateSettings,
  parse: (raw) => validFields(migrateSettings(raw)).layer,
  fallback: () => ({}),
});

export const syncedPreferencesItem = /* @__PURE__ */ defineItem<SettingsLayer>({
  area: 'sync',
  key: SYNC_KEYS.preferences,
  version: SETTINGS_VERSION,
  parse: (raw) => {
    const { layer } = validFields(migrateSettings(raw));
    const prefs: SettingsLayer = {};
    for (const key of SYNCED_PREFERENCES) if (layer[key] !== undefined) Object.assign(prefs, { [key]: layer[key] });
    return prefs;
  },
  fallback: () => ({}),
});

/**
 * The e-mail the agent typed once because the policy derives the subscriber from it
 * (`subscriberFrom`) and the browser gives none (Firefox, a profile not signed in). Local: it
 * stays on this machine. Written by the options page.
 */
export const agentEmailItem = /* @__PURE__ */ defineItem<string>({
  area: 'local',
  key: LOCAL_KEYS.agentEmail,
  version: 1,
  parse: (raw) => (typeof raw === 'string' ? raw : ''),
  fallback: () => '',
});

/** The policy as the browser gives it (no policy, or none readable, is `{}`); `keys` null is every key. */
export function readManagedPolicy(keys: string[] | null): Promise<Record<string, unknown>> {
  return readRaw('managed', keys);
}
