// Zod twins of src/calls/types.ts: the background restores its state with them on wake and the
// popup validates what it reads, so a corrupt storage item falls back instead of crashing a page.
import * as z from 'zod/mini';
import type { CallBackEntry, CallRecord, CallsState } from '../calls/types';
import { NOTE_MAX_LENGTH } from '../calls/call-note';

/**
 * A record keyed by wire strings. zod's own record skips a "__proto__" key, but the reducer keeps
 * call uuids as own keys whatever they are (src/calls/own-keys.ts), so this one keeps every key as
 * an own data property: a live call must not vanish when the worker restores its state.
 */
function ownKeyRecord<T extends z.ZodMiniType>(value: T) {
  return z.pipe(
    z.custom<Record<string, unknown>>((raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw)),
    z.transform((raw: Record<string, unknown>, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const key of Object.keys(raw)) {
        const parsed = value.safeParse(raw[key]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.issues.push({ code: 'custom', message: issue.message, path: [key, ...issue.path], input: raw });
          }
          return z.NEVER;
        }
        Object.defineProperty(out, key, { value: parsed.data, writable: true, enumerable: true, configurable: true });
      }
      return out;
    }),
  );
}

/** What `z.int()` accepts (a safe integer), without pulling zod's number-format checks into every bundle. */
const safeInt = () => z.refine<number>(Number.isSafeInteger);

// Strictly what the reducer writes: finite numbers only (zod 4 rejects NaN and ±Infinity).
const epochMs = z.nullable(z.number());

export const partySchema = z.object({
  id: z.nullable(z.string()),
  type: z.enum(['user', 'group', 'scenario', 'unknown']),
  ext: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
});

export const crmCardSchema = z.object({
  id: z.nullable(z.string()),
  name: z.nullable(z.string()),
  number: z.nullable(z.string()),
  company: z.nullable(z.string()),
  url: z.nullable(z.string()),
  urlRejected: z.boolean(),
  priority: z.nullable(z.number()),
});

export const callerCardSchema = z.object({
  name: z.nullable(z.string()),
  company: z.nullable(z.string()),
  number: z.nullable(z.string()),
  url: z.nullable(z.string()),
  unknown: z.boolean(),
});

export const callRecordSchema = z.object({
  uuid: z.string(),
  parentUuid: z.nullable(z.string()),
  rootUuid: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  ringsHere: z.boolean(),
  status: z.enum(['ringing', 'answered', 'ended']),
  outcome: z.nullable(z.enum(['answered', 'missed', 'unanswered'])),
  dialAt: epochMs,
  bridgeAt: epochMs,
  endAt: epochMs,
  firstSeenAt: z.number(),
  seq: z.number().check(safeInt(), z.nonnegative()),
  caller: callerCardSchema,
  crm: z.array(crmCardSchema),
  leg: z.nullable(partySchema),
  leg2: z.nullable(partySchema),
  trunkNum: z.nullable(z.string()),
  trunkName: z.nullable(z.string()),
  unseen: z.boolean(),
  // Added with call notes (issue 18): history stored before then has none.
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX_LENGTH))),
});

export const callRecordListSchema = z.array(callRecordSchema);

export const callBackEntrySchema = z.object({
  key: z.string(),
  caller: callerCardSchema,
  call: z.string(),
  attempts: z.number().check(safeInt(), z.positive()),
  firstAt: z.number(),
  lastAt: z.number(),
  roots: z.array(z.string()),
});

export const callBackListSchema = z.array(callBackEntrySchema);

const notificationKindSchema = z.enum(['incoming', 'outgoing', 'internal', 'missed']);

export const shownEntrySchema = z.object({ kind: notificationKindSchema, call: z.nullable(z.string()) });

/** The state's other fields one by one: storage parses each alone (call-state-parse.ts). */
export const liveFieldSchemas = {
  presence: z.nullable(z.object({ status: z.enum(['available', 'away']), since: epochMs })),
  clockOffsetMs: z.nullable(z.number()),
  nextSeq: z.number().check(safeInt(), z.nonnegative()),
  lastError: z.nullable(z.object({ message: z.string(), at: z.number() })),
  callBack: callBackEntrySchema,
};

/** The whole state in one piece: the compile-time twin of CallsState (and what the property tests round-trip). */
export const callsStateSchema = z.object({
  active: ownKeyRecord(callRecordSchema),
  history: callRecordListSchema,
  presence: liveFieldSchemas.presence,
  clockOffsetMs: liveFieldSchemas.clockOffsetMs,
  shown: ownKeyRecord(shownEntrySchema),
  autoOpened: z.array(z.string()),
  nextSeq: liveFieldSchemas.nextSeq,
  lastError: liveFieldSchemas.lastError,
  // A state saved before call-backs existed has none.
  callBacks: z._default(callBackListSchema, () => []),
});

// Compile-time proof that the schemas and the hand-written types agree in both directions:
// a field added to one side only fails `tsc` here instead of being silently dropped on restore.
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type _CallRecordAgrees = Assert<Agrees<z.infer<typeof callRecordSchema>, CallRecord>>;
export type _CallBackAgrees = Assert<Agrees<z.infer<typeof callBackEntrySchema>, CallBackEntry>>;
export type _CallsStateAgrees = Assert<Agrees<z.infer<typeof callsStateSchema>, CallsState>>;
