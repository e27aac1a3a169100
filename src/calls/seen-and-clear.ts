// What the agent does from the popup: look at missed calls, clear the history.
import type { CallsState, NotificationOp } from './types';
import { clearOp } from './notification-text';

export function markMissedSeen(state: CallsState): void {
  for (const record of state.history) record.unseen = false;
  for (const record of Object.values(state.active)) record.unseen = false;
}

/** Live calls stay; ended ones go, and with them the callers to call back (the agent asked to forget). */
export function clearHistory(state: CallsState): void {
  state.history = [];
  if (state.callBacks.length > 0) state.callBacks = [];
}

/** Clear ops for every missed-call notification still on screen, forgetting them. */
export function clearMissedNotifications(state: CallsState): NotificationOp[] {
  const ops: NotificationOp[] = [];
  for (const [id, entry] of Object.entries(state.shown)) {
    if (entry.kind !== 'missed') continue;
    delete state.shown[id];
    ops.push(clearOp(id, entry.call, 'missed'));
  }
  return ops;
}

/**
 * The agent clicked one missed-call notification: that conversation is seen, its notification
 * goes. Other missed calls stay unseen until the popup is opened or they are clicked.
 */
export function markMissedNotificationSeen(state: CallsState, id: string): NotificationOp[] {
  const entry = state.shown[id];
  if (!id.startsWith('missed:')) return [];
  const root = id.slice('missed:'.length);
  for (const record of state.history) if (record.rootUuid === root) record.unseen = false;
  delete state.shown[id];
  return [clearOp(id, entry?.call ?? null, 'missed')];
}
