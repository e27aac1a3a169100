// Lookups over the live calls and the history that cost O(1) per frame, not O(calls).
//
// Derived, never persisted: CallsState stays plain JSON (storage, schema and round-trip tests
// see exactly what they saw before), and a restored, cloned or reassigned state simply gets its
// index rebuilt on first use — O(live + history) once. A stored index could disagree with the
// records after a partial write; one rebuilt from the records cannot.
//
// The cost of deriving: every change of `state.active` or `state.history` must go through the
// functions below (addLive, removeLive, pushEnded, noteParentLearned), and a record's `uuid` and
// `rootUuid` must never change after it is first stored. Replacing the whole `active` object or
// `history` array (restore, clear history) is safe: the index notices and rebuilds.
import type { CallRecord, CallsState } from './types';
import { setOwn } from './own-keys';
import { numberKey } from './number-key';

interface CallIndex {
  /** What this index was built for: another object or array means it is stale. */
  active: CallsState['active'];
  history: CallRecord[];
  /** `active` as a Map: a fresh uuid string from the wire is looked up without interning it. */
  liveByUuid: Map<string, CallRecord>;
  historyLength: number;
  newestEnded: CallRecord | undefined;
  // Buckets are arrays, not Sets: almost all hold one record, and arrays are cheaper to make.
  liveByRoot: Map<string, CallRecord[]>;
  liveByParent: Map<string, CallRecord[]>;
  /** Newest ended record per uuid (history may hold duplicates when restored from storage). */
  endedByUuid: Map<string, CallRecord>;
  endedByRoot: Map<string, CallRecord[]>;
  endedByParent: Map<string, CallRecord[]>;
  /** Ended calls by normalized caller number (number-key.ts), oldest first: the caller's story. */
  endedByNumber: Map<string, CallRecord[]>;
  /**
   * Each indexed ended record: its push order, so "newest first" survives shifts from the front,
   * and the number key it was filed under (its card may still change; unfiling must match).
   * One map for both: two map operations fewer for every call that ends.
   */
  filed: Map<CallRecord, Filing>;
  nextOrder: number;
}

interface Filing {
  order: number;
  key: string | undefined;
}

const indexes = new WeakMap<CallsState, CallIndex>();

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(value);
  else map.set(key, [value]);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const bucket = map.get(key);
  if (!bucket) return;
  const at = bucket.indexOf(value);
  if (at !== -1) bucket.splice(at, 1);
  if (bucket.length === 0) map.delete(key);
}

function indexEnded(index: CallIndex, record: CallRecord): void {
  index.endedByUuid.set(record.uuid, record);
  addTo(index.endedByRoot, record.rootUuid, record);
  if (record.parentUuid !== null) addTo(index.endedByParent, record.parentUuid, record);
  const key = numberKey(record.caller.number) ?? undefined;
  index.filed.set(record, { order: index.nextOrder++, key });
  if (key !== undefined) addTo(index.endedByNumber, key, record);
}

function unindexEnded(index: CallIndex, record: CallRecord): void {
  // Shifts go oldest first, so an older duplicate of this uuid is already gone; a newer one stays.
  if (index.endedByUuid.get(record.uuid) === record) index.endedByUuid.delete(record.uuid);
  removeFrom(index.endedByRoot, record.rootUuid, record);
  if (record.parentUuid !== null) removeFrom(index.endedByParent, record.parentUuid, record);
  const key = index.filed.get(record)?.key;
  index.filed.delete(record);
  if (key !== undefined) removeFrom(index.endedByNumber, key, record);
}

function indexLive(index: CallIndex, record: CallRecord): void {
  addTo(index.liveByRoot, record.rootUuid, record);
  if (record.parentUuid !== null) addTo(index.liveByParent, record.parentUuid, record);
}

function build(state: CallsState): CallIndex {
  const index: CallIndex = {
    active: state.active,
    history: state.history,
    liveByUuid: new Map(),
    historyLength: 0,
    newestEnded: undefined,
    liveByRoot: new Map(),
    liveByParent: new Map(),
    endedByUuid: new Map(),
    endedByRoot: new Map(),
    endedByParent: new Map(),
    endedByNumber: new Map(),
    filed: new Map(),
    nextOrder: 0,
  };
  for (const [uuid, record] of Object.entries(state.active)) {
    index.liveByUuid.set(uuid, record);
    indexLive(index, record);
  }
  for (const record of state.history) indexEnded(index, record);
  syncHistoryMarks(index);
  indexes.set(state, index);
  return index;
}

function syncHistoryMarks(index: CallIndex): void {
  index.historyLength = index.history.length;
  index.newestEnded = index.history[index.history.length - 1];
}

/**
 * The state asked about last, and its index: the background feeds every frame to one state and
 * each frame asks a dozen times, so this spares the WeakMap lookups. Holds at most one state.
 */
let lastState: CallsState | undefined;
let lastIndex: CallIndex | undefined;

function indexOf(state: CallsState): CallIndex {
  const index = state === lastState ? lastIndex : indexes.get(state);
  const fresh =
    index !== undefined &&
    index.active === state.active &&
    index.history === state.history &&
    index.historyLength === state.history.length &&
    index.newestEnded === state.history[state.history.length - 1];
  const current = fresh ? index : build(state);
  lastState = state;
  lastIndex = current;
  return current;
}

/** Stores a call first seen live. */
export function addLive(state: CallsState, record: CallRecord): void {
  const index = indexOf(state);
  setOwn(state.active, record.uuid, record);
  index.liveByUuid.set(record.uuid, record);
  indexLive(index, record);
}

/** Takes a live call out of `active` (it is about to go to history). */
export function removeLive(state: CallsState, record: CallRecord): void {
  const index = indexOf(state);
  delete state.active[record.uuid];
  index.liveByUuid.delete(record.uuid);
  removeFrom(index.liveByRoot, record.rootUuid, record);
  if (record.parentUuid !== null) removeFrom(index.liveByParent, record.parentUuid, record);
}

/** Appends an ended call to history, dropping the oldest beyond `limit` (as pushBounded does). */
export function pushEnded(state: CallsState, record: CallRecord, limit: number): void {
  const index = indexOf(state);
  const list = state.history;
  list.push(record);
  indexEnded(index, record);
  const max = Number.isNaN(limit) ? 1 : Math.max(1, Math.floor(limit));
  while (list.length > max) {
    const dropped = list.shift();
    if (dropped) unindexEnded(index, dropped);
  }
  syncHistoryMarks(index);
}

/** A record stored with no parent just learned one (mergeFacts fills `parentUuid` once). */
export function noteParentLearned(state: CallsState, record: CallRecord, parentBefore: string | null): void {
  if (parentBefore !== null || record.parentUuid === null) return;
  const index = indexOf(state);
  if (index.liveByUuid.get(record.uuid) === record) addTo(index.liveByParent, record.parentUuid, record);
  else if (index.filed.has(record)) addTo(index.endedByParent, record.parentUuid, record);
}

/** An ended record's card changed (a late frame added names and numbers): file it under its number now. */
export function noteEndedCardChanged(state: CallsState, record: CallRecord): void {
  const index = indexOf(state);
  const filing = index.filed.get(record);
  if (!filing) return;
  const before = filing.key;
  const after = numberKey(record.caller.number) ?? undefined;
  if (before === after) return;
  if (before !== undefined) removeFrom(index.endedByNumber, before, record);
  filing.key = after;
  if (after === undefined) return;
  // Keep the bucket oldest first: insert by push order, not at the end.
  const bucket = index.endedByNumber.get(after) ?? [];
  const at = bucket.findIndex((other) => (index.filed.get(other)?.order ?? 0) > filing.order);
  bucket.splice(at === -1 ? bucket.length : at, 0, record);
  index.endedByNumber.set(after, bucket);
}

/** The live call stored under this uuid (own keys only, like `ownValue(state.active, uuid)`). */
export function liveCall(state: CallsState, uuid: string): CallRecord | null {
  return indexOf(state).liveByUuid.get(uuid) ?? null;
}

/** The newest ended record with this uuid. */
export function endedCall(state: CallsState, uuid: string): CallRecord | null {
  return indexOf(state).endedByUuid.get(uuid) ?? null;
}

const NONE: readonly CallRecord[] = Object.freeze([]);

/** Live calls of a conversation. A view into the index: read it before the next change of state. */
export function liveCallsOf(state: CallsState, root: string): readonly CallRecord[] {
  return indexOf(state).liveByRoot.get(root) ?? NONE;
}

/** Ended calls of a conversation, oldest first. A view, like liveCallsOf's. */
export function endedCallsOf(state: CallsState, root: string): readonly CallRecord[] {
  return indexOf(state).endedByRoot.get(root) ?? NONE;
}

/** Ended calls with this normalized number (numberKey), oldest first. A view, like liveCallsOf's. */
export function endedCallsWithNumber(state: CallsState, key: string): readonly CallRecord[] {
  return indexOf(state).endedByNumber.get(key) ?? NONE;
}

/**
 * The conversation of the first live call (in `Object.values(state.active)` order) whose parent
 * is `parent`, else of the newest ended one; null when no call names it as parent.
 */
export function childRootOf(state: CallsState, parent: string): string | null {
  const index = indexOf(state);
  const live = index.liveByParent.get(parent);
  if (live) {
    const root = live[0]?.rootUuid;
    if (root !== undefined && live.every((record) => record.rootUuid === root)) return root;
    // Siblings in different conversations: which comes first depends on property order
    // (integer-like keys sort first), so ask the object itself. Rare: children of an unseen parent.
    return Object.values(state.active).find((record) => record.parentUuid === parent)?.rootUuid ?? null;
  }
  const ended = index.endedByParent.get(parent);
  if (!ended) return null;
  let newest: CallRecord | null = null;
  let newestOrder = -1;
  for (const record of ended) {
    const order = index.filed.get(record)?.order ?? -1;
    if (order > newestOrder) {
      newest = record;
      newestOrder = order;
    }
  }
  return newest?.rootUuid ?? null;
}
