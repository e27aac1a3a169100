// Normalized call events and a reducer config for the core's tests, built directly so the
// reducer is tested on its own (the normalizer has its own tests).
import type { CallEvent, CrmCard, Party } from '../../../src/protocol/events';
import type { ReducerConfig } from '../../../src/calls/reducer-config';
import { DEFAULT_SETTINGS, type NotificationPolicy } from '../../../src/settings/settings-schema';
import { createCatalogTranslator } from '../../../src/i18n/catalog-translator';
import { loadCatalog } from '../../../tools/i18n/load-catalog';

export const T0 = 1_700_000_000_000;

export const englishCatalog = loadCatalog('en');
export const t = createCatalogTranslator(englishCatalog);

export function card(overrides: Partial<CrmCard> = {}): CrmCard {
  return {
    id: '29',
    name: 'Olena Koval',
    number: '+380671234567',
    company: 'Sonyakh LLC',
    url: 'https://crm.example.com/contacts/29',
    urlRejected: false,
    priority: 1,
    ...overrides,
  };
}

export function party(overrides: Partial<Party> = {}): Party {
  return { id: '120', type: 'user', ext: '911', displayName: 'Agent Smith', ...overrides };
}

export function call(event: CallEvent['event'], overrides: Partial<CallEvent> = {}): CallEvent {
  return {
    kind: 'call',
    event,
    uuid: 'call-1',
    parentUuid: null,
    direction: 'incoming',
    leg: party(),
    leg2: null,
    crm: [card()],
    primary: 0,
    dialAt: T0,
    bridgeAt: event === 'dial' ? null : T0 + 5_000,
    serverTime: T0 + (event === 'dial' ? 100 : event === 'bridge' ? 5_100 : 60_000),
    trunkNum: '0567850550',
    trunkName: 'Main line',
    ...overrides,
  };
}

export function configWith(policy: Partial<NotificationPolicy> = {}, rest: Partial<Omit<ReducerConfig, 'policy'>> = {}): ReducerConfig {
  return { policy: { ...DEFAULT_SETTINGS.notifications, ...policy }, historyLimit: 500, subscriber: '911', t, ...rest };
}
