// Looks a call up wherever it lives now: live calls first, then history (newest first).
import type { CallRecord, CallsState } from './types';
import { ownValue } from './own-keys';

export function findCall(state: CallsState, uuid: string): CallRecord | null {
  const live = ownValue(state.active, uuid);
  if (live) return live;
  // Newest first: a duplicate event is almost always about a call that just ended.
  for (let i = state.history.length - 1; i >= 0; i--) {
    const record = state.history[i];
    if (record && record.uuid === uuid) return record;
  }
  return null;
}
