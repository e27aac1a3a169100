// Where settings live and who wins. Precedence, field by field:
//   managed (policy) > sync (preferences only) > local > defaults.
// Connection fields (domain, apiKey, subscriber, urlTemplate) are stored in local only: the API key
// never leaves this machine. Preferences are written to local AND sync; sync wins over local so a
// change made on the agent's other browser follows them here, and local keeps them when sync is off.
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema, type Settings } from '../settings/settings-schema';
import { fieldPathsOf, mergeLayers, validFields, type SettingsFieldPath, type SettingsLayer } from '../settings/settings-migrations';
import { agentEmailItem, localSettingsItem, syncedPreferencesItem, SYNCED_PREFERENCES } from './settings-items';
import { MANAGED_KEYS_WITHOUT_API_KEY, NO_POLICY, parseManagedSettings, type ManagedSettings } from '../settings/managed-settings';
import { readManagedPolicy } from './settings-items';
import { normalizeDomain, validateApiKey, validateSubscriber } from '../settings/connection-url';
import { readProfileEmail } from '../platform/profile-email';
import { subscriberFromEmail } from '../settings/subscriber-from-email';

/** A field a policy sets: shown disabled with "Set by your administrator". */
export type LockedKey = SettingsFieldPath;

export interface EffectiveSettings {
  settings: Settings;
  locked: LockedKey[];
  /**
   * Keys the policy sets with a value CallPop cannot use (its field then keeps the agent's own
   * value): the options page and the diagnostics say so, for the agent to pass to IT.
   */
  ignoredByPolicy: string[];
  /**
   * Set when the policy derives the subscriber from the agent's e-mail: where the e-mail came
   * from ('profile': the browser account; 'agent': typed once on the options page; 'missing':
   * none yet, so the options page asks for it).
   */
  subscriberFromEmail?: { source: 'profile' | 'agent' | 'missing'; email: string };
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
  const effective: EffectiveSettings = { settings, locked: fieldPathsOf(managed.layer), ignoredByPolicy: [...managed.invalid] };
  return managed.subscriberFromEmail ? withDerivedSubscriber(effective, managed.subscriberFromEmail) : effective;
}

/**
 * The policy owns the subscriber even while no e-mail is known: an agent's old typed subscriber
 * must not stand in for the one the company derives. The browser account's e-mail wins over a
 * typed one (it cannot be mistyped).
 */
async function withDerivedSubscriber(effective: EffectiveSettings, rule: NonNullable<ManagedSettings['subscriberFromEmail']>): Promise<EffectiveSettings> {
  const profile = await readProfileEmail();
  const typed = profile ? null : await agentEmailItem.get();
  const [source, email] = profile ? (['profile', profile] as const) : typeof typed === 'string' && typed !== '' ? (['agent', typed] as const) : (['missing', ''] as const);
  const subscriber = email === '' ? null : subscriberFromEmail(email, rule.template);
  return {
    ...effective,
    settings: { ...effective.settings, subscriber: subscriber ?? '' },
    locked: [...effective.locked, 'subscriber'],
    subscriberFromEmail: { source: subscriber === null ? 'missing' : source, email },
  };
}

/** Saves the e-mail the agent typed for `subscriberFrom` (it stays on this machine). */
export async function saveAgentEmail(email: string): Promise<void> {
  await agentEmailItem.set(email.trim());
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
export { watchSettings } from './watch-settings';

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
