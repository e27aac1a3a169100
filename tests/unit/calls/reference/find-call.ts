// Reference copy of src/calls/find-call.ts before the call index (commit eba80ff), kept only so
// reducer-index-equivalence.property.test.ts can prove the indexed core behaves the same.
// Looks a call up wherever it lives now: live calls first, then history (newest first).
import type { CallRecord, CallsState } from '../../../../src/calls/types';
import { ownValue } from '../../../../src/calls/own-keys';

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
