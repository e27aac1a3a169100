// One wire frame as docs/protocol.md describes it. Lenient on spelling (numbers or numeric strings,
// absent == null), strict on meaning. z.object builds a fresh object of the listed keys only, so
// unknown keys — `__proto__` and `constructor` included — are dropped, never copied anywhere.
import * as z from 'zod/mini';
import type { CallDirection, CrmCard, Party } from './events';
import { describeValue } from './rejection-reason';
import {
  MAX_EXT_LENGTH,
  map,
  wireId,
  wireNumber,
  wirePartyType,
  wirePhone,
  wireText,
  wireTime,
  wireUrl,
  wireUuid,
} from './wire-fields';

const expectedObject = { error: (issue: { input?: unknown }) => `expected an object, got ${describeValue(issue.input)}` };
const expectedArray = { error: (issue: { input?: unknown }) => `expected an array, got ${describeValue(issue.input)}` };

/** `leg` / `leg2`: a company-side party. */
export const wireParty = map(
  z.nullish(
    map(
      z.object(
        {
          id: wireId(),
          type: wirePartyType,
          ext: wireId(MAX_EXT_LENGTH),
          displayName: wireText(),
        },
        expectedObject,
      ),
      (leg): Party => ({ id: leg.id, type: leg.type, ext: leg.ext, displayName: leg.displayName }),
    ),
  ),
  (leg) => leg ?? null,
);

/** `otherLegs[i]`: the outside party as one CRM sees it. */
export const wireCrmCard = map(
  z.object(
    {
      id: wireId(),
      name: wireText(),
      num: wirePhone,
      companyName: wireText(),
      url: wireUrl,
      priority: wireNumber,
    },
    expectedObject,
  ),
  (card): CrmCard => ({
    id: card.id,
    name: card.name,
    number: card.num,
    company: card.companyName,
    url: card.url.url,
    urlRejected: card.url.urlRejected,
    priority: card.priority,
  }),
);

/** One card per connected CRM: a real PBX has a handful. Thousands are garbage and costly to parse. */
export const MAX_CRM_CARDS = 100;

/**
 * `otherLegs`: null elements mean "nothing" (decision 2) and are skipped; any other non-object
 * element rejects the frame like every other wrong type, naming its index. Wire order is kept
 * here; ordering by priority is `orderCrmCards`' job.
 */
export const wireCrmCards = map(
  z.nullish(
    z.pipe(
      z.array(z.unknown(), expectedArray).check(
        z.maxLength(MAX_CRM_CARDS, {
          error: (issue) =>
            `expected at most ${MAX_CRM_CARDS} CRM cards, got ${Array.isArray(issue.input) ? issue.input.length : 'more'}`,
        }),
      ),
      z.array(z.nullable(wireCrmCard)),
    ),
  ),
  (cards): CrmCard[] => (cards ?? []).filter((card) => card !== null),
);

const CALL_DIRECTIONS: Readonly<Record<number, CallDirection>> = { 1: 'internal', 2: 'outgoing', 4: 'incoming' };

export function callDirectionFromWire(value: number | null): CallDirection | undefined {
  return value !== null && Object.hasOwn(CALL_DIRECTIONS, value) ? CALL_DIRECTIONS[value] : undefined;
}

/** `lgDirection` on a call frame. Anything else is reported, never guessed (decision 5). */
export const wireCallDirection = map(wireNumber, (value, ctx): CallDirection => {
  const direction = callDirectionFromWire(value);
  if (direction) return direction;
  ctx.issues.push({
    code: 'custom',
    input: value,
    message:
      value === null
        ? 'missing: a call needs 1 (internal), 2 (outgoing) or 4 (incoming)'
        : `unknown direction ${value}, expected 1 (internal), 2 (outgoing), 4 (incoming), 32 (away) or 64 (available)`,
  });
  return z.NEVER;
});

/** The fields of `call.dial` / `call.bridge` / `call.hangup`; `event` itself is checked before. */
export const wireCallFrame = z.object({
  uuid: wireUuid,
  parentUuid: wireId(),
  lgDirection: wireCallDirection,
  leg: wireParty,
  leg2: wireParty,
  otherLegs: wireCrmCards,
  dialAt: wireTime,
  bridgeAt: wireTime,
  serverTime: wireTime,
  trunkNum: wirePhone,
  trunkName: wireText(),
});
export type WireCallFrame = z.output<typeof wireCallFrame>;

/** A pause / available change (lgDirection 32 / 64, decision 4): only who and when matter. */
export const wirePresenceFrame = z.object({
  leg: wireParty,
  serverTime: wireTime,
});
export type WirePresenceFrame = z.output<typeof wirePresenceFrame>;

export const PRESENCE_DIRECTIONS = { 32: 'away', 64: 'available' } as const;
