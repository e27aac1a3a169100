// The translator for the UI language the agent chose. Chrome and Firefox always translate
// getMessage into the browser's language, so a chosen language is read from our own catalog.
import { browser } from './browser-api';
import { createCatalogTranslator, parseCatalog } from '../i18n/catalog-translator';
import type { Translate } from '../i18n/i18n-types';
import type { Settings } from '../settings/settings-schema';

export type UiLanguage = Settings['language'];

const fromBrowser: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

export async function createUiTranslator(language: UiLanguage): Promise<Translate> {
  if (language === 'browser') return fromBrowser;
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
    if (!response.ok) return fromBrowser;
    const catalog = parseCatalog(await response.json());
    if (!catalog) return fromBrowser;
    const translate = createCatalogTranslator(catalog);
    // A key missing from the chosen catalog still shows something rather than a blank.
    return (key, substitutions) => translate(key, substitutions) || fromBrowser(key, substitutions);
  } catch {
    return fromBrowser;
  }
}

/** The BCP 47 tag for Intl formatting in the chosen language. */
export function uiLanguageTag(language: UiLanguage): string {
  return language === 'browser' ? browser.i18n.getUILanguage() : language;
}
