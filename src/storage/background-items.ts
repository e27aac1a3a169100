// The background's own bookkeeping: no page reads these, so no page loads their schemas (items.ts
// says how items are declared and why they are split by reader).
import * as z from 'zod/mini';
import { defineItem } from './item';
import { LOCAL_KEYS, SESSION_KEYS, TEST_TUNING_KEY } from './keys';
import { parseShownRecord, type ShownRecord } from './call-state-parse';
import { notificationLogSchema, type NotificationLogEntry } from './notification-log-schema';
import { keepAliveRecordSchema, type KeepAliveRecord } from '../connection/keep-alive-verdict';
import { parseTestTuning, type TestTuning } from './test-tuning';

export type { TestTuning };

/** Which notifications are on screen and which conversations auto-opened a CRM card. Written
 *  first, before any pop-up: a worker stopped after a pop restarts knowing it, and never pops twice. */
export const shownItem = /* @__PURE__ */ defineItem<ShownRecord>({
  area: 'session',
  key: SESSION_KEYS.shown,
  version: 1,
  parse: (raw) => parseShownRecord(raw).value,
  fallback: () => ({ shown: {}, autoOpened: [] }),
});
// ---- Connection (background) -------------------------------------------------------------------
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
