// Reference copy of src/calls/expire-stale.ts before the call index (commit eba80ff), kept only so
// reducer-index-equivalence.property.test.ts can prove the indexed core behaves the same.
// A live call whose hangup never reached us (lost while the connection was down, or a PBX that
// dropped it) would ring in the popup, the badge and on screen forever. No real call rings for
// a quarter of an hour or talks for half a day, so such calls are ended as "outcome unknown"
// and their notification is cleared — quietly: no missed-call pop for something we never saw end.
import type { CallsState, Effect } from '../../../../src/calls/types';
import type { ReducerConfig } from '../../../../src/calls/reducer-config';
import { pushBounded } from '../../../../src/calls/bounded-list';
import { liveCallsOf } from './conversation';
import { callNotificationId, clearOp } from '../../../../src/calls/notification-text';

export const STALE_RINGING_MS = 15 * 60_000;
export const STALE_ANSWERED_MS = 12 * 60 * 60_000;

export function expireStaleCalls(state: CallsState, now: number, config: ReducerConfig): Effect[] {
  const effects: Effect[] = [];
  for (const record of Object.values(state.active)) {
    const limit = record.status === 'ringing' ? STALE_RINGING_MS : STALE_ANSWERED_MS;
    if (now - record.firstSeenAt <= limit) continue;
    record.status = 'ended';
    record.outcome = null;
    delete state.active[record.uuid];
    pushBounded(state.history, record, config.historyLimit);
    const callId = callNotificationId(record.rootUuid);
    const shown = state.shown[callId];
    if (shown && liveCallsOf(state, record.rootUuid).length === 0) {
      delete state.shown[callId];
      effects.push({ type: 'notification', notification: clearOp(callId, shown.call, shown.kind) });
    }
  }
  return effects;
}
