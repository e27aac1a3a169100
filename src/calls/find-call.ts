// Looks a call up wherever it lives now: live calls first, then history (the newest record with that uuid).
import type { CallRecord, CallsState } from './types';
import { endedCall, liveCall } from './call-index';

export function findCall(state: CallsState, uuid: string): CallRecord | null {
  const live = liveCall(state, uuid);
  if (live) return live;
  return endedCall(state, uuid);
}
