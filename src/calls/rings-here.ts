// Whether an internal call rings at this agent's phone or was placed by the agent.
import type { CallEvent } from '../protocol/events';
import type { CallRecord, CallsState } from './types';

function sameExt(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.trim() !== '' && a.trim() === b.trim();
}

/**
 * The agent's own extension as calls have shown it: the PBX filters the stream by subscriber,
 * so the user `leg` of an outgoing call, or of an incoming call that rang a user, is the agent.
 */
export function learnedOwnExt(state: CallsState): string | null {
  // History newest first, then live calls last-listed first; it stops at the first hit, so a
  // recent external call answers without touching the rest (no copy of all records per frame).
  for (let i = state.history.length - 1; i >= 0; i--) {
    const ext = ownExtShownBy(state.history[i]);
    if (ext !== null) return ext;
  }
  const live = Object.values(state.active);
  for (let i = live.length - 1; i >= 0; i--) {
    const ext = ownExtShownBy(live[i]);
    if (ext !== null) return ext;
  }
  return null;
}

function ownExtShownBy(record: CallRecord | undefined): string | null {
  return record && record.direction !== 'internal' && record.leg?.type === 'user' && record.leg.ext ? record.leg.ext : null;
}

/**
 * Internal calls only (external ones: incoming rings here, outgoing does not). With an extension
 * as subscriber, the call rings here exactly when the receiver (`leg2`) is that extension.
 * An e-mail subscriber cannot be compared with extensions: then the call rings here unless its
 * caller (`leg`) is known to be the agent, from the extension learned from earlier calls. When
 * nothing was learned it counts as ringing here: an extra pop beats a missed colleague.
 */
export function ringsHereFor(state: CallsState, event: CallEvent, subscriber: string): boolean {
  if (event.direction === 'incoming') return true;
  if (event.direction === 'outgoing') return false;
  const me = subscriber.trim();
  if (me !== '' && !me.includes('@')) return sameExt(event.leg2?.ext, me);
  const own = learnedOwnExt(state);
  if (own === null) return true;
  return !sameExt(event.leg?.ext, own);
}
