// The call state as stored, parsed field by field and record by record: one live call or shown
// notification that no longer parses (a value from another version, a corrupt write) is set
// aside, and everything else, above all what was already shown, still comes back. Pure.
import * as z from 'zod/mini';
import type { CallBackEntry, CallRecord, CallsState } from '../calls/types';
import { createInitialState } from '../calls/initial-state';
import { callRecordSchema, shownEntrySchema, liveFieldSchemas } from './call-state-schema';
import { parseRecordList, problemOf } from './record-list';

export type ShownRecord = Pick<CallsState, 'shown' | 'autoOpened'>;
export type LiveState = Pick<CallsState, 'active' | 'presence' | 'clockOffsetMs' | 'nextSeq' | 'lastError'>;

export type Rejected = Array<{ record: unknown; problem: string }>;

export interface Parsed<T> {
  value: T;
  rejected: Rejected;
}

const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** Entries of a keyed record, each parsed alone; every key kept as an own data property (see call-state-schema.ts). */
function parseKeyed<T>(raw: unknown, schema: z.ZodMiniType<T>, field: string, rejected: Rejected): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObject(raw)) {
    if (raw !== undefined) rejected.push({ record: raw, problem: `${field}: not a record` });
    return out;
  }
  for (const key of Object.keys(raw)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) Object.defineProperty(out, key, { value: parsed.data, writable: true, enumerable: true, configurable: true });
    else rejected.push({ record: { [field]: { [key]: raw[key] } }, problem: `${field}.${problemOf(parsed.error.issues)}` });
  }
  return out;
}

/** A field that does not parse falls back to the empty state's, alone. */
function field<T>(raw: Record<string, unknown>, name: string, schema: z.ZodMiniType<T>, fallback: T, rejected: Rejected): T {
  if (!(name in raw)) return fallback;
  const parsed = schema.safeParse(raw[name]);
  if (parsed.success) return parsed.data;
  rejected.push({ record: { [name]: raw[name] }, problem: `${name}: ${problemOf(parsed.error.issues)}` });
  return fallback;
}

export function parseShownRecord(raw: unknown): Parsed<ShownRecord> {
  const rejected: Rejected = [];
  const object = isObject(raw) ? raw : {};
  const shown = parseKeyed(object.shown, shownEntrySchema, 'shown', rejected);
  const autoOpened = field(object, 'autoOpened', z.array(z.string()), [], rejected);
  return { value: { shown, autoOpened }, rejected };
}

export function parseLiveState(raw: unknown): Parsed<LiveState> {
  const rejected: Rejected = [];
  const empty = createInitialState();
  const object = isObject(raw) ? raw : {};
  if (raw !== undefined && !isObject(raw)) rejected.push({ record: raw, problem: 'not a record' });
  const value: LiveState = {
    active: parseKeyed(object.active, callRecordSchema, 'active', rejected) as Record<string, CallRecord>,
    presence: field(object, 'presence', liveFieldSchemas.presence, empty.presence, rejected),
    clockOffsetMs: field(object, 'clockOffsetMs', liveFieldSchemas.clockOffsetMs, empty.clockOffsetMs, rejected),
    // A lost counter restarts after the highest seq still known, so order stays right.
    nextSeq: field(object, 'nextSeq', liveFieldSchemas.nextSeq, empty.nextSeq, rejected),
    lastError: field(object, 'lastError', liveFieldSchemas.lastError, empty.lastError, rejected),
  };
  return { value, rejected };
}

export interface StoredCallState {
  live: unknown;
  shown: unknown;
  history: unknown;
  callBacks: unknown;
}

/**
 * The whole state from the four stored items. A state written by version 1 of `callpop.state`
 * (before `callpop.shown` existed) carries `shown` and `autoOpened` itself: they are read from it.
 */
export function assembleCallsState(stored: StoredCallState): { value: CallsState; rejected: Record<keyof StoredCallState, Rejected> } {
  const live = parseLiveState(stored.live);
  const legacy = stored.shown === undefined && isObject(stored.live) ? stored.live : stored.shown;
  const shown = parseShownRecord(legacy);
  const history = parseRecordList(stored.history, callRecordSchema);
  const callBacks = parseRecordList(stored.callBacks, liveFieldSchemas.callBack);
  const state: CallsState = {
    ...createInitialState(),
    ...live.value,
    ...shown.value,
    history: history.records as CallRecord[],
    callBacks: callBacks.records as CallBackEntry[],
  };
  let highestSeq = -1;
  for (const record of state.history) highestSeq = Math.max(highestSeq, record.seq);
  for (const record of Object.values(state.active)) highestSeq = Math.max(highestSeq, record.seq);
  if (state.nextSeq <= highestSeq) state.nextSeq = highestSeq + 1;
  return {
    value: state,
    rejected: { live: live.rejected, shown: legacy === stored.shown ? shown.rejected : [], history: history.rejected, callBacks: callBacks.rejected },
  };
}
