// Small builders for wire frames (docs/protocol.md field order), used by the generator and tests.
import type { Prng } from './prng';

export type WireCallEvent = 'call.dial' | 'call.bridge' | 'call.hangup';
/** 1 internal, 2 outgoing, 4 incoming. */
export type WireCallDirection = 1 | 2 | 4;
/** 1 user, 2 group, 4 scenario (IVR). */
export type WirePartyType = 1 | 2 | 4;

export interface WireParty {
  id: number;
  type: WirePartyType;
  displayName: string | null;
  ext: string | null;
}

export interface WireContact {
  id: string | number | null;
  name: string | null;
  num: string;
  companyName: string | null;
  url: string;
  priority: number;
}

export interface CallFrameInput {
  event: WireCallEvent;
  uuid: string;
  parentUuid?: string | null;
  lgDirection: WireCallDirection;
  leg: WireParty;
  leg2?: WireParty | null;
  otherLegs?: WireContact[] | null;
  dialAt: number;
  bridgeAt?: number | null;
  serverTime: number;
  trunkNum?: string | null;
  trunkName?: string | null;
  /** The document's own example sends `serverTime` as a numeric string. */
  serverTimeAsString?: boolean;
}

export function userParty(id: number, ext: string, displayName: string): WireParty {
  return { id, type: 1, displayName, ext };
}

export function groupParty(id: number, ext: string, displayName: string): WireParty {
  return { id, type: 2, displayName, ext };
}

export function callFrame(input: CallFrameInput): string {
  return JSON.stringify({
    event: input.event,
    uuid: input.uuid,
    parentUuid: input.parentUuid ?? null,
    lgDirection: input.lgDirection,
    leg: input.leg,
    leg2: input.leg2 ?? null,
    // Internal calls carry `otherLegs: null` in the platform's own data.
    otherLegs: input.lgDirection === 1 ? null : (input.otherLegs ?? []),
    dialAt: input.dialAt,
    bridgeAt: input.bridgeAt ?? null,
    serverTime: input.serverTimeAsString ? String(input.serverTime) : input.serverTime,
    trunkNum: input.lgDirection === 1 ? null : (input.trunkNum ?? null),
    trunkName: input.lgDirection === 1 ? null : (input.trunkName ?? null),
  });
}

/**
 * Pause (32) or available (64). The document names no `event` for these, so we send
 * `call.dial`; clients must go by `lgDirection` (docs/protocol.md decision 4).
 */
export function presenceFrame(input: { away: boolean; uuid: string; leg: WireParty; serverTime: number }): string {
  return JSON.stringify({
    event: 'call.dial',
    uuid: input.uuid,
    parentUuid: null,
    lgDirection: input.away ? 32 : 64,
    leg: input.leg,
    leg2: null,
    otherLegs: [],
    dialAt: input.serverTime,
    bridgeAt: null,
    serverTime: input.serverTime,
    trunkNum: null,
    trunkName: null,
  });
}

/** The payload of `error` is undocumented; this is our guess at a plausible one. */
export function errorFrame(input: { message: string; code?: number; serverTime: number }): string {
  return JSON.stringify({
    event: 'error',
    code: input.code ?? 500,
    message: input.message,
    serverTime: input.serverTime,
  });
}

export function knownContact(input: Omit<WireContact, 'url'> & { crmBase: string }): WireContact {
  const { crmBase, ...contact } = input;
  return { ...contact, url: `${crmBase}/contacts/${encodeURIComponent(String(contact.id))}` };
}

/** An unknown client: `id`/`name` null, `url` the CRM's "create contact" form. */
export function unknownContact(input: { num: string; priority: number; crmBase: string }): WireContact {
  return {
    id: null,
    name: null,
    num: input.num,
    companyName: null,
    url: `${input.crmBase}/contacts/new?${new URLSearchParams({ phone: input.num })}`,
    priority: input.priority,
  };
}

/** The wire shows both dashed UUIDs and 32 bare hex digits. */
export function randomUuid(prng: Prng, dashed: boolean): string {
  let hex = '';
  for (let i = 0; i < 32; i += 1) hex += prng.int(0, 15).toString(16);
  if (!dashed) return hex;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
