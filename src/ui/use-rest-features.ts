// Whether the popup may offer "Call back", and what to ask for when it may not: host access for
// the configured PBX origin (asked on a click, never at install) and the REST status the
// background records. Follows storage and permission changes while the popup is open.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import { readEffectiveSettings, isConfigured, watchSettings } from '../storage/settings-store';
import { restOriginFor } from '../rest/rest-origin';
import { INITIAL_REST_STATUS, type RestStatus } from '../rest/rest-status';
import { restStatusItem } from '../storage/items';

export interface RestFeatures {
  /** The PBX origin pattern to ask for; null when the connection is not set up. */
  pattern: string | null;
  /** null while unknown (first read) or where the permissions API is missing. */
  permitted: boolean | null;
  status: RestStatus;
  /** "Call back" shows: permitted and the REST API has not answered otherwise than documented. */
  available: boolean;
  /** Must run inside the click handler: browsers grant only on a user gesture. */
  requestPermission(): Promise<boolean>;
}

async function readFeatures(): Promise<Pick<RestFeatures, 'pattern' | 'permitted' | 'status'>> {
  const { settings } = await readEffectiveSettings();
  const origin = isConfigured(settings) ? restOriginFor(settings.domain) : null;
  const permissions = browser.permissions as typeof browser.permissions | undefined;
  const permitted = origin && permissions ? await permissions.contains({ origins: [origin.permissionPattern] }) : null;
  const status = await restStatusItem.get();
  return { pattern: origin?.permissionPattern ?? null, permitted, status };
}

export function useRestFeatures(): RestFeatures {
  const [read, setRead] = useState<Pick<RestFeatures, 'pattern' | 'permitted' | 'status'>>({ pattern: null, permitted: null, status: INITIAL_REST_STATUS });
  const refresh = useCallback(() => {
    // A settings write that leaves all of this as it was re-renders nothing.
    readFeatures().then(
      (next) => setRead((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next)),
      () => undefined, // unreadable: stay hidden
    );
  }, []);
  useEffect(() => {
    refresh();
    const onChanged = () => refresh();
    // Only what it reads: the background writes session storage on every frame (the shown record,
    // live calls, health), and a page reading settings back each time competes with the pop-up
    // (in Firefox on the very thread of the event page; docs/performance.md, ring-to-pop).
    const stops = [watchSettings(onChanged), restStatusItem.watch(onChanged)];
    const permissions = browser.permissions as typeof browser.permissions | undefined;
    permissions?.onAdded?.addListener(onChanged);
    permissions?.onRemoved?.addListener(onChanged);
    return () => {
      for (const stop of stops) stop();
      permissions?.onAdded?.removeListener(onChanged);
      permissions?.onRemoved?.removeListener(onChanged);
    };
  }, [refresh]);
  const requestPermission = useCallback(async () => {
    if (!read.pattern) return false;
    const granted = await browser.permissions.request({ origins: [read.pattern] }).catch(() => false);
    refresh();
    return granted;
  }, [read.pattern, refresh]);
  return { ...read, available: read.permitted === true && read.status.state !== 'unavailable', requestPermission };
}
