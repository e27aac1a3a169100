// "To call back" (docs/call-backs.md): a missed incoming call stays on the agent's list until an
// answered call with that number (the agent's call back, or the caller's next call picked up —
// here or by a colleague), "Done", or the age limit. Pure; `state.callBacks` is replaced, never
// edited in place, so the background saves it exactly when its identity changes. Every change
// goes through replaceCallBacks, which keeps the lookup by number (call-back-index.ts) in step.
import type { CallBackEntry, CallerCard, CallRecord, CallsState } from './types';
import { callBackFor, replaceCallBacks } from './call-back-index';
import { endedCallsOf, isAnswered } from './conversation';
import { numberKey } from './number-key';
import { pbxNow } from './clock-offset';
import { CALL_BACK_MAX_AGE_MS } from './call-back-age';

export { CALL_BACK_MAX_AGE_MS };
/** Flood guard for storage: beyond this many callers the one waiting longest is dropped. */
export const MAX_CALL_BACKS = 500;
/** Conversations remembered per entry to ignore a replayed one (more attempts still count). */
const MAX_ROOTS = 20;

function attemptAt(record: CallRecord): number {
  return record.dialAt ?? record.endAt ?? record.firstSeenAt;
}

function answeredAt(record: CallRecord): number {
  return record.bridgeAt ?? record.endAt ?? record.firstSeenAt;
}

/** Internal calls are colleagues (their extension is no number to call back). */
function external(record: CallRecord): boolean {
  return record.direction !== 'internal';
}

/** The conversation's best card: one with a number, preferring one a CRM knows by name. */
function conversationCaller(state: CallsState, record: CallRecord): CallerCard | null {
  const calls = [record, ...endedCallsOf(state, record.rootUuid)];
  const withNumber = calls.filter((call) => numberKey(call.caller.number) !== null);
  return (withNumber.find((call) => call.caller.url !== null) ?? withNumber[0])?.caller ?? null;
}

/** A copy of `list` (sorted by first attempt) without `existing`, with `entry` in its place: no sort per missed call. */
function listWith(list: readonly CallBackEntry[], existing: CallBackEntry | undefined, entry: CallBackEntry): CallBackEntry[] {
  const next = existing ? list.filter((other) => other !== existing) : list.slice();
  let at = next.length;
  while (at > 0 && next[at - 1]!.firstAt > entry.firstAt) at--;
  next.splice(at, 0, entry);
  return next;
}

/**
 * Takes the caller's entry out, found through the lookup by number: no scan of the list. A list
 * this module did not make may repeat a key; then the lookup finds the next one, until none.
 */
function removeCaller(state: CallsState, key: string): void {
  for (let entry = callBackFor(state, key); entry; entry = callBackFor(state, key)) {
    const list = state.callBacks;
    replaceCallBacks(state, list.toSpliced(list.indexOf(entry), 1), [entry], null);
  }
}

/** Replaces the list with its entries that `keep` accepts; nothing changes when it accepts all. */
function keepOnly(state: CallsState, keep: (entry: CallBackEntry) => boolean): void {
  const next: CallBackEntry[] = [];
  const removed: CallBackEntry[] = [];
  for (const entry of state.callBacks) (keep(entry) ? next : removed).push(entry);
  if (removed.length > 0) replaceCallBacks(state, next, removed, null);
}

/**
 * An answered call with this number, answered at or after `since` (PBX ms): the caller was
 * reached. `history` holds this number's ended calls only, in the order they ended: the walk
 * goes newest first and stops at the first call that ended before `since`.
 */
function reachedSince(call: CallRecord, since: number): boolean {
  return external(call) && isAnswered(call) && answeredAt(call) >= since;
}

function answeredSince(state: CallsState, key: string, since: number, history: readonly CallRecord[]): boolean {
  for (const call of Object.values(state.active)) if (reachedSince(call, since) && numberKey(call.caller.number) === key) return true;
  for (let i = history.length - 1; i >= 0; i--) {
    const call = history[i]!;
    if (reachedSince(call, since)) return true;
    if ((call.endAt ?? call.firstSeenAt) < since) return false;
  }
  return false;
}

/**
 * A conversation just ended missed (conversationMissedNow): its caller goes on the list, or their
 * entry counts one more attempt. `recentWithNumber` is the history of that number (call-index).
 */
export function noteMissedConversation(state: CallsState, record: CallRecord, recentWithNumber: (key: string) => readonly CallRecord[]): void {
  if (record.direction !== 'incoming') return;
  const caller = conversationCaller(state, record);
  const key = numberKey(caller?.number);
  if (caller === null || key === null) return;
  // The conversation's first ring is the attempt (a group call rings before its member call).
  const at = Math.min(attemptAt(record), ...endedCallsOf(state, record.rootUuid).map(attemptAt));
  // A second line from the same caller answered while this one rang: nobody is waiting.
  if (answeredSince(state, key, at, recentWithNumber(key))) return;
  const existing = callBackFor(state, key);
  if (existing?.roots.includes(record.rootUuid)) return;
  const entry: CallBackEntry = existing
    ? {
        ...existing,
        // A later call with no CRM card must not blank the name an earlier one showed.
        caller: caller.url !== null || existing.caller.url === null ? caller : existing.caller,
        call: record.uuid,
        attempts: existing.attempts + 1,
        firstAt: Math.min(existing.firstAt, at),
        lastAt: Math.max(existing.lastAt, at),
        roots: [...existing.roots, record.rootUuid].slice(-MAX_ROOTS),
      }
    : { key, caller, call: record.uuid, attempts: 1, firstAt: at, lastAt: at, roots: [record.rootUuid] };
  const next = listWith(state.callBacks, existing, entry);
  // Over the cap, the caller waiting longest goes (a flood, not a working day, gets here).
  const dropped = next.length > MAX_CALL_BACKS ? next.splice(0, next.length - MAX_CALL_BACKS) : [];
  const removed = existing ? [existing, ...dropped] : dropped;
  replaceCallBacks(state, next, removed, dropped.includes(entry) ? null : entry);
}

/**
 * A call with this caller's number was answered: by the agent (their call back, or the caller's
 * next call picked up here) or elsewhere (a colleague picked up a group call). Either way the
 * caller has reached the company, so the entry goes (docs/call-backs.md says why).
 */
export function noteAnsweredCall(state: CallsState, record: CallRecord): void {
  if (!external(record) || state.callBacks.length === 0) return;
  const key = numberKey(record.caller.number);
  if (key !== null) removeCaller(state, key);
}

/** The agent pressed "Done". Unknown keys change nothing. */
export function dismissCallBack(state: CallsState, key: string): void {
  removeCaller(state, key);
}

/** True while an entry counts: its newest attempt is within the age limit (PBX time). */
export function callBackCurrent(entry: CallBackEntry, pbxTime: number): boolean {
  return pbxTime - entry.lastAt <= CALL_BACK_MAX_AGE_MS;
}

/** Drops entries past the age limit; `now` is local time. */
export function expireCallBacks(state: CallsState, now: number): void {
  const at = pbxNow(state.clockOffsetMs, now);
  keepOnly(state, (entry) => callBackCurrent(entry, at));
}
