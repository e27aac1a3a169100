// The storage items more than one context reads, declared once: area, key, what it holds
// (schema or parser), its fallback and the shape version written today. Nothing else in src/
// touches browser.storage (eslint.config.js says so). Who writes each item is said beside it: an
// item has one writing context, so the per-item queue in item.ts is enough to keep its writes in
// order. The declarations are split by who reads them, so a page loads only its own items and
// their schemas (issue 17): here what the background and both pages read; the calls the
// background and the popup share in call-items.ts; the background's own bookkeeping in
// background-items.ts; the settings in settings-items.ts. Each is imported from its own module:
// a re-export from here would put every item back into every page (the bundler follows the file).
import * as z from 'zod/mini';
import { defineItem } from './item';
import { LOCAL_KEYS, SESSION_KEYS } from './keys';
import { healthSchema, type Health } from '../connection/health';
import { INITIAL_REST_STATUS, restStatusSchema, type RestStatus } from '../rest/rest-status';

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
// ---- REST (background) ------------------------------------------------------------------------
/** Whether the REST features may show themselves, and why not (background/pbx-rest.ts writes it). */
export const restStatusItem = /* @__PURE__ */ defineItem<RestStatus>({ area: 'local', key: LOCAL_KEYS.restStatus, version: 1, schema: restStatusSchema, fallback: () => INITIAL_REST_STATUS });

// Settings (local, including the API key, never synced), the synced preferences and the policy
// are declared in settings-items.ts: their parsing is the settings' own field-by-field merge.
