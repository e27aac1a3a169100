// Opening the popup marks missed calls seen, which clears them in storage at once. The agent
// still needs to see which ones were new, so the marks shown are those present at any time
// while this popup is open; a missed call arriving while it is open is marked seen too.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { CallRecord } from '../calls/types';
import type { PopupActions } from './page-actions';

export function useSeenMissed(history: CallRecord[] | null, actions: PopupActions): CallRecord[] | null {
  const unseen = useRef(new Set<string>());
  const fresh = history?.some((record) => record.unseen && !unseen.current.has(record.uuid)) ?? false;
  const merged = useMemo(() => {
    if (!history) return null;
    for (const record of history) if (record.unseen) unseen.current.add(record.uuid);
    return history.map((record) => (!record.unseen && unseen.current.has(record.uuid) ? { ...record, unseen: true } : record));
  }, [history]);
  const first = useRef(true);
  useEffect(() => {
    // The open itself already sent one (App); only later arrivals need another.
    if (first.current) {
      first.current = history === null;
      return;
    }
    if (fresh) actions.markMissedSeen();
  }, [history, fresh, actions]);
  return merged;
}
