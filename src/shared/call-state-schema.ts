// Zod twins of src/calls/types.ts: the background restores its state with them on wake and the
// popup validates what it reads, so a corrupt storage item falls back instead of crashing a page.
import * as z from 'zod';
import type { CallRecord, CallsState } from '../calls/types';

/**
 * A record keyed by wire strings. zod's own record skips a "__proto__" key, but the reducer keeps
 * call uuids as own keys whatever they are (src/calls/own-keys.ts), so this one keeps every key as
 * an own data property: a live call must not vanish when the worker restores its state.
 */
function ownKeyRecord<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, unknown>>((raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw))
    .transform((raw, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const key of Object.keys(raw)) {
        const parsed = value.safeParse(raw[key]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
          return z.NEVER;
        }
        Object.defineProperty(out, key, { value: parsed.data, writable: true, enumerable: true, configurable: true });
      }
      return out;
    });
}

// Strictly what the reducer writes: finite numbers only (zod 4 rejects NaN and ±Infinity).
const epochMs = z.number().nullable();

export const partySchema = z.object({
  id: z.string().nullable(),
  type: z.enum(['user', 'group', 'scenario', 'unknown']),
  ext: z.string().nullable(),
  displayName: z.string().nullable(),
});

export const crmCardSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  number: z.string().nullable(),
  company: z.string().nullable(),
  url: z.string().nullable(),
  urlRejected: z.boolean(),
  priority: z.number().nullable(),
});

export const callerCardSchema = z.object({
  name: z.string().nullable(),
  company: z.string().nullable(),
  number: z.string().nullable(),
  url: z.string().nullable(),
  unknown: z.boolean(),
});

export const callRecordSchema = z.object({
  uuid: z.string(),
  parentUuid: z.string().nullable(),
  rootUuid: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  ringsHere: z.boolean(),
  status: z.enum(['ringing', 'answered', 'ended']),
  outcome: z.enum(['answered', 'missed', 'unanswered']).nullable(),
  dialAt: epochMs,
  bridgeAt: epochMs,
  endAt: epochMs,
  firstSeenAt: z.number(),
  seq: z.number().int().nonnegative(),
  caller: callerCardSchema,
  crm: z.array(crmCardSchema),
  leg: partySchema.nullable(),
  leg2: partySchema.nullable(),
  trunkNum: z.string().nullable(),
  trunkName: z.string().nullable(),
  unseen: z.boolean(),
});

export const callRecordListSchema = z.array(callRecordSchema);

const notificationKindSchema = z.enum(['incoming', 'outgoing', 'internal', 'missed']);

export const callsStateSchema = z.object({
  active: ownKeyRecord(callRecordSchema),
  history: callRecordListSchema,
  presence: z.object({ status: z.enum(['available', 'away']), since: epochMs }).nullable(),
  clockOffsetMs: z.number().nullable(),
  shown: ownKeyRecord(z.object({ kind: notificationKindSchema, call: z.string().nullable() })),
  autoOpened: z.array(z.string()),
  nextSeq: z.number().int().nonnegative(),
  lastError: z.object({ message: z.string(), at: z.number() }).nullable(),
});

// Compile-time proof that the schemas and the hand-written types agree in both directions:
// a field added to one side only fails `tsc` here instead of being silently dropped on restore.
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _CallRecordAgrees = Assert<Agrees<z.infer<typeof callRecordSchema>, CallRecord>>;
export type _CallsStateAgrees = Assert<Agrees<z.infer<typeof callsStateSchema>, CallsState>>;
