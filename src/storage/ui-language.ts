// The UI language alone, for the popup's first paint. Same answer as
// readEffectiveSettings().settings.language (settings-store.ts) for any stored value: the policy's
// language, else the synced preferences', else the agent's local one, else the browser's; a value
// that is not a language counts as absent, an area that fails reads as empty. Read without the
// settings' migrations, policy checks and input validation, which the popup would otherwise load
// before it paints (issue 17); tests/unit/storage/ui-language.property.test.ts holds the two
// readers to the same answer. No migration so far touches `language`: one that does belongs here too.
import { readRaw } from './area';
import { LOCAL_KEYS, SYNC_KEYS } from './keys';
import { isUiLanguage, type UiLanguageSetting } from '../settings/ui-languages';

const LANGUAGE = 'language';

/** The `language` of a stored settings object, when it is one. */
function languageOf(stored: unknown): UiLanguageSetting | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const language = (stored as Record<string, unknown>)[LANGUAGE];
  return isUiLanguage(language) ? language : undefined;
}

export async function readUiLanguage(): Promise<UiLanguageSetting> {
  const none = (): Record<string, unknown> => ({});
  const [managed, synced, local] = await Promise.all([
    // Only this key of the policy: the popup never asks for the policy's API key.
    readRaw('managed', [LANGUAGE]).catch(none),
    readRaw('sync', SYNC_KEYS.preferences).catch(none),
    readRaw('local', LOCAL_KEYS.settings).catch(none),
  ]);
  return languageOf(managed) ?? languageOf(synced[SYNC_KEYS.preferences]) ?? languageOf(local[LOCAL_KEYS.settings]) ?? 'browser';
}
