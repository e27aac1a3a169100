// Reference copy of src/calls/conversation.ts before the call index (commit eba80ff), kept only so
// reducer-index-equivalence.property.test.ts can prove the indexed core behaves the same.
// A call and its children are one conversation for the agent (PROTOCOL.md decision 9).
import type { CallEvent } from '../../../../src/protocol/events';
import type { CallRecord, CallsState } from '../../../../src/calls/types';
import { findCall } from './find-call';

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
  const child = Object.values(state.active).find((record) => record.parentUuid === event.uuid);
  if (child) return child.rootUuid;
  for (let i = state.history.length - 1; i >= 0; i--) {
    const record = state.history[i];
    if (record && record.parentUuid === event.uuid) return record.rootUuid;
  }
  return event.uuid;
}

export function liveCallsOf(state: CallsState, root: string): CallRecord[] {
  return Object.values(state.active).filter((record) => record.rootUuid === root);
}

export function endedCallsOf(state: CallsState, root: string): CallRecord[] {
  return state.history.filter((record) => record.rootUuid === root);
}

export function isAnswered(record: CallRecord): boolean {
  return record.status === 'answered' || record.bridgeAt !== null || record.outcome === 'answered';
}

/** The conversation's own record when known (the group call), else the given one. */
export function conversationHead(state: CallsState, root: string, fallback: CallRecord): CallRecord {
  return findCall(state, root) ?? fallback;
}
