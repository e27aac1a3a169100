// A group call and the member call linked to it by parentUuid are one conversation for the
// agent (docs/protocol.md decision 9): the popup shows one row per conversation, not one per leg.
import type { CallRecord } from '../calls/types';

export interface Conversation {
  /** The record whose state and caller the row shows. */
  main: CallRecord;
  /** Every record of the conversation, in first-seen order. */
  members: CallRecord[];
  /** The group the call came through (a group leg's name), or null. */
  groupName: string | null;
}

// An answered leg says what happened to the conversation; otherwise the leg seen last does.
function pickMain(members: CallRecord[]): CallRecord {
  const answered = members.filter((record) => record.bridgeAt !== null || record.outcome === 'answered' || record.status === 'answered');
  const pool = answered.length > 0 ? answered : members;
  return pool.reduce((best, record) => (record.seq > best.seq ? record : best));
}

function groupNameOf(members: CallRecord[]): string | null {
  for (const record of members) {
    for (const party of [record.leg, record.leg2]) {
      if (party?.type === 'group' && party.displayName) return party.displayName;
    }
  }
  return null;
}

/**
 * Conversations newest first. `records` come oldest first (history's stored order, or live
 * calls by seq); a conversation's place is that of its latest member.
 */
export function conversationsNewestFirst(records: readonly CallRecord[]): Conversation[] {
  const byRoot = new Map<string, { members: CallRecord[]; last: number }>();
  records.forEach((record, index) => {
    const entry = byRoot.get(record.rootUuid);
    if (entry) {
      entry.members.push(record);
      entry.last = index;
    } else byRoot.set(record.rootUuid, { members: [record], last: index });
  });
  return [...byRoot.values()]
    .sort((a, b) => b.last - a.last)
    .map(({ members }) => {
      members.sort((a, b) => a.seq - b.seq);
      return { main: pickMain(members), members, groupName: groupNameOf(members) };
    });
}
