// Pure: the options page's current settings as the managed configuration an admin rolls out
// ("Export for IT"). Only what differs from the defaults goes in: every key in a policy is locked
// for every agent, so a default left out stays each agent's own choice. The API key goes in only
// when the admin asks for it; the subscriber is per agent, so it is either derived from each
// agent's e-mail (subscriberFrom) or left out, never this desk's own.
import { DEFAULT_SETTINGS, type Settings } from '../settings-schema';

export interface ExportChoices {
  includeApiKey: boolean;
  /** null: each agent types their own; a string: subscriberFrom profileEmail with this template ('' = the e-mail itself). */
  subscriberTemplate: string | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function managedConfigFromSettings(settings: Settings, choices: ExportChoices): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (settings.domain !== '') config.domain = settings.domain;
  if (choices.includeApiKey && settings.apiKey !== '') config.apiKey = settings.apiKey;
  if (choices.subscriberTemplate !== null) {
    config.subscriberFrom = 'profileEmail';
    if (choices.subscriberTemplate.trim() !== '') config.subscriberTemplate = choices.subscriberTemplate.trim();
  }
  const notifications = Object.fromEntries(
    Object.entries(settings.notifications).filter(([key, value]) => !same(value, DEFAULT_SETTINGS.notifications[key as keyof Settings['notifications']])),
  );
  if (Object.keys(notifications).length > 0) config.notifications = notifications;
  for (const key of ['urlTemplate', 'crmAllowList', 'dialPrefixes', 'historyLimit', 'language', 'silenceLimitSeconds'] as const) {
    if (!same(settings[key], DEFAULT_SETTINGS[key])) config[key] = settings[key];
  }
  return config;
}
