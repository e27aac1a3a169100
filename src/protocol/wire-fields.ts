// One zod schema per kind of wire value. The PBX's own document sends the same field as a
// number in one place and a string in another (docs/protocol.md decision 1), and any field may be
// absent or null (decision 2), so every schema here accepts both spellings, maps absent to
// null, and rejects only what cannot mean anything — with a message that quotes the value.
import * as z from 'zod/mini';
import type { PartyType } from './events';
import { safeHttpUrlOrNull } from './crm-link';
import { cleanNumber, cleanText } from './text-hygiene';
import { describeValue } from './rejection-reason';

/** Ids longer than this are not ids; `uuid` and CRM ids are rejected past it rather than cut. */
export const MAX_ID_LENGTH = 200;
/** Extensions are short; a longer one is garbage. */
export const MAX_EXT_LENGTH = 64;
/** Browsers cope with longer links, but no CRM contact link needs more. */
export const MAX_URL_LENGTH = 4096;
/** Below this a time is seconds (the platform's REST API), not ms (decision 1). 10^12 ms is 2001-09-09. */
export const SECONDS_BELOW = 1e12;
/** The last instant a JS Date can hold. */
const MAX_EPOCH_MS = 8.64e15;

// JSON-style decimals only: Number() alone would also take "", "0x1f", "Infinity" and " ".
const NUMERIC_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function custom(ctx: z.core.ParsePayload, message: string, input: unknown): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

/** Classic zod's `schema.transform(fn)` in zod/mini's functional form: `schema` first, then `fn` on its output. */
export function map<In extends z.core.SomeType, Out>(schema: In, fn: (value: z.output<In>, ctx: z.core.ParsePayload) => Out) {
  return z.pipe(schema, z.transform(fn));
}

/** Absent, null and (for non-text fields) a blank string all mean "not given". */
function absentToNull<Out>(schema: z.ZodMiniType<Out>) {
  return map(z.nullish(schema), (value): Out | null => value ?? null);
}

function numberOrString(expected: string) {
  return z.union([z.number(), z.string()], {
    error: (issue) => `expected ${expected}, got ${describeValue(issue.input)}`,
  });
}

/**
 * The plain conversions behind the schemas below, shared with the hand-written fast path
 * (fast-call-frame.ts) so both read a value the same way. INVALID: the schema reports an issue.
 */
export const INVALID = Symbol('invalid wire value');
export type Invalid = typeof INVALID;

export function numberFromWire(value: number | string): number | null | Invalid {
  if (typeof value === 'string' && value.trim() === '') return null;
  const number = typeof value === 'number' ? value : NUMERIC_STRING.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(number) ? number : INVALID;
}

export function timeFromWire(value: number | null): number | null | Invalid {
  if (value === null || value === 0) return null;
  if (value < 0) return INVALID;
  const ms = Math.round(value < SECONDS_BELOW ? value * 1000 : value);
  return ms > MAX_EPOCH_MS ? INVALID : ms;
}

export function idFromWire(value: number | string, maxLength: number): string | null | Invalid {
  // A number's digits, sign, point and exponent never need cleaning.
  const id = typeof value === 'number' ? String(value) : cleanText(value, Number.MAX_SAFE_INTEGER);
  return id !== null && id.length > maxLength ? INVALID : id;
}

const numberValue = map(numberOrString('a number'), (value, ctx): number | null => {
  const number = numberFromWire(value);
  if (number === INVALID) return custom(ctx, `expected a number, got ${describeValue(value)}`, value);
  return number;
});

/** `lgDirection`, `type`, `priority`: a number or a numeric string. */
export const wireNumber = absentToNull(numberValue);

/** `dialAt`, `bridgeAt`, `serverTime`: epoch ms; seconds are converted; 0 means "not set". */
export const wireTime = map(wireNumber, (value, ctx): number | null => {
  const ms = timeFromWire(value);
  if (ms !== INVALID) return ms;
  if (value !== null && value < 0) return custom(ctx, `expected a time after 1970, got ${value}`, value);
  return custom(ctx, `expected a time, got ${value}, which is beyond any date`, value);
});

function idValue(maxLength: number) {
  return map(numberOrString('an id (a string or a number)'), (value, ctx): string | null => {
    const id = idFromWire(value, maxLength);
    if (id === INVALID) {
      const length = cleanText(String(value), Number.MAX_SAFE_INTEGER)?.length ?? 0;
      return custom(ctx, `expected an id of at most ${maxLength} characters, got ${length}`, value);
    }
    return id;
  });
}

/** Ids and extensions: numbers or strings, normalized to trimmed strings; blank is null. */
export function wireId(maxLength = MAX_ID_LENGTH) {
  return absentToNull(idValue(maxLength));
}

/** `uuid`: required, opaque (32 hex digits and dashed UUIDs both occur). */
export const wireUuid = map(wireId(), (value, ctx): string => {
  if (value === null) return custom(ctx, 'missing: a call needs a non-empty uuid', value);
  return value;
});

/** Names, companies, labels: cleaned of invisible characters, capped with an ellipsis. */
export function wireText(maxLength = 500) {
  const text = map(numberOrString('text'), (value) => cleanText(String(value), maxLength));
  return absentToNull(text);
}

/** Phone numbers (`num`, `trunkNum`): only what can be dialed survives. */
export const wirePhone = absentToNull(
  map(numberOrString('a phone number'), (value) => cleanNumber(String(value))),
);

export interface WireUrl {
  url: string | null;
  urlRejected: boolean;
}

/**
 * A CRM link is never worth losing the whole call over: anything that is not an absolute
 * http(s) URL (javascript:, data:, relative, a number, an object) becomes null and is flagged.
 */
export function urlFromWire(value: unknown): WireUrl {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { url: null, urlRejected: false };
  }
  const href = typeof value === 'string' && value.length <= MAX_URL_LENGTH ? safeHref(value) : null;
  return href !== null ? { url: href, urlRejected: false } : { url: null, urlRejected: true };
}

/**
 * Links read lately and what they became. Every frame of a call repeats its CRM links, and
 * `new URL` was the dearest step of reading a frame after JSON.parse itself. Reading a link
 * depends on nothing but the text, so a remembered answer is the answer. Bounded: forgotten all
 * at once when full (a busy agent's live calls need a few dozen), long links never kept.
 */
const recentLinks = new Map<string, string | null>();
const RECENT_LINKS = 256;
const RECENT_LINK_LENGTH = 512;

function safeHref(raw: string): string | null {
  const known = recentLinks.get(raw);
  if (known !== undefined) return known;
  const href = safeHttpUrlOrNull(raw)?.href ?? null;
  if (raw.length <= RECENT_LINK_LENGTH) {
    if (recentLinks.size >= RECENT_LINKS) recentLinks.clear();
    recentLinks.set(raw, href);
  }
  return href;
}

// `z.optional` because zod treats a transformed unknown as a required key.
export const wireUrl = map(z.optional(z.unknown()), urlFromWire);

const PARTY_TYPES: Readonly<Record<number, PartyType>> = { 1: 'user', 2: 'group', 4: 'scenario' };

/** `leg.type`: 1 user, 2 group, 4 scenario; any other number is kept as 'unknown'. */
export function partyTypeFromWire(value: number | null): PartyType {
  return (value !== null && Object.hasOwn(PARTY_TYPES, value) && PARTY_TYPES[value]) || 'unknown';
}

export const wirePartyType = map(wireNumber, partyTypeFromWire);
