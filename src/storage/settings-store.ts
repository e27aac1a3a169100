// Where settings live and who wins. Precedence, field by field:
//   managed (policy) > sync (preferences only) > local > defaults.
// Connection fields (domain, apiKey, subscriber, urlTemplate) are stored in local only: the API key
// never leaves this machine. Preferences are written to local AND sync; sync wins over local so a
// change made on the agent's other browser follows them here, and local keeps them when sync is off.
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema, type Settings } from '../settings/settings-schema';
import { fieldPathsOf, mergeLayers, validFields, type SettingsFieldPath, type SettingsLayer } from '../settings/settings-migrations';
import { localSettingsItem, syncedPreferencesItem, SYNCED_PREFERENCES } from './settings-items';
import { onStorageChanged } from './area';
import { MANAGED_KEYS_WITHOUT_API_KEY, NO_POLICY, parseManagedSettings, type ManagedSettings } from '../settings/managed-settings';
import { readManagedPolicy } from './settings-items';
import { normalizeDomain, validateApiKey, validateSubscriber } from '../settings/connection-url';

/** A field a policy sets: shown disabled with "Set by your administrator". */
export type LockedKey = SettingsFieldPath;

export interface EffectiveSettings {
  settings: Settings;
  locked: LockedKey[];
}

export { SYNCED_PREFERENCES };

/** Sync can be disabled by policy: an area that fails reads as empty. */
const layerOf = (item: typeof localSettingsItem): Promise<SettingsLayer> => item.get().catch(() => ({}));

/**
 * Never throws: any stored value, however corrupt or old, yields valid settings.
 * `withoutPolicyKey` (extension pages): the policy's API key is never read; `locked` then lacks
 * `apiKey` and `settings.apiKey` is the agent's own (see src/options/page-settings.ts).
 */
export async function readEffectiveSettings(options: { withoutPolicyKey?: boolean } = {}): Promise<EffectiveSettings> {
  const [localLayer, syncLayer, managed] = await Promise.all([
    layerOf(localSettingsItem),
    layerOf(syncedPreferencesItem),
    readManagedSettings({ withoutApiKey: options.withoutPolicyKey === true }),
  ]);
  // The dialling restriction is the admin's: only a policy sets it.
  delete localLayer.dialPrefixes;
  const settings = mergeLayers([managed.layer, syncLayer, localLayer], DEFAULT_SETTINGS);
  return { settings, locked: fieldPathsOf(managed.layer) };
}

/** Domain, API key and subscriber are all present and valid: there is something to connect to. */
export function isConfigured(settings: Pick<Settings, 'domain' | 'apiKey' | 'subscriber'>): boolean {
  return normalizeDomain(settings.domain).ok && validateApiKey(settings.apiKey).ok && validateSubscriber(settings.subscriber).ok;
}

export class InvalidSettingsError extends Error {
  constructor(readonly fields: string[]) {
    super(`invalid settings: ${fields.join(', ')}`); // field names only: never a value (the key)
  }
}

/**
 * Merges `partial` (notification switches may be given one by one) into the stored settings and
 * writes local (everything) and sync (preferences only). Throws InvalidSettingsError, writing nothing, when a field does not fit the schema.
 */
export async function saveSettings(partial: SettingsLayer): Promise<void> {
  const { layer, invalid } = validFields(partial);
  if (invalid.length > 0) throw new InvalidSettingsError(invalid);
  const current = mergeLayers([await layerOf(localSettingsItem)], DEFAULT_SETTINGS);
  const next: Settings = settingsSchema.parse({
    ...current,
    ...layer,
    notifications: { ...current.notifications, ...layer.notifications },
    version: SETTINGS_VERSION,
  });
  const preferences = Object.fromEntries(SYNCED_PREFERENCES.map((key) => [key, next[key]]));
  await localSettingsItem.set(next);
  try {
    await syncedPreferencesItem.set({ version: SETTINGS_VERSION, ...preferences } as SettingsLayer);
  } catch {
    // Sync may be disabled or over quota; local already holds the preferences.
  }
}

/** Calls `onChange` whenever any area that feeds the settings changes. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  return onStorageChanged((changes, area) => {
    if (area === 'managed' || (area === 'local' && localSettingsItem.key in changes) || (area === 'sync' && syncedPreferencesItem.key in changes)) {
      onChange();
    }
  });
}

/**
 * Reads the policy. No managed area (Firefox without policies.json) or a failing one means no
 * policy. `withoutApiKey`: the browser is asked for every key but `apiKey` (pages use this).
 */
export async function readManagedSettings(options: { withoutApiKey?: boolean } = {}): Promise<ManagedSettings> {
  try {
    return parseManagedSettings(await readManagedPolicy(options.withoutApiKey ? MANAGED_KEYS_WITHOUT_API_KEY : null));
  } catch {
    return NO_POLICY;
  }
}
