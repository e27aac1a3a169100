// Reads what the background keeps in extension storage, from inside the worker, validated with
// the same schemas the pages use.
import { healthSchema, type Health } from '../../../src/shared/health';
import { callsStateSchema, callRecordListSchema } from '../../../src/shared/call-state-schema';
import { notificationLogSchema, type NotificationLogEntry } from '../../../src/shared/notification-log-schema';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/shared/storage-keys';
import type { CallRecord, CallsState } from '../../../src/calls/types';
import type { ChromiumExtension } from './chromium';

export async function readHealth(ext: ChromiumExtension): Promise<Health | undefined> {
  const stored = await ext.evalInWorker((key) => chrome.storage.session.get(key), SESSION_KEYS.health);
  const parsed = healthSchema.safeParse(stored[SESSION_KEYS.health]);
  return parsed.success ? parsed.data : undefined;
}

export async function readCallsState(ext: ChromiumExtension): Promise<CallsState> {
  const [session, local] = await Promise.all([
    ext.evalInWorker((key) => chrome.storage.session.get(key), SESSION_KEYS.callState),
    ext.evalInWorker((key) => chrome.storage.local.get(key), LOCAL_KEYS.history),
  ]);
  const state = callsStateSchema.parse(session[SESSION_KEYS.callState]) as CallsState;
  const history = callRecordListSchema.safeParse(local[LOCAL_KEYS.history]);
  state.history = history.success ? (history.data as CallRecord[]) : [];
  return state;
}

/** Every call the background knows, history then live, in the order it first saw them. */
export function allCalls(state: CallsState): CallRecord[] {
  return [...state.history, ...Object.values(state.active)].sort((a, b) => a.seq - b.seq);
}

export async function readNotificationLog(ext: ChromiumExtension): Promise<NotificationLogEntry[]> {
  const stored = await ext.evalInWorker((key) => chrome.storage.session.get(key), SESSION_KEYS.notificationLog);
  return notificationLogSchema.parse(stored[SESSION_KEYS.notificationLog] ?? []);
}

/** Ids of the notifications that exist in the browser right now. */
export async function liveNotificationIds(ext: ChromiumExtension): Promise<string[]> {
  const all = await ext.evalInWorker(() => chrome.notifications.getAll());
  return Object.keys(all).sort();
}
