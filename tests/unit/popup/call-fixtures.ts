// Builders for the stored shapes the popup reads, with defaults a test overrides field by field.
import type { CrmCard, Party } from '../../../src/protocol/events';
import type { CallRecord, CallsState } from '../../../src/calls/types';
import { INITIAL_HEALTH, type Health } from '../../../src/connection/health';

export { catalogTranslator } from '../../../tools/i18n/load-catalog';

export const T0 = Date.UTC(2024, 4, 15, 10, 0, 0);

export function crmCard(overrides: Partial<CrmCard> = {}): CrmCard {
  return {
    id: '29',
    name: 'Olena Kovalenko',
    number: '+380567777777',
    company: 'Reklamna Agency',
    url: 'https://crm.example.com/contacts/29',
    urlRejected: false,
    priority: 1,
    ...overrides,
  };
}

export function party(overrides: Partial<Party> = {}): Party {
  return { id: '120', type: 'user', ext: '911', displayName: 'Agent', ...overrides };
}

let seq = 0;

export function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  const uuid = overrides.uuid ?? `call-${++seq}`;
  const crm = overrides.crm ?? [crmCard()];
  const first = crm[0];
  return {
    uuid,
    parentUuid: null,
    rootUuid: uuid,
    direction: 'incoming',
    ringsHere: false,
    status: 'ringing',
    outcome: null,
    dialAt: T0,
    bridgeAt: null,
    endAt: null,
    firstSeenAt: T0,
    seq: seq,
    caller: {
      name: first?.name ?? first?.number ?? null,
      company: first?.company ?? null,
      number: first?.number ?? null,
      url: first?.url ?? null,
      unknown: first ? first.id === null : false,
    },
    crm,
    leg: party(),
    leg2: null,
    trunkNum: '567850550',
    trunkName: 'Main line',
    unseen: false,
    ...overrides,
  };
}

export function endedRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  return callRecord({ status: 'ended', outcome: 'answered', bridgeAt: T0 + 5_000, endAt: T0 + 125_000, ...overrides });
}

export function callsState(overrides: Partial<CallsState> = {}): CallsState {
  return {
    active: {},
    history: [],
    presence: null,
    clockOffsetMs: 0,
    shown: {},
    autoOpened: [],
    nextSeq: 100,
    lastError: null,
    callBacks: [],
    ...overrides,
  };
}

export function activeOf(...records: CallRecord[]): Record<string, CallRecord> {
  return Object.fromEntries(records.map((record) => [record.uuid, record]));
}

export function health(overrides: Partial<Health> = {}): Health {
  return { ...INITIAL_HEALTH, state: 'connected', connectedSince: T0 - 60_000, ...overrides };
}
