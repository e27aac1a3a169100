// The reducer configuration the background uses by default, built in Node (English strings).
import { catalogTranslator } from '../i18n/load-catalog';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';
import type { ReducerConfig } from '../../src/calls/reducer-config';

export const AGENT_EXT = '101';

export function defaultReducerConfig(): ReducerConfig {
  const t = catalogTranslator('en');
  return { policy: DEFAULT_SETTINGS.notifications, historyLimit: DEFAULT_SETTINGS.historyLimit, subscriber: AGENT_EXT, t };
}
