// The "to call back" entries by number, so that every answered call finds its caller's entry in
// O(1) instead of scanning up to MAX_CALL_BACKS entries, and a missed one does not scan either.
//
// Derived, never stored (like call-index.ts): the stored list and its schema stay as they were,
// and a restored, cleared or otherwise reassigned `state.callBacks` is simply indexed anew on
// first use. The list itself is replaced, never edited (the background saves it when its
// identity changes), so the index is not tied to one list, which would have to be rebuilt after
// every missed call: it belongs to the state and moves to each new list with it. Every change
// the call-back module makes goes through replaceCallBacks, which updates the map by what was
// removed and added.
import type { CallBackEntry, CallsState } from './types';

interface CallBackIndex {
  /** The list this index describes: another array (or a changed length) means it is stale. */
  list: readonly CallBackEntry[];
  length: number;
  /** Each key's entry; null when the list repeats a key (only a hand-made or foreign list can). */
  byKey: Map<string, CallBackEntry> | null;
}

const indexes = new WeakMap<CallsState, CallBackIndex>();

function fresh(index: CallBackIndex | undefined, list: readonly CallBackEntry[]): index is CallBackIndex {
  return index !== undefined && index.list === list && index.length === list.length;
}

function build(state: CallsState): CallBackIndex {
  const list = state.callBacks;
  let byKey: Map<string, CallBackEntry> | null = new Map();
  for (const entry of list) {
    if (byKey.has(entry.key)) {
      byKey = null;
      break;
    }
    byKey.set(entry.key, entry);
  }
  const index: CallBackIndex = { list, length: list.length, byKey };
  indexes.set(state, index);
  return index;
}

/** The first entry with this key, as `state.callBacks.find((entry) => entry.key === key)` answers. */
export function callBackFor(state: CallsState, key: string): CallBackEntry | undefined {
  const list = state.callBacks;
  if (list.length === 0) return undefined;
  const known = indexes.get(state);
  const index = fresh(known, list) ? known : build(state);
  return index.byKey ? index.byKey.get(key) : list.find((entry) => entry.key === key);
}

/**
 * Puts `next` in place of `state.callBacks`: the old list without `removed`, plus `added`.
 * An index that was not up to date with the old list is left to be rebuilt on its next use.
 */
export function replaceCallBacks(
  state: CallsState,
  next: CallBackEntry[],
  removed: readonly CallBackEntry[],
  added: CallBackEntry | null,
): void {
  const index = indexes.get(state);
  if (!fresh(index, state.callBacks) || index.byKey === null) {
    state.callBacks = next;
    indexes.delete(state);
    return;
  }
  state.callBacks = next;
  const byKey = index.byKey;
  for (const entry of removed) if (byKey.get(entry.key) === entry) byKey.delete(entry.key);
  // A key still listed would now be there twice: only a scan can answer for such a list.
  if (added && byKey.has(added.key)) index.byKey = null;
  else if (added) byKey.set(added.key, added);
  index.list = next;
  index.length = next.length;
}
