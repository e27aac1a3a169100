// The call state across worker lives: restored before any frame is processed (uBlock Origin
// Lite's pattern), saved after each batch. What was shown is written first and on its own (small,
// always fits): a worker stopped at any point after it never pops the same call twice.
import type { CallsState } from '../calls/types';
import { readRaw, extensionVersion } from './area';
import { assembleCallsState, type Rejected } from './call-state-parse';
import { storageTrimItem, type StorageTrim } from './items';
import { callBacksItem, historyItem, liveStateItem } from './call-items';
import { shownItem } from './background-items';
import { quarantineRecords } from './quarantine';
import type { ListItem, ListSave } from './list-item';

export interface LoadedCallsState {
  state: CallsState;
  /** Records set aside because they no longer parse (kept in the quarantine). */
  setAside: number;
}

export async function loadCallsState(): Promise<LoadedCallsState> {
  const [session, local] = await Promise.all([
    readRaw('session', [liveStateItem.key, shownItem.key]),
    readRaw('local', [historyItem.key, callBacksItem.key]),
  ]);
  const { value, rejected } = assembleCallsState({
    live: session[liveStateItem.key],
    shown: session[shownItem.key],
    history: local[historyItem.key],
    callBacks: local[callBacksItem.key],
  });
  const byKey: Array<[string, Rejected]> = [
    [liveStateItem.key, rejected.live],
    [shownItem.key, rejected.shown],
    [historyItem.key, rejected.history],
    [callBacksItem.key, rejected.callBacks],
  ];
  let setAside = 0;
  for (const [key, records] of byKey) {
    if (records.length === 0) continue;
    setAside += records.length;
    // Never fatal: the state is restored whether or not the quarantine could be written.
    await quarantineRecords(key, records, extensionVersion()).catch(() => undefined);
  }
  return { state: value, setAside };
}

/** The shown record: written before any pop-up of the batch. */
export function saveShown(state: CallsState): Promise<void> {
  return shownItem.set({ shown: state.shown, autoOpened: state.autoOpened });
}

/**
 * Everything but `shown`: live calls (session), and the history and call-backs (local) when they
 * changed, each within its byte budget. Records the budget or a full area left out go from the
 * state in memory too (so the popup and the worker agree), and `storageTrimItem` says so.
 */
export async function saveRest(state: CallsState, changed: { history: boolean; callBacks: boolean }): Promise<void> {
  const live = liveStateItem.set({
    active: state.active,
    presence: state.presence,
    clockOffsetMs: state.clockOffsetMs,
    nextSeq: state.nextSeq,
    lastError: state.lastError,
  });
  const lists: Promise<void>[] = [];
  if (changed.history) lists.push(saveList(historyItem, state.history, (kept) => (state.history = kept)));
  if (changed.callBacks) lists.push(saveList(callBacksItem, state.callBacks, (kept) => (state.callBacks = kept)));
  await Promise.all([live, ...lists]);
}

async function saveList<T>(item: ListItem<T>, records: T[], keep: (kept: T[]) => void): Promise<void> {
  const saved: ListSave<T> = await item.save(records);
  if (saved.dropped === 0 || saved.reason === null) return;
  // Batches are saved one after another (call-pipeline.ts), so this is still the list just saved.
  keep(saved.kept);
  const trim: StorageTrim = { at: Date.now(), key: item.key, dropped: saved.dropped, reason: saved.reason };
  await storageTrimItem.set(trim).catch(() => undefined);
}
