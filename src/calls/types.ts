// Call state: what the background keeps (in extension storage) and the pages render.
// Plain JSON only: it is serialized to storage and must come back without loss.
import type { CallDirection, CrmCard, Party } from '../protocol/events';

export type CallStatus = 'ringing' | 'answered' | 'ended';
export type CallOutcome = 'answered' | 'missed' | 'unanswered';

/** The card the UI and notifications show first (docs/protocol.md decision 2 and 3). */
export interface CallerCard {
  /** CRM name, else the number, else the trunk label; null when nothing is known. */
  name: string | null;
  company: string | null;
  number: string | null;
  /** Primary CRM card's link (contact, or "create contact" for an unknown client). */
  url: string | null;
  /** True when the primary CRM does not know the client (the url is a create-contact form). */
  unknown: boolean;
}

export interface CallRecord {
  uuid: string;
  parentUuid: string | null;
  /** The conversation this call belongs to: its own uuid, or its parent's when the parent is known. */
  rootUuid: string;
  direction: CallDirection;
  /** For internal calls: true when this agent is the receiver (leg2), i.e. the call rings here. */
  ringsHere: boolean;
  status: CallStatus;
  outcome: CallOutcome | null;
  dialAt: number | null;
  bridgeAt: number | null;
  /** PBX time of the hangup when known (serverTime of the hangup frame), else local-corrected time. */
  endAt: number | null;
  /** Local clock time (ms) when the call was first seen. */
  firstSeenAt: number;
  /** Monotonic order of first sight, for stable listing. */
  seq: number;
  caller: CallerCard;
  crm: CrmCard[];
  leg: Party | null;
  leg2: Party | null;
  trunkNum: string | null;
  trunkName: string | null;
  /** Missed and not yet seen by the agent in the popup. */
  unseen: boolean;
  /** The agent's own short note (plain text, NOTE_MAX_LENGTH); absent on calls without one. */
  note?: string;
}

/**
 * A caller who is still waiting to be called back (docs/call-backs.md): one per normalized
 * number, from the first missed call until an answered call with that number or "Done".
 */
export interface CallBackEntry {
  /** The normalized number (number-key.ts): `+380…` and `0…` are one caller. */
  key: string;
  /** The caller as the newest missed call showed them (kept here: history may trim the calls). */
  caller: CallerCard;
  /** The uuid of the newest missed call, for opening its CRM card. */
  call: string;
  attempts: number;
  /** PBX epoch ms of the first and the newest missed attempt. */
  firstAt: number;
  lastAt: number;
  /** Conversations already counted (bounded), so a replayed hangup never counts twice. */
  roots: string[];
}

export type NotificationKind = 'incoming' | 'outgoing' | 'internal' | 'missed';

export interface NotificationOp {
  op: 'create' | 'update' | 'clear';
  id: string;
  call: string | null;
  kind: NotificationKind;
  title: string;
  message: string;
  /** Line or group the call came through (trunk label, group name); '' when none. */
  context: string;
  url: string | null;
}

export type Effect =
  | { type: 'notification'; notification: NotificationOp }
  | { type: 'open-crm'; call: string; url: string; focused: boolean };

export type Presence = 'available' | 'away';

export interface CallsState {
  /** Live calls by uuid (ringing or answered). */
  active: Record<string, CallRecord>;
  /** Ended calls, oldest first, at most `historyLimit` long. */
  history: CallRecord[];
  presence: { status: Presence; since: number | null } | null;
  /** Estimated PBX clock minus local clock, ms; null before the first serverTime. */
  clockOffsetMs: number | null;
  /** Notifications currently shown, by id, with the call that owns each. */
  shown: Record<string, { kind: NotificationKind; call: string | null }>;
  /** Conversations whose CRM card was already auto-opened (bounded like history). */
  autoOpened: string[];
  /** Next `seq`. */
  nextSeq: number;
  lastError: { message: string; at: number } | null;
  /** Callers still to call back, oldest first attempt first. Replaced, never edited in place. */
  callBacks: CallBackEntry[];
}
