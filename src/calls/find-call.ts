// Looks a call up wherever it lives now: live calls first, then history (the newest record with that uuid).
import type { CallRecord, CallsState } from './types';
import { ownValue } from './own-keys';
import { endedCall } from './call-index';

export function findCall(state: CallsState, uuid: string): CallRecord | null {
  const live = ownValue(state.active, uuid);
  if (live) return live;
  return endedCall(state, uuid);
}
