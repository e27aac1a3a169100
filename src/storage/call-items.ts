// The calls' items: written by the background, read by the popup (items.ts says how items are
// declared and why they are split by reader).
import { defineItem } from './item';
import { LOCAL_KEYS, SESSION_KEYS } from './keys';
import { defineListItem } from './list-item';
import { callBackEntrySchema, callRecordSchema } from './call-state-schema';
import { parseLiveState, type LiveState } from './call-state-parse';
import { parseDnd, type DndSetting } from '../calls/do-not-disturb';

// ---- Budgets (bytes, UTF-8 JSON, against Chrome's 10 MiB storage.local quota) ----------------
/**
 * History: 6 MiB. A typical ended call with a CRM card is about 1.1 KB, so the largest history
 * limit (5,000 calls) fits; 20 calls carrying the largest fields the wire allows (about 600 KB
 * each) do not, and the oldest give way instead of every save failing. What is left of the quota
 * (4 MiB) holds the call-backs' 1 MiB, the quarantine's 256 KB, the settings and the REST status.
 */
export const HISTORY_BUDGET_BYTES = 6 * 1024 * 1024;
/** Call-backs: at most 500 entries (calls/call-backs.ts), about 1 KB each; 1 MiB bounds the odd huge one. */
export const CALL_BACKS_BUDGET_BYTES = 1024 * 1024;

// ---- Calls (written by the background; read by the popup) ------------------------------------
/** Live calls, presence, clock offset: small whatever the history, so the popup paints it at once. */
export const liveStateItem = /* @__PURE__ */ defineItem<LiveState>({
  area: 'session',
  key: SESSION_KEYS.callState,
  version: 2, // 1 held the whole state but the history; 2 leaves `shown` and the call-backs to their items
  parse: (raw) => parseLiveState(raw).value,
  fallback: () => parseLiveState(undefined).value,
});
/** Ended calls, oldest first. Local: it outlives the browser session. */
export const historyItem = /* @__PURE__ */ defineListItem({ area: 'local', key: LOCAL_KEYS.history, version: 1, record: callRecordSchema, budgetBytes: HISTORY_BUDGET_BYTES });
/** Callers still to call back (calls/call-backs.ts): must outlive a browser restart. */
export const callBacksItem = /* @__PURE__ */ defineListItem({ area: 'local', key: LOCAL_KEYS.callBacks, version: 1, record: callBackEntrySchema, budgetBytes: CALL_BACKS_BUDGET_BYTES });

/** Do-not-disturb on this machine (the popup writes it; never synced: it must not follow the agent to a colleague's desk). */
export const dndItem = /* @__PURE__ */ defineItem<DndSetting | null>({ area: 'local', key: LOCAL_KEYS.dnd, version: 1, parse: parseDnd, fallback: () => null });
