// The normalized shapes that come out of `normalizeFrame`. Everything after the
// protocol layer works on these, never on raw wire frames (docs/protocol.md is the contract).

export type CallDirection = 'incoming' | 'outgoing' | 'internal';
export type CallEventName = 'dial' | 'bridge' | 'hangup';
export type PartyType = 'user' | 'group' | 'scenario' | 'unknown';

/** A company-side party (`leg`, `leg2`). */
export interface Party {
  id: string | null;
  type: PartyType;
  ext: string | null;
  displayName: string | null;
}

/** The outside party as one CRM sees it (`otherLegs[i]`). */
export interface CrmCard {
  /** The client's id in that CRM; null when the CRM does not know the client. */
  id: string | null;
  name: string | null;
  number: string | null;
  company: string | null;
  /** Only an absolute http:/https: URL survives; anything else becomes null. */
  url: string | null;
  /** True when the wire carried a url that was dropped as unsafe or malformed. */
  urlRejected: boolean;
  priority: number | null;
}

export interface CallEvent {
  kind: 'call';
  event: CallEventName;
  uuid: string;
  parentUuid: string | null;
  direction: CallDirection;
  leg: Party | null;
  leg2: Party | null;
  /** `otherLegs`, ordered by ascending priority (stable; missing priority last). */
  crm: CrmCard[];
  /** Index into `crm` of the primary card (first known client, else 0); null when `crm` is empty. */
  primary: number | null;
  /** Epoch ms (seconds on the wire are converted). */
  dialAt: number | null;
  bridgeAt: number | null;
  serverTime: number | null;
  trunkNum: string | null;
  trunkName: string | null;
}

export interface PresenceEvent {
  kind: 'presence';
  presence: 'available' | 'away';
  serverTime: number | null;
  /** Who changed state, when the frame says. */
  leg: Party | null;
}

export interface PbxErrorEvent {
  kind: 'error';
  /** A human-readable summary of whatever the PBX put in the frame, trimmed. */
  message: string;
  serverTime: number | null;
}

export type PbxEvent = CallEvent | PresenceEvent | PbxErrorEvent;

export interface Rejection {
  kind: 'rejected';
  /** Specific, for the person who can fix it: what was wrong and where. */
  reason: string;
}

export type NormalizeResult = PbxEvent | Rejection;
