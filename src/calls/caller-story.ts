// The caller's story for the ring (docs/call-backs.md): what local history says about this
// number, from the number index (call-index.ts), so a ring costs a lookup, not a history scan.
import type { CallRecord, CallsState } from './types';
import { endedCallsWithNumber } from './call-index';
import { isAnswered } from './conversation';
import { numberKey } from './number-key';

export interface CallerStory {
  /** Incoming calls from this number today, this one included (it counts only when ≥ 2). */
  callsToday: number;
  /** PBX ms of the newest missed call from this number; null when none. */
  lastMissedAt: number | null;
  /** PBX ms of the newest answered call the agent placed to this number; null when none. */
  calledBackAt: number | null;
  /** PBX ms of the newest call of any kind with this number. */
  lastCallAt: number;
}

function startedAt(record: CallRecord): number {
  return record.dialAt ?? record.endAt ?? record.firstSeenAt;
}

/**
 * The story of `record`'s caller, or null when history holds no other call with that number.
 * `dayOf` names a PBX time's calendar day in the agent's zone; `now` is PBX time.
 */
export function callerStory(state: CallsState, record: CallRecord, now: number, dayOf: (ms: number) => string): CallerStory | null {
  const key = numberKey(record.caller.number);
  if (key === null) return null;
  const earlier = endedCallsWithNumber(state, key);
  if (earlier.length === 0) return null;
  const today = dayOf(now);
  const todayRoots = new Set<string>();
  let lastMissedAt: number | null = null;
  let calledBackAt: number | null = null;
  let lastCallAt: number | null = null;
  for (const call of earlier) {
    if (call.rootUuid === record.rootUuid) continue;
    const at = startedAt(call);
    lastCallAt = Math.max(lastCallAt ?? at, at);
    if (call.direction === 'incoming' && dayOf(at) === today) todayRoots.add(call.rootUuid);
    if (call.direction === 'incoming' && call.outcome === 'missed') lastMissedAt = Math.max(lastMissedAt ?? at, at);
    if (call.direction === 'outgoing' && isAnswered(call)) calledBackAt = Math.max(calledBackAt ?? at, at);
  }
  if (lastCallAt === null) return null;
  // One conversation is one call for the agent: a group call and its member are counted once.
  const callsToday = todayRoots.size + (record.direction === 'incoming' ? 1 : 0);
  return { callsToday, lastMissedAt, calledBackAt, lastCallAt };
}
