// Whether the popup may offer "Call back", and what to ask for when it may not: host access for
// the configured PBX origin (asked on a click, never at install) and the REST status the
// background records. Follows storage and permission changes while the popup is open.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import { INITIAL_REST_STATUS } from '../rest/rest-status';
import { restStatusItem } from '../storage/items';
import { watchSettings } from '../storage/watch-settings';
import type { RestFeaturesRead } from './read-rest-features';

export interface RestFeatures extends RestFeaturesRead {
  /** "Call back" shows: permitted and the REST API has not answered otherwise than documented. */
  available: boolean;
  /** Must run inside the click handler: browsers grant only on a user gesture. */
  requestPermission(): Promise<boolean>;
}

// Loaded on the first read, not with the page: the popup paints its live calls before the
// settings' code arrives (the first read was asynchronous already).
const readFeatures = async (): Promise<RestFeaturesRead> => (await import('./read-rest-features')).readRestFeatures();

export function useRestFeatures(): RestFeatures {
  const [read, setRead] = useState<RestFeaturesRead>({ pattern: null, permitted: null, status: INITIAL_REST_STATUS });
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
