// What "Call back" depends on, read from storage and the permissions API. Its own module so the
// popup loads it (and with it the whole settings: migrations, policy checks, domain rules) after
// its first paint, through use-rest-features.ts (issue 17).
import { browser } from '../platform/browser-api';
import { readEffectiveSettings, isConfigured } from '../storage/settings-store';
import { restOriginFor } from '../rest/rest-origin';
import type { RestStatus } from '../rest/rest-status';
import { restStatusItem } from '../storage/items';

export interface RestFeaturesRead {
  /** The PBX origin pattern to ask for; null when the connection is not set up. */
  pattern: string | null;
  /** null while unknown (first read) or where the permissions API is missing. */
  permitted: boolean | null;
  status: RestStatus;
}

export async function readRestFeatures(): Promise<RestFeaturesRead> {
  const { settings } = await readEffectiveSettings();
  const origin = isConfigured(settings) ? restOriginFor(settings.domain) : null;
  const permissions = browser.permissions as typeof browser.permissions | undefined;
  const permitted = origin && permissions ? await permissions.contains({ origins: [origin.permissionPattern] }) : null;
  const status = await restStatusItem.get();
  return { pattern: origin?.permissionPattern ?? null, permitted, status };
}
