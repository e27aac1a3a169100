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

/** Longer than any calendar day, DST included. */
const LONGEST_DAY_MS = 27 * 60 * 60_000;

/**
 * The first millisecond of `now`'s calendar day, found with ~27 calls of `dayOf` (binary search)
 * instead of one per call of history: with 5,000 calls that is the difference that matters.
 */
// A memo, not state: the same day's start for every ring of that day (a wrong entry is impossible:
// it is keyed by the day's own name and the zone's formatter).
let lastDay: { dayOf: (ms: number) => string; name: string; start: number } | null = null;

function startOfDay(now: number, dayOf: (ms: number) => string): number {
  const today = dayOf(now);
  if (lastDay !== null && lastDay.name === today && lastDay.dayOf === dayOf && lastDay.start <= now) return lastDay.start;
  let before = now - LONGEST_DAY_MS;
  let inside = now;
  while (inside - before > 1) {
    const middle = Math.floor((before + inside) / 2);
    if (dayOf(middle) === today) inside = middle;
    else before = middle;
  }
  lastDay = { dayOf, name: today, start: inside };
  return inside;
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
  const todayStart = startOfDay(now, dayOf);
  const todayRoots = new Set<string>();
  let lastMissedAt: number | null = null;
  let calledBackAt: number | null = null;
  let lastCallAt: number | null = null;
  // Newest first; once past today with the newest miss or call back in hand, older calls change
  // nothing the line says, so a caller with 5,000 calls costs what one with five does.
  for (let i = earlier.length - 1; i >= 0; i--) {
    const call = earlier[i]!;
    if (call.rootUuid === record.rootUuid) continue;
    const at = startedAt(call);
    if (at < todayStart && (lastMissedAt !== null || calledBackAt !== null)) break;
    lastCallAt = Math.max(lastCallAt ?? at, at);
    if (call.direction === 'incoming' && at >= todayStart) todayRoots.add(call.rootUuid);
    if (call.direction === 'incoming' && call.outcome === 'missed') lastMissedAt = Math.max(lastMissedAt ?? at, at);
    if (call.direction === 'outgoing' && isAnswered(call)) calledBackAt = Math.max(calledBackAt ?? at, at);
  }
  if (lastCallAt === null) return null;
  // One conversation is one call for the agent: a group call and its member are counted once.
  const callsToday = todayRoots.size + (record.direction === 'incoming' ? 1 : 0);
  return { callsToday, lastMissedAt, calledBackAt, lastCallAt };
}
