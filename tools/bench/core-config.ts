// The reducer configuration the background uses by default, built in Node (English strings).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCatalogTranslator, type Catalog } from '../../src/i18n/catalog-translator';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';
import type { ReducerConfig } from '../../src/calls/reducer-config';

export const AGENT_EXT = '101';

export function defaultReducerConfig(): ReducerConfig {
  const catalogPath = fileURLToPath(new URL('../../public/_locales/en/messages.json', import.meta.url));
  const t = createCatalogTranslator(JSON.parse(readFileSync(catalogPath, 'utf8')) as Catalog);
  return { policy: DEFAULT_SETTINGS.notifications, historyLimit: DEFAULT_SETTINGS.historyLimit, subscriber: AGENT_EXT, t };
}
