// Every storage item the extension owns, declared once: area, key, what it holds (schema or
// parser), its fallback and the shape version written today. Nothing else in src/ touches
// browser.storage (eslint.config.js says so). Who writes each item is said beside it: an item has
// one writing context, so the per-item queue in item.ts is enough to keep its writes in order.
import * as z from 'zod/mini';
import { defineItem } from './item';
import { LOCAL_KEYS, SESSION_KEYS, TEST_TUNING_KEY } from './keys';
import { defineListItem } from './list-item';
import { callBackEntrySchema, callRecordSchema } from './call-state-schema';
import { parseLiveState, parseShownRecord, type LiveState, type ShownRecord } from './call-state-parse';
import { healthSchema, type Health } from '../connection/health';
import { notificationLogSchema, type NotificationLogEntry } from './notification-log-schema';
import { keepAliveRecordSchema, type KeepAliveRecord } from '../connection/keep-alive-verdict';
import { INITIAL_REST_STATUS, restStatusSchema, type RestStatus } from '../rest/rest-status';
import { parseDnd, type DndSetting } from '../calls/do-not-disturb';
import { parseTestTuning, type TestTuning } from './test-tuning';

export type { TestTuning };

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
/** Which notifications are on screen and which conversations auto-opened a CRM card. Written
 *  first, before any pop-up: a worker stopped after a pop restarts knowing it, and never pops twice. */
export const shownItem = /* @__PURE__ */ defineItem<ShownRecord>({
  area: 'session',
  key: SESSION_KEYS.shown,
  version: 1,
  parse: (raw) => parseShownRecord(raw).value,
  fallback: () => ({ shown: {}, autoOpened: [] }),
});
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

/** The last time storage made the background leave calls out, for the popup's health line and diagnostics. */
const storageTrimSchema = z.object({
  at: z.number(),
  key: z.string(),
  dropped: z.number(),
  reason: z.enum(['budget', 'quota']),
});
export type StorageTrim = z.infer<typeof storageTrimSchema>;
export const storageTrimItem = /* @__PURE__ */ defineItem<StorageTrim | null>({ area: 'local', key: LOCAL_KEYS.storageTrim, version: 1, schema: z.nullable(storageTrimSchema), fallback: () => null });

// ---- Connection (background) -------------------------------------------------------------------
/** Null until the background first reports (the options page says so). */
export const healthItem = /* @__PURE__ */ defineItem<Health | null>({ area: 'session', key: SESSION_KEYS.health, version: 1, schema: z.nullable(healthSchema), fallback: () => null });
/** Whether the current server tolerates client keep-alive frames (connection/keep-alive-verdict.ts). */
export const keepAliveItem = /* @__PURE__ */ defineItem<KeepAliveRecord | null>({ area: 'local', key: LOCAL_KEYS.keepAliveMode, version: 1, schema: z.nullable(keepAliveRecordSchema), fallback: () => null });
/** When the connection was lost, so a worker stopped mid-gap still asks for the calls it missed. */
export const catchUpGapItem = /* @__PURE__ */ defineItem<{ downSince: number } | null>({
  area: 'session',
  key: SESSION_KEYS.catchUpGap,
  version: 1,
  schema: z.nullable(z.object({ downSince: z.number() })),
  fallback: () => null,
});

// ---- Notifications (background) ----------------------------------------------------------------
export const notificationLogItem = /* @__PURE__ */ defineItem<NotificationLogEntry[]>({ area: 'session', key: SESSION_KEYS.notificationLog, version: 1, schema: notificationLogSchema, fallback: () => [] });
const buttonSchema = z.enum(['open-crm', 'create-contact', 'show-calls', 'copy-number', 'call-back']);
/** What each button of a shown notification means, by notification id (background/notification-buttons-store.ts).
 *  A list of plain objects: z.record or z.tuple would add to every page's share of zod for this alone. */
export const notificationButtonsItem = /* @__PURE__ */ defineItem<Array<{ id: string; buttons: Array<z.infer<typeof buttonSchema>> }>>({
  area: 'session',
  key: SESSION_KEYS.notificationButtons,
  version: 1,
  schema: z.array(z.object({ id: z.string(), buttons: z.array(buttonSchema) })),
  fallback: () => [],
});
/** CRM tabs this extension opened, by URL, so a second click focuses the same tab (background/crm-tabs.ts). */
export const crmTabsItem = /* @__PURE__ */ defineItem<Record<string, number>>({
  area: 'session',
  key: SESSION_KEYS.crmTabs,
  version: 1,
  parse: (raw) => {
    const out: Record<string, number> = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [url, id] of Object.entries(raw as Record<string, unknown>)) if (typeof id === 'number') out[url] = id;
    return out;
  },
  fallback: () => ({}),
});
/** Numbers a page asked to call, waiting for the agent's confirmation, by random token (background/pending-dials.ts). */
export const pendingDialsItem = /* @__PURE__ */ defineItem<Record<string, { number: string; at: number }>>({
  area: 'session',
  key: SESSION_KEYS.pendingDials,
  version: 1,
  schema: z.record(z.string(), z.object({ number: z.string(), at: z.number() })),
  fallback: () => ({}),
});

// ---- The agent's choices -------------------------------------------------------------------------
/** Do-not-disturb on this machine (the popup writes it; never synced: it must not follow the agent to a colleague's desk). */
export const dndItem = /* @__PURE__ */ defineItem<DndSetting | null>({ area: 'local', key: LOCAL_KEYS.dnd, version: 1, parse: parseDnd, fallback: () => null });
/** Whether the REST features may show themselves, and why not (background/pbx-rest.ts writes it). */
export const restStatusItem = /* @__PURE__ */ defineItem<RestStatus>({ area: 'local', key: LOCAL_KEYS.restStatus, version: 1, schema: restStatusSchema, fallback: () => INITIAL_REST_STATUS });

// Settings (local, including the API key, never synced), the synced preferences and the policy
// are declared in settings-items.ts: their parsing is the settings' own field-by-field merge.

// ---- Tests only ----------------------------------------------------------------------------------
/** Written only by a test: shorter timers (clamped, storage/test-tuning.ts), the test handlers, the
 *  timing probe. Read only in the test build (__CALLPOP_TEST__): pure, so the release drops it. */
export const testTuningItem = /* @__PURE__ */ defineItem<TestTuning>({
  area: 'local',
  key: TEST_TUNING_KEY,
  version: 1,
  parse: parseTestTuning,
  fallback: () => parseTestTuning(undefined),
});
