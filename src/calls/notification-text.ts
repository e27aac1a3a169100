// What a conversation's notification says. Text only; which ops happen is notification-policy.ts.
import type { Translate } from '../i18n/i18n-types';
import type { CallRecord, NotificationKind, NotificationOp } from './types';

const SEPARATOR = ' · ';

export function joinParts(parts: ReadonlyArray<string | null | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(SEPARATOR);
}

/** The kind a live call pops as: a colleague calling here is 'internal'; one the agent placed counts as outgoing. */
export function ringKindOf(record: CallRecord): Exclude<NotificationKind, 'missed'> {
  if (record.direction === 'incoming') return 'incoming';
  if (record.direction === 'internal' && record.ringsHere) return 'internal';
  return 'outgoing';
}

function groupName(record: CallRecord): string | null {
  return record.leg?.type === 'group' ? record.leg.displayName : null;
}

/**
 * Text for a conversation: `record` is the call that moved, `head` the conversation's own
 * record (a group call); whichever knows the caller better speaks for it.
 */
export function conversationText(
  head: CallRecord,
  record: CallRecord,
  t: Translate,
): Pick<NotificationOp, 'title' | 'message' | 'context' | 'url'> {
  const caller = record.caller.name !== null ? record.caller : head.caller;
  const trunk = record.trunkName ?? record.trunkNum ?? head.trunkName ?? head.trunkNum;
  return {
    title: caller.name ?? t('notifUnknownCaller'),
    message: joinParts([caller.company, caller.number]),
    context: joinParts([trunk, groupName(head) ?? groupName(record)]),
    url: caller.url,
  };
}

export function notificationOp(
  op: NotificationOp['op'],
  id: string,
  call: string | null,
  kind: NotificationKind,
  text: Pick<NotificationOp, 'title' | 'message' | 'context' | 'url'>,
): NotificationOp {
  return { op, id, call, kind, ...text };
}

export function clearOp(id: string, call: string | null, kind: NotificationKind): NotificationOp {
  return { op: 'clear', id, call, kind, title: '', message: '', context: '', url: null };
}

export const callNotificationId = (root: string): string => `call:${root}`;
export const missedNotificationId = (root: string): string => `missed:${root}`;
