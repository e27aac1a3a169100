// Reference copy of src/calls/rings-here.ts before the call index (commit eba80ff), kept only so
// reducer-index-equivalence.property.test.ts can prove the indexed core behaves the same.
// Whether an internal call rings at this agent's phone or was placed by the agent.
import type { CallEvent } from '../../../../src/protocol/events';
import type { CallsState } from '../../../../src/calls/types';

function sameExt(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.trim() !== '' && a.trim() === b.trim();
}

/**
 * The agent's own extension as calls have shown it: the PBX filters the stream by subscriber,
 * so the user `leg` of an outgoing call, or of an incoming call that rang a user, is the agent.
 */
export function learnedOwnExt(state: CallsState): string | null {
  const records = [...Object.values(state.active), ...state.history];
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record && record.direction !== 'internal' && record.leg?.type === 'user' && record.leg.ext) return record.leg.ext;
  }
  return null;
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
