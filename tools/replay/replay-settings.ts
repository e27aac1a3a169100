// A partial Settings JSON merged over the defaults (notifications field by field), then validated.
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src/settings/settings-schema';

export type SettingsParse = { ok: true; settings: Settings; historyLimitSet: boolean } | { ok: false; error: string };

export function parseReplaySettings(text: string | null): SettingsParse {
  if (text === null) return { ok: true, settings: DEFAULT_SETTINGS, historyLimitSet: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'settings: not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'settings: not a JSON object' };
  const partial = raw as Record<string, unknown>;
  const notifications = partial.notifications ?? {};
  if (typeof notifications !== 'object' || notifications === null || Array.isArray(notifications)) {
    return { ok: false, error: 'settings: "notifications" must be an object' };
  }
  const merged = { ...DEFAULT_SETTINGS, ...partial, notifications: { ...DEFAULT_SETTINGS.notifications, ...notifications } };
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `settings: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}` };
  }
  return { ok: true, settings: parsed.data, historyLimitSet: 'historyLimit' in partial };
}
