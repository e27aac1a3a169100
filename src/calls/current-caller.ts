// Whose CRM card the "open caller" shortcut opens: the call in progress (ringing here or
// answered) seen last, else the most recent call in history that has a CRM link.
import type { CallRecord, CallsState } from './types';

function ringsOrTalksHere(record: CallRecord): boolean {
  if (record.status === 'answered') return true;
  return record.direction === 'incoming' || (record.direction === 'internal' && record.ringsHere);
}

export function currentOrLastCaller(state: CallsState): CallRecord | null {
  const live = Object.values(state.active)
    .filter((record) => record.caller.url !== null && ringsOrTalksHere(record))
    .sort((a, b) => b.seq - a.seq);
  if (live[0]) return live[0];
  for (let i = state.history.length - 1; i >= 0; i--) {
    const record = state.history[i];
    if (record && record.caller.url !== null) return record;
  }
  return null;
}
