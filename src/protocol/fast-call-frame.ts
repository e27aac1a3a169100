// The hand-written twin of `wireCallFrame.safeParse` (and of `wirePresenceFrame.safeParse`) for
// frames that are fine, which is almost all of them: zod's field-by-field unions, pipes and transforms cost ~15× JSON.parse per frame.
// It answers only when the frame is valid and otherwise says "ask zod" (null), so every
// rejection — and its reason — still comes from the schema. It uses the schema's own value
// conversions (wire-fields.ts); fast-call-frame.property.test.ts and
// fast-presence-frame.property.test.ts prove that whenever it answers, the answer deep-equals zod's.
import type { CrmCard, Party } from './events';
import { cleanNumber, cleanText } from './text-hygiene';
import {
  INVALID,
  MAX_EXT_LENGTH,
  MAX_ID_LENGTH,
  idFromWire,
  numberFromWire,
  partyTypeFromWire,
  timeFromWire,
  urlFromWire,
  type Invalid,
} from './wire-fields';
import { callDirectionFromWire, MAX_CRM_CARDS, type WireCallFrame, type WirePresenceFrame } from './wire-schema';

type JsonObject = Record<string, unknown>;

/** Thrown, never escaping `fastCallFrame`: "this frame is for zod". Cheaper than threading INVALID through. */
const ASK_ZOD: unique symbol = Symbol('ask zod');

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valid<T>(value: T | Invalid): T {
  if (value === INVALID) throw ASK_ZOD;
  return value;
}

// Each reader mirrors one schema: absent and null are null; any other type than number or
// string is an issue for zod to word.
function numberAt(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return valid(numberFromWire(value));
  throw ASK_ZOD;
}

function timeAt(value: unknown): number | null {
  return valid(timeFromWire(numberAt(value)));
}

function idAt(value: unknown, maxLength = MAX_ID_LENGTH): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return valid(idFromWire(value, maxLength));
  throw ASK_ZOD;
}

function textAt(value: unknown, maxLength = 500): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return cleanText(String(value), maxLength);
  throw ASK_ZOD;
}

function phoneAt(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return cleanNumber(String(value));
  throw ASK_ZOD;
}

function partyAt(value: unknown): Party | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) throw ASK_ZOD;
  return {
    id: idAt(value.id),
    type: partyTypeFromWire(numberAt(value.type)),
    ext: idAt(value.ext, MAX_EXT_LENGTH),
    displayName: textAt(value.displayName),
  };
}

function cardAt(value: JsonObject): CrmCard {
  const url = urlFromWire(value.url);
  return {
    id: idAt(value.id),
    name: textAt(value.name),
    number: phoneAt(value.num),
    company: textAt(value.companyName),
    url: url.url,
    urlRejected: url.urlRejected,
    priority: numberAt(value.priority),
  };
}

function cardsAt(value: unknown): CrmCard[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_CRM_CARDS) throw ASK_ZOD;
  const cards: CrmCard[] = [];
  for (const item of value as unknown[]) {
    if (item === null) continue; // null elements mean "nothing" (decision 2)
    if (!isPlainObject(item)) throw ASK_ZOD;
    cards.push(cardAt(item));
  }
  return cards;
}

/**
 * What `wireCallFrame.safeParse(frame).data` would be, or null when the frame needs the schema
 * (it is invalid, or unusual enough that only the schema should judge it).
 */
export function fastCallFrame(frame: JsonObject): WireCallFrame | null {
  try {
    const uuid = idAt(frame.uuid);
    if (uuid === null) return null;
    const parentUuid = idAt(frame.parentUuid);
    const lgDirection = callDirectionFromWire(numberAt(frame.lgDirection));
    if (lgDirection === undefined) return null;
    return {
      uuid,
      parentUuid,
      lgDirection,
      leg: partyAt(frame.leg),
      leg2: partyAt(frame.leg2),
      otherLegs: cardsAt(frame.otherLegs),
      dialAt: timeAt(frame.dialAt),
      bridgeAt: timeAt(frame.bridgeAt),
      serverTime: timeAt(frame.serverTime),
      trunkNum: phoneAt(frame.trunkNum),
      trunkName: textAt(frame.trunkName),
    };
  } catch (error) {
    if (error === ASK_ZOD) return null;
    throw error;
  }
}

/** What `wirePresenceFrame.safeParse(frame).data` would be, or null when the frame needs the schema. */
export function fastPresenceFrame(frame: JsonObject): WirePresenceFrame | null {
  try {
    return { leg: partyAt(frame.leg), serverTime: timeAt(frame.serverTime) };
  } catch (error) {
    if (error === ASK_ZOD) return null;
    throw error;
  }
}
