// The read path of settings, pure: stored values from older versions brought up to SETTINGS_VERSION,
// then kept field by field where valid, then layered (managed > local/sync > defaults).
// Each migration takes the raw object of its `from` version; fields it cannot make sense of are
// left for the field-by-field validation in settings-store.ts to replace with defaults.
import { SETTINGS_VERSION, notificationPolicySchema, settingsSchema, type NotificationPolicy, type Settings } from './settings-schema';

export type RawSettings = Record<string, unknown>;

export interface SettingsMigration {
  from: number;
  to: number;
  migrate(raw: RawSettings): RawSettings;
}

/**
 * v0 (the pre-release build, no `version` field) kept flat keys: `pbxDomain`, `key`, `ext`,
 * a single `notify` switch for incoming calls, and `allowList` as one comma-separated string.
 */
function v0ToV1(raw: RawSettings): RawSettings {
  const { pbxDomain, key, ext, notify, allowList, ...rest } = raw;
  const next: RawSettings = { ...rest, version: 1 };
  if (next.domain === undefined && typeof pbxDomain === 'string') next.domain = pbxDomain;
  if (next.apiKey === undefined && typeof key === 'string') next.apiKey = key;
  if (next.subscriber === undefined && (typeof ext === 'string' || typeof ext === 'number')) next.subscriber = String(ext);
  if (next.notifications === undefined && typeof notify === 'boolean') next.notifications = { incoming: notify };
  if (next.crmAllowList === undefined && typeof allowList === 'string') {
    next.crmAllowList = allowList
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return next;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [{ from: 0, to: 1, migrate: v0ToV1 }];

/** The stored version: a missing or unreadable version is the oldest shape we know. */
export function storedVersion(raw: RawSettings): number {
  const v = raw.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Runs every migration from the stored version up. A non-object becomes `{}` (all defaults);
 * a version newer than ours (a downgrade) is read as-is, field by field.
 */
export function migrateSettings(stored: unknown): RawSettings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  let raw: RawSettings = { ...(stored as RawSettings) };
  for (let guard = 0; guard <= SETTINGS_MIGRATIONS.length; guard++) {
    const version = storedVersion(raw);
    if (version >= SETTINGS_VERSION) break;
    const step = SETTINGS_MIGRATIONS.find((m) => m.from === version);
    if (!step) return { version: SETTINGS_VERSION }; // a gap in the chain: nothing trustworthy left
    raw = { ...step.migrate(raw), version: step.to };
  }
  return raw;
}

/** What one storage area contributes: only the fields that passed validation. */
export type SettingsLayer = Partial<Omit<Settings, 'version' | 'notifications'>> & { notifications?: Partial<NotificationPolicy> };
/** A setting one layer can own: a top-level field, or one notification switch. */
export type SettingsFieldPath = Exclude<keyof Settings, 'version' | 'notifications'> | `notifications.${keyof NotificationPolicy}`;

const TOP_FIELDS = Object.keys(settingsSchema.shape).filter((k) => k !== 'version' && k !== 'notifications') as Array<
  Exclude<keyof Settings, 'version' | 'notifications'>
>;
const NOTIFICATION_FIELDS = Object.keys(notificationPolicySchema.shape) as Array<keyof NotificationPolicy>;

/** Keeps each field that is present and valid on its own; lists the present ones that are not. */
export function validFields(raw: RawSettings): { layer: SettingsLayer; invalid: SettingsFieldPath[] } {
  const layer: Record<string, unknown> = {};
  const invalid: SettingsFieldPath[] = [];
  for (const key of TOP_FIELDS) {
    if (raw[key] === undefined) continue;
    const parsed = settingsSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) layer[key] = parsed.data;
    else invalid.push(key);
  }
  const rawNotifications = raw.notifications;
  if (typeof rawNotifications === 'object' && rawNotifications !== null && !Array.isArray(rawNotifications)) {
    const notifications: Record<string, unknown> = {};
    for (const key of NOTIFICATION_FIELDS) {
      const value = (rawNotifications as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = notificationPolicySchema.shape[key].safeParse(value);
      if (parsed.success) notifications[key] = parsed.data;
      else invalid.push(`notifications.${key}`);
    }
    if (Object.keys(notifications).length > 0) layer.notifications = notifications;
  } else if (rawNotifications !== undefined) {
    invalid.push(...NOTIFICATION_FIELDS.map((k) => `notifications.${k}` as const));
  }
  return { layer: layer as SettingsLayer, invalid };
}

/** Field by field, the first layer that has a value wins; defaults fill the rest. */
export function mergeLayers(layers: readonly SettingsLayer[], defaults: Settings): Settings {
  const out: Settings = { ...defaults, notifications: { ...defaults.notifications }, version: SETTINGS_VERSION };
  const target = out as unknown as Record<string, unknown>;
  for (const key of TOP_FIELDS) {
    const owner = layers.find((l) => l[key] !== undefined);
    if (owner) target[key] = owner[key];
  }
  const notifications = out.notifications as unknown as Record<string, unknown>;
  for (const key of NOTIFICATION_FIELDS) {
    const owner = layers.find((l) => l.notifications?.[key] !== undefined);
    if (owner) notifications[key] = owner.notifications?.[key];
  }
  return out;
}

/** Every field path a layer sets, e.g. for the options page to lock what a policy owns. */
export function fieldPathsOf(layer: SettingsLayer): SettingsFieldPath[] {
  const paths: SettingsFieldPath[] = TOP_FIELDS.filter((k) => layer[k] !== undefined);
  for (const key of NOTIFICATION_FIELDS) if (layer.notifications?.[key] !== undefined) paths.push(`notifications.${key}`);
  return paths;
}
