// Validation of what the popup reads from storage. Pure, so it is tested without a browser.
import { callBackListSchema, callRecordSchema, callsStateSchema } from '../shared/call-state-schema';
import { INITIAL_HEALTH, healthSchema, type Health } from '../shared/health';
import type { CallBackEntry, CallRecord, CallsState } from '../calls/types';

export const EMPTY_CALLS_STATE: CallsState = {
  active: {},
  history: [],
  presence: null,
  clockOffsetMs: null,
  shown: {},
  autoOpened: [],
  nextSeq: 0,
  lastError: null,
  callBacks: [],
};

export function parseCallsState(raw: unknown): CallsState {
  const parsed = callsStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_CALLS_STATE;
}

/** Drops corrupt entries one by one, so one bad record does not hide the whole history. */
export function parseHistory(raw: unknown): CallRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    const parsed = callRecordSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The list is written whole by the background: a corrupt one shows as empty. */
export function parseCallBacks(raw: unknown): CallBackEntry[] {
  const parsed = callBackListSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export function parseHealth(raw: unknown): Health {
  const parsed = healthSchema.safeParse(raw);
  return parsed.success ? parsed.data : INITIAL_HEALTH;
}
