// The worker keeps nothing only in memory: live calls, presence, clock offset and the
// notifications already shown go to session storage; history goes to local storage.
// On wake, this is restored before any frame is processed (uBlock Origin Lite's pattern).
import { browser } from '../shared/browser-api';
import { INITIAL_HEALTH, healthSchema, type Health } from '../shared/health';
import { LOCAL_KEYS, SESSION_KEYS } from '../shared/storage-keys';
import { callBackListSchema, callsStateSchema, callRecordListSchema } from '../shared/call-state-schema';
import { createInitialState } from '../calls/initial-state';
import type { CallsState } from '../calls/types';

export async function loadCallsState(): Promise<CallsState> {
  const [session, local] = await Promise.all([
    browser.storage.session.get(SESSION_KEYS.callState),
    browser.storage.local.get([LOCAL_KEYS.history, LOCAL_KEYS.callBacks]),
  ]);
  const parsed = callsStateSchema.safeParse(session[SESSION_KEYS.callState]);
  const state: CallsState = parsed.success ? (parsed.data as CallsState) : createInitialState();
  const history = callRecordListSchema.safeParse(local[LOCAL_KEYS.history]);
  if (history.success) state.history = history.data as CallsState['history'];
  // Session storage is gone after a browser restart; the local copy is written on every change.
  const callBacks = callBackListSchema.safeParse(local[LOCAL_KEYS.callBacks]);
  if (callBacks.success) state.callBacks = callBacks.data;
  return state;
}

/** Session gets everything but the history; local gets the history and the call-backs only when they changed. */
export async function saveCallsState(state: CallsState, historyChanged: boolean, callBacksChanged = false): Promise<void> {
  const writes: Promise<void>[] = [browser.storage.session.set({ [SESSION_KEYS.callState]: { ...state, history: [] } })];
  if (historyChanged) writes.push(browser.storage.local.set({ [LOCAL_KEYS.history]: state.history }));
  if (callBacksChanged) writes.push(browser.storage.local.set({ [LOCAL_KEYS.callBacks]: state.callBacks }));
  await Promise.all(writes);
}

export async function loadHealth(): Promise<Health> {
  const stored = await browser.storage.session.get(SESSION_KEYS.health);
  const parsed = healthSchema.safeParse(stored[SESSION_KEYS.health]);
  return parsed.success ? parsed.data : INITIAL_HEALTH;
}

export async function saveHealth(health: Health): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEYS.health]: health });
}
