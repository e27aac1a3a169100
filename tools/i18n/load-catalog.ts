// The extension's own message catalogs (public/_locales/<language>/messages.json) for Node: the
// replay tool, the bench, the fuzzer and the tests read them here, checked by the same schema the
// pages use (src/i18n/catalog-translator.ts), so every reader gets the same strings.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCatalogTranslator, parseCatalog, type Catalog } from '../../src/i18n/catalog-translator';
import type { Translate } from '../../src/i18n/i18n-types';

export type CatalogLanguage = 'en' | 'uk';

/** A path, not a URL: happy-dom replaces the global URL with one node:fs does not accept. */
export function catalogPath(language: CatalogLanguage): string {
  return resolve(import.meta.dirname, `../../public/_locales/${language}/messages.json`);
}

/** Throws, naming the file, when it cannot be read or is not a catalog. */
export function loadCatalog(language: CatalogLanguage): Catalog {
  const file = catalogPath(language);
  const catalog = parseCatalog(JSON.parse(readFileSync(file, 'utf8')));
  if (!catalog) throw new Error(`${file}: not a messages.json catalog`);
  return catalog;
}

export function catalogTranslator(language: CatalogLanguage): Translate {
  return createCatalogTranslator(loadCatalog(language));
}
