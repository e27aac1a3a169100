// A seeded, realistic call-centre hour for the agent: same seed → byte-identical scenario.
import {
  COLLEAGUES, COMPANIES, CRM_BASES, FIRST_NAMES, GROUPS, LAST_NAMES, MOBILE_CODES, TRUNKS,
} from './fixtures-data';
import {
  callFrame, groupParty, knownContact, presenceFrame, randomUuid, unknownContact, userParty,
  type CallFrameInput, type WireContact, type WireParty,
} from './frames';
import { mulberry32, type Prng } from './prng';
import type { ScenarioLine } from './scenario';

export interface GenerateHourOptions {
  calls: number;
  seed: number;
  /** The agent's extension (an e-mail subscriber still gets ext '101'). Default '101'. */
  subscriber?: string;
  /** Epoch ms of the hour's start; fixed by default so output depends only on the seed. */
  startAt?: number;
}

const HOUR_MS = 3_600_000;
const DEFAULT_START_AT = 1_764_000_000_000;
const MAX_CALLS = 100_000;

interface TimedFrame { at: number; order: number; frame: string }

interface Crm { base: string; priority: number }

interface Client { num: string; contacts: (crm: Crm) => WireContact }

function ukrainianNumber(prng: Prng): string {
  return `+380${prng.pick(MOBILE_CODES)}${String(prng.int(0, 9_999_999)).padStart(7, '0')}`;
}

function makeClient(prng: Prng, index: number): Client {
  const num = ukrainianNumber(prng);
  const name = `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`;
  const company = prng.chance(0.6) ? prng.pick(COMPANIES) : null;
  // A quarter of callers are new to every CRM; the rest are known to each CRM with 80% odds.
  const knownTo = prng.chance(0.25) ? () => false : (() => {
    const seen = CRM_BASES.map(() => prng.chance(0.8));
    return (crm: Crm) => seen[CRM_BASES.indexOf(crm.base as (typeof CRM_BASES)[number])] ?? false;
  })();
  const stringId = prng.chance(0.5);
  return {
    num,
    contacts: (crm) => knownTo(crm)
      ? knownContact({ id: stringId ? String(index + 10) : index + 10, name, num, companyName: company, priority: crm.priority, crmBase: crm.base })
      : unknownContact({ num, priority: crm.priority, crmBase: crm.base }),
  };
}

function pickCrms(prng: Prng): Crm[] {
  const count = prng.int(1, 3);
  const priorities = [1, 2, 3];
  for (let i = priorities.length - 1; i > 0; i -= 1) {
    const j = prng.int(0, i);
    [priorities[i], priorities[j]] = [priorities[j] ?? 0, priorities[i] ?? 0];
  }
  // The wire does not sort otherLegs by priority, so neither do we.
  return CRM_BASES.slice(0, count).map((base, i) => ({ base, priority: priorities[i] ?? i + 1 }));
}

function agentParty(subscriber: string): WireParty {
  return userParty(1001, subscriber.includes('@') ? '101' : subscriber, 'Іван Петренко');
}

/** Dial, then bridge after `ringMs` (unless missed), then hangup `talkMs` later. */
function callTimeline(base: Omit<CallFrameInput, 'event' | 'serverTime' | 'bridgeAt'>, ringMs: number, talkMs: number | null): Array<Omit<TimedFrame, 'order'>> {
  const frame = (event: CallFrameInput['event'], at: number, bridgeAt: number | null) => ({
    at,
    frame: callFrame({ ...base, event, serverTime: at, bridgeAt }),
  });
  const dialAt = base.dialAt;
  if (talkMs === null) return [frame('call.dial', dialAt, null), frame('call.hangup', dialAt + ringMs, null)];
  const bridgeAt = dialAt + ringMs;
  return [frame('call.dial', dialAt, null), frame('call.bridge', bridgeAt, bridgeAt), frame('call.hangup', bridgeAt + talkMs, bridgeAt)];
}

function oneCall(prng: Prng, at: number, agent: WireParty, crms: Crm[], clients: Client[]): Array<Omit<TimedFrame, 'order'>> {
  const uuid = () => randomUuid(prng, prng.chance(0.5));
  const serverTimeAsString = prng.chance(0.3);
  const client = prng.pick(clients);
  const otherLegs = crms.map((crm) => client.contacts(crm));
  const trunk = prng.pick(TRUNKS);
  const external = { otherLegs, trunkNum: trunk.num, trunkName: trunk.name, serverTimeAsString, dialAt: at };
  const kind = prng.next();
  if (kind < 0.6) {
    const missed = prng.chance(0.2);
    return callTimeline({ ...external, uuid: uuid(), lgDirection: 4, leg: agent }, prng.int(3_000, missed ? 30_000 : 20_000), missed ? null : prng.int(30_000, 480_000));
  }
  if (kind < 0.8) {
    const unanswered = prng.chance(0.25);
    return callTimeline({ ...external, uuid: uuid(), lgDirection: 2, leg: agent }, prng.int(5_000, unanswered ? 40_000 : 20_000), unanswered ? null : prng.int(20_000, 300_000));
  }
  if (kind < 0.9) {
    const c = prng.pick(COLLEAGUES);
    const colleague = userParty(c.id, c.ext, c.name);
    const incoming = prng.chance(0.6);
    return callTimeline(
      { uuid: uuid(), lgDirection: 1, leg: incoming ? colleague : agent, leg2: incoming ? agent : colleague, serverTimeAsString, dialAt: at },
      prng.int(2_000, 15_000), prng.chance(0.15) ? null : prng.int(10_000, 180_000),
    );
  }
  // A group call the PBX hands to the agent: the member call links back through parentUuid.
  const g = prng.pick(GROUPS);
  const groupUuid = uuid();
  const ringMs = prng.int(3_000, 20_000);
  const handoverMs = prng.int(500, 3_000);
  const talkMs = prng.chance(0.15) ? null : prng.int(30_000, 420_000);
  const group = callTimeline({ ...external, uuid: groupUuid, lgDirection: 4, leg: groupParty(g.id, g.ext, g.name) }, ringMs + handoverMs, talkMs);
  const member = callTimeline({ ...external, uuid: uuid(), parentUuid: groupUuid, lgDirection: 4, leg: agent, dialAt: at + handoverMs }, ringMs, talkMs);
  return [...group, ...member];
}

function presenceBreaks(prng: Prng, count: number, startAt: number, agent: WireParty): Array<Omit<TimedFrame, 'order'>> {
  const frames: Array<Omit<TimedFrame, 'order'>> = [];
  for (let i = 0; i < count; i += 1) {
    const awayAt = startAt + prng.int(60_000, HOUR_MS - 700_000);
    const backAt = awayAt + prng.int(60_000, 600_000);
    frames.push({ at: awayAt, frame: presenceFrame({ away: true, uuid: randomUuid(prng, true), leg: agent, serverTime: awayAt }) });
    frames.push({ at: backAt, frame: presenceFrame({ away: false, uuid: randomUuid(prng, true), leg: agent, serverTime: backAt }) });
  }
  return frames;
}

export function generateHour(options: GenerateHourOptions): ScenarioLine[] {
  const { calls, seed, subscriber = '101', startAt = DEFAULT_START_AT } = options;
  if (!Number.isInteger(calls) || calls < 0 || calls > MAX_CALLS) {
    throw new RangeError(`calls must be an integer from 0 to ${MAX_CALLS}, got ${calls}`);
  }
  const prng = mulberry32(seed);
  const agent = agentParty(subscriber);
  const crms = pickCrms(prng);
  const clients = Array.from({ length: Math.max(8, Math.ceil(calls / 3)) }, (_, i) => makeClient(prng, i));
  // Arrivals spread over the first 55 minutes, so the last conversations end near the hour.
  const arrivals = Array.from({ length: calls }, () => startAt + prng.int(1_000, HOUR_MS - 300_000)).sort((a, b) => a - b);
  const timed: Array<Omit<TimedFrame, 'order'>> = arrivals.flatMap((at) => oneCall(prng, at, agent, crms, clients));
  timed.push(...presenceBreaks(prng, Math.round(calls / 20), startAt, agent));
  // An occasional frame arrives twice, as after a reconnect.
  const duplicates = timed.filter(() => prng.chance(0.03)).map((t) => ({ at: t.at + prng.int(200, 1_500), frame: t.frame }));
  const ordered: TimedFrame[] = [...timed, ...duplicates]
    .map((t, order) => ({ ...t, order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let previous = startAt;
  return ordered.map(({ at, frame }) => {
    const delayMs = at - previous;
    previous = at;
    return { delayMs, frame };
  });
}
