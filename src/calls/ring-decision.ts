// Whether the ring sound plays now: the agent turned it on, do-not-disturb is off, and a call
// that would pop (by the notification policy) rings here.
import type { NotificationPolicy } from '../settings/settings-schema';
import type { CallsState } from './types';

export function shouldRing(state: CallsState, policy: NotificationPolicy, dnd: boolean): boolean {
  if (!policy.ringSound || dnd) return false;
  return Object.values(state.active).some((record) => {
    if (record.status !== 'ringing') return false;
    if (record.direction === 'incoming') return policy.incoming;
    return record.direction === 'internal' && record.ringsHere && policy.internal;
  });
}
