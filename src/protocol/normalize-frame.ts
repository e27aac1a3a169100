// Whatever the WebSocket delivered → one normalized event or a rejection that says why.
// Never throws: a bad frame must not take the pipeline down (docs/protocol.md decision 5).
import type { CallEventName, NormalizeResult, PresenceEvent, Rejection } from './events';
import { orderCrmCards, primaryCardIndex } from './crm-order';
import { summarizeErrorFrame } from './error-summary';
import { describeValue, reasonFromIssues } from './rejection-reason';
import { wireNumber, wireTime } from './wire-fields';
import { PRESENCE_DIRECTIONS, wireCallFrame, wirePresenceFrame, type WireCallFrame, type WirePresenceFrame } from './wire-schema';
import { fastCallFrame, fastPresenceFrame } from './fast-call-frame';

/** 1 MiB, counted in UTF-16 code units (String.prototype.length), checked before JSON.parse. */
export const MAX_FRAME_LENGTH = 1_048_576;

const CALL_EVENTS: Readonly<Record<string, CallEventName>> = {
  'call.dial': 'dial',
  'call.bridge': 'bridge',
  'call.hangup': 'hangup',
};

type JsonObject = Record<string, unknown>;

function reject(reason: string): Rejection {
  return { kind: 'rejected', reason };
}

/** Reads only the frame's own keys, so nothing inherited (or polluted elsewhere) is ever seen. */
function own(frame: JsonObject, key: string): unknown {
  return Object.hasOwn(frame, key) ? frame[key] : undefined;
}

function kindOf(data: unknown): string {
  if (data === null) return 'null';
  if (typeof data !== 'object') return typeof data;
  return Object.prototype.toString.call(data).slice('[object '.length, -1);
}

function presenceOf(frame: JsonObject): PresenceEvent['presence'] | null {
  const raw = own(frame, 'lgDirection');
  // A plain number needs no schema (wireNumber keeps JSON numbers as they are); the rest does.
  const direction = typeof raw === 'number' ? raw : wireNumber.safeParse(raw).data;
  if (direction === 32) return PRESENCE_DIRECTIONS[32];
  if (direction === 64) return PRESENCE_DIRECTIONS[64];
  return null;
}

function parsePresenceFrame(frame: JsonObject): WirePresenceFrame | Rejection {
  const fast = fastPresenceFrame(frame);
  if (fast) return fast;
  const parsed = wirePresenceFrame.safeParse(frame);
  return parsed.success ? parsed.data : reject(reasonFromIssues(parsed.error.issues));
}

function normalizePresence(frame: JsonObject, presence: PresenceEvent['presence']): NormalizeResult {
  const fields = parsePresenceFrame(frame);
  if ('kind' in fields) return fields;
  return { kind: 'presence', presence, serverTime: fields.serverTime, leg: fields.leg };
}

function normalizeError(frame: JsonObject, secrets: readonly string[]): NormalizeResult {
  // The error itself matters more than a malformed timestamp beside it.
  const serverTime = wireTime.safeParse(own(frame, 'serverTime'));
  return { kind: 'error', message: summarizeErrorFrame(frame, secrets), serverTime: serverTime.success ? serverTime.data : null };
}

function parseCallFrame(frame: JsonObject): WireCallFrame | Rejection {
  const fast = fastCallFrame(frame);
  if (fast) return fast;
  const parsed = wireCallFrame.safeParse(frame);
  return parsed.success ? parsed.data : reject(reasonFromIssues(parsed.error.issues));
}

function normalizeCall(frame: JsonObject, event: CallEventName): NormalizeResult {
  const call = parseCallFrame(frame);
  if ('kind' in call) return call;
  const crm = orderCrmCards(call.otherLegs);
  return {
    kind: 'call',
    event,
    uuid: call.uuid,
    parentUuid: call.parentUuid,
    direction: call.lgDirection,
    leg: call.leg,
    leg2: call.leg2,
    crm,
    primary: primaryCardIndex(crm),
    dialAt: call.dialAt,
    bridgeAt: call.bridgeAt,
    serverTime: call.serverTime,
    trunkNum: call.trunkNum,
    trunkName: call.trunkName,
  };
}

function normalizeText(data: string, secrets: readonly string[]): NormalizeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    return reject(`not JSON: ${describeValue(error instanceof Error ? error.message : String(error))}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return reject(`frame: expected a JSON object, got ${describeValue(parsed)}`);
  }
  const frame = parsed as JsonObject;
  // Presence wins over `event`, whatever it says (decision 4).
  const presence = presenceOf(frame);
  if (presence) return normalizePresence(frame, presence);
  const event = own(frame, 'event');
  if (event === 'error') return normalizeError(frame, secrets);
  if (event === undefined || event === null) return reject('event: missing');
  if (typeof event !== 'string') return reject(`event: expected a string, got ${describeValue(event)}`);
  const callEvent = Object.hasOwn(CALL_EVENTS, event) ? CALL_EVENTS[event] : undefined;
  if (!callEvent) {
    return reject(`unknown event ${describeValue(event)}, expected call.dial, call.bridge, call.hangup or error`);
  }
  return normalizeCall(frame, callEvent);
}

/**
 * One WebSocket message → a normalized PBX event, or a rejection whose reason names what was wrong
 * and where. `secrets` (the API key) are masked in an error's text before it is shortened.
 */
export function normalizeFrame(data: unknown, secrets: readonly string[] = []): NormalizeResult {
  try {
    if (typeof data !== 'string') {
      return reject(`binary frame (${kindOf(data)}) ignored: the PBX sends JSON text frames`);
    }
    // Before JSON.parse, so a huge frame costs a length check and nothing else.
    if (data.length > MAX_FRAME_LENGTH) {
      return reject(
        `frame too large: ${data.length} characters (UTF-16 code units), the limit is ${MAX_FRAME_LENGTH} (1 MiB)`,
      );
    }
    return normalizeText(data, secrets);
  } catch {
    // Only something exotic gets here (a hostile object whose toString throws, a stack overflow).
    return reject('frame could not be read (internal error while normalizing)');
  }
}
