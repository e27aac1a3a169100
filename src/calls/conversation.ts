// A call and its children are one conversation for the agent (docs/protocol.md decision 9).
import type { CallEvent } from '../protocol/events';
import type { CallRecord, CallsState } from './types';
import { findCall } from './find-call';
import { childRootOf, endedCallsOf, liveCallsOf } from './call-index';

export { endedCallsOf, liveCallsOf } from './call-index';

/**
 * The conversation a newly seen call joins: its parent's when the parent is live or still in
 * history; else a child already seen (frames may arrive out of order, and the notification
 * id must not change once shown); else its own.
 */
export function rootFor(state: CallsState, event: CallEvent): string {
  if (event.parentUuid !== null && event.parentUuid !== event.uuid) {
    const parent = findCall(state, event.parentUuid);
    if (parent) return parent.rootUuid;
  }
  return childRootOf(state, event.uuid) ?? event.uuid;
}

export function isAnswered(record: CallRecord): boolean {
  return record.status === 'answered' || record.bridgeAt !== null || record.outcome === 'answered';
}

/** The conversation's own record when known (the group call), else the given one. */
export function conversationHead(state: CallsState, root: string, fallback: CallRecord): CallRecord {
  return findCall(state, root) ?? fallback;
}

/**
 * True exactly once per conversation: when `record` (just moved to history) ended its last live
 * call and no call in it was answered. A call first seen at its hangup that joins a conversation
 * which already ended does not decide it a second time.
 */
export function conversationMissedNow(state: CallsState, record: CallRecord, wasLive: boolean): boolean {
  const root = record.rootUuid;
  if (liveCallsOf(state, root).length > 0) return false;
  const ended = endedCallsOf(state, root);
  if (!wasLive && ended.some((other) => other !== record)) return false;
  return !ended.some(isAnswered) && ended.some((call) => call.outcome === 'missed');
}
