// The "to call back" entries by number, so that every answered call finds its caller's entry in
// O(1) instead of scanning up to MAX_CALL_BACKS entries, and a missed one does not scan either.
//
// Derived, never stored (like call-index.ts): the stored list and its schema stay as they were,
// and a restored, cleared or otherwise reassigned `state.callBacks` is simply indexed anew on
// first use. The list itself is replaced, never edited (the background saves it when its
// identity changes), so the index is not tied to one list, which would have to be rebuilt after
// every missed call: it belongs to the state and moves to each new list with it. Every change
// the call-back module makes goes through replaceCallBacks, which updates the map by what was
// removed and added. A list that repeats a key (never one the module makes) is indexed anew
// for every change, mapping the key to its first entry as `find` does.
import type { CallBackEntry, CallsState } from './types';

interface CallBackIndex {
  /** The list this index describes: another array means it is stale. */
  list: readonly CallBackEntry[];
  byKey: Map<string, CallBackEntry>;
}

const indexes = new WeakMap<CallsState, CallBackIndex>();

/** The first entry with this key, as `state.callBacks.find((entry) => entry.key === key)` answers. */
export function callBackFor(state: CallsState, key: string): CallBackEntry | undefined {
  const list = state.callBacks;
  let index = indexes.get(state);
  if (index?.list !== list) {
    const byKey = new Map<string, CallBackEntry>();
    // Last to first, so a key listed twice ends up mapped to its first entry.
    for (let i = list.length - 1; i >= 0; i--) byKey.set(list[i]!.key, list[i]!);
    index = { list, byKey };
    indexes.set(state, index);
  }
  return index.byKey.get(key);
}

/** Puts `next` in place of `state.callBacks`: the old list without `removed`, plus `added`. */
export function replaceCallBacks(
  state: CallsState,
  next: CallBackEntry[],
  removed: readonly CallBackEntry[],
  added: CallBackEntry | null,
): void {
  const index = indexes.get(state);
  const upToDate = index?.list === state.callBacks && index.byKey.size === index.list.length;
  state.callBacks = next;
  // Not up to date, or a list that repeats a key: the next lookup indexes the new list anew.
  if (!index || !upToDate) return;
  for (const entry of removed) index.byKey.delete(entry.key);
  if (added) index.byKey.set(added.key, added);
  index.list = next;
  if (index.byKey.size !== next.length) indexes.delete(state);
}
