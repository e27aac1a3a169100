// Reads what the background stored, validated: a corrupt item shows as empty, never as a crash.
// In two steps, so the popup opens in constant time: live calls, presence and health (small
// session items) first; the history, which grows to thousands of calls, after the first paint.
import { createInitialState } from '../calls/initial-state';
import type { CallBackEntry, CallRecord, CallsState } from '../calls/types';
import { INITIAL_HEALTH, type Health } from '../connection/health';
import { healthItem } from '../storage/items';
import { callBacksItem, historyItem, liveStateItem } from '../storage/call-items';

export interface PopupData {
  /** Live calls, presence and clock offset (no history: see `history`). */
  state: CallsState;
  /** Ended calls, oldest first; null until read. */
  history: CallRecord[] | null;
  health: Health;
  /** Callers to call back (local storage: it outlives the session). */
  callBacks: CallBackEntry[];
}

const stateOf = (live: Awaited<ReturnType<typeof liveStateItem.get>>): CallsState => ({ ...createInitialState(), ...live });

/** What the first paint needs. */
export async function readFirstPaint(): Promise<Pick<PopupData, 'state' | 'health'>> {
  const [live, health] = await Promise.all([liveStateItem.get(), healthItem.get()]);
  return { state: stateOf(live), health: health ?? INITIAL_HEALTH };
}

/** What may come a moment later. */
export async function readLists(): Promise<Pick<PopupData, 'history' | 'callBacks'>> {
  const [history, callBacks] = await Promise.all([historyItem.get(), callBacksItem.get()]);
  return { history, callBacks };
}

/** Calls `onChange` with whatever changed; returns the unsubscribe function. */
export function watchPopupData(onChange: (patch: Partial<PopupData>) => void): () => void {
  const stops = [
    liveStateItem.watch((live) => onChange({ state: stateOf(live) })),
    healthItem.watch((health) => onChange({ health: health ?? INITIAL_HEALTH })),
    historyItem.watch((history) => onChange({ history })),
    callBacksItem.watch((callBacks) => onChange({ callBacks })),
  ];
  return () => stops.forEach((stop) => stop());
}
