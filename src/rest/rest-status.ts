// Whether the REST features (call back, call from a page, catch-up) may show themselves, and
// why not. Written by the background after each REST exchange; read by the popup, the options
// page's diagnostics and the context menu. Host permission is checked live, not stored.
import * as z from 'zod/mini';

export const REST_STATUS_KEY = 'callpop.restStatus';

export const restStatusSchema = z.object({
  /** unknown: not tried yet; ok: answered as documented; unavailable: answered otherwise (features hide). */
  state: z.enum(['unknown', 'ok', 'unavailable']),
  /** RestErrorKind of the last failure, null after a success. */
  reason: z.nullable(z.string()),
  /** Technical detail of the last failure (status, endpoint); never the key. */
  detail: z.nullable(z.string()),
  at: z.nullable(z.number()),
  /** The last catch-up after a gap. */
  catchUp: z.nullable(z.object({ at: z.number(), added: z.number(), error: z.nullable(z.string()) })),
});

export type RestStatus = z.infer<typeof restStatusSchema>;

export const INITIAL_REST_STATUS: RestStatus = { state: 'unknown', reason: null, detail: null, at: null, catchUp: null };
