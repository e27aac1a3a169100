// Reads what the background stored, validated: a corrupt item shows as empty, never as a crash.
import { browser } from '../shared/browser-api';
import type { Health } from '../shared/health';
import { LOCAL_KEYS, SESSION_KEYS } from '../shared/storage-keys';
import type { CallBackEntry, CallRecord, CallsState } from '../calls/types';
import { parseCallBacks, parseCallsState, parseHealth, parseHistory } from './parse-stored';

export interface PopupData {
  state: CallsState;
  /** Ended calls, oldest first. */
  history: CallRecord[];
  health: Health;
  /** Callers to call back (local storage: it outlives the session copy in `state`). */
  callBacks: CallBackEntry[];
}

export async function readPopupData(): Promise<PopupData> {
  const [session, local] = await Promise.all([
    browser.storage.session.get([SESSION_KEYS.callState, SESSION_KEYS.health]),
    browser.storage.local.get([LOCAL_KEYS.history, LOCAL_KEYS.callBacks]),
  ]);
  return {
    state: parseCallsState(session[SESSION_KEYS.callState]),
    history: parseHistory(local[LOCAL_KEYS.history]),
    health: parseHealth(session[SESSION_KEYS.health]),
    callBacks: parseCallBacks(local[LOCAL_KEYS.callBacks]),
  };
}

/** Calls `onChange` with whatever changed; returns the unsubscribe function. */
export function watchPopupData(onChange: (patch: Partial<PopupData>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const patch: Partial<PopupData> = {};
    if (area === 'session' && SESSION_KEYS.callState in changes) patch.state = parseCallsState(changes[SESSION_KEYS.callState]?.newValue);
    if (area === 'session' && SESSION_KEYS.health in changes) patch.health = parseHealth(changes[SESSION_KEYS.health]?.newValue);
    if (area === 'local' && LOCAL_KEYS.history in changes) patch.history = parseHistory(changes[LOCAL_KEYS.history]?.newValue);
    if (area === 'local' && LOCAL_KEYS.callBacks in changes) patch.callBacks = parseCallBacks(changes[LOCAL_KEYS.callBacks]?.newValue);
    if (Object.keys(patch).length > 0) onChange(patch);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
