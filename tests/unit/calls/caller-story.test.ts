// Issue 18: the caller's story line in the pop, from local history by normalized number.
import { describe, expect, it } from 'vitest';
import { call, card, configWith, T0 } from './call-events';
import { catalogTranslator } from '../../../tools/i18n/load-catalog';
import { applyEvent } from '../../../src/calls/reducer';
import { createInitialState } from '../../../src/calls/initial-state';
import type { CallEvent } from '../../../src/protocol/events';
import type { CallsState, Effect } from '../../../src/calls/types';

const uk = catalogTranslator('uk');
const HOUR = 3_600_000;
// T0 is 2023-11-14 22:13 UTC; these tests live on the next day, in UTC.
const DAY = Date.UTC(2023, 10, 15);

function feed(state: CallsState, events: CallEvent[], config = configWith({}, { story: { languageTag: 'en', timeZone: 'UTC' } })): Effect[] {
  const effects: Effect[] = [];
  for (const event of events) effects.push(...applyEvent(state, event, event.serverTime ?? T0, config));
  return effects;
}

function missed(uuid: string, at: number, number = '+380671234567'): CallEvent[] {
  const crm = [card({ number })];
  return [call('dial', { uuid, crm, dialAt: at, bridgeAt: null, serverTime: at }), call('hangup', { uuid, crm, dialAt: at, bridgeAt: null, serverTime: at + 20_000 })];
}

function ringMessage(effects: Effect[], uuid: string): string | undefined {
  for (const effect of effects) if (effect.type === 'notification' && effect.notification.op === 'create' && effect.notification.call === uuid) return effect.notification.message;
  return undefined;
}

describe('caller story in the pop', () => {
  it('counts today\'s calls and says when the caller was last missed', () => {
    const state = createInitialState();
    feed(state, [...missed('a', DAY + 9 * HOUR + 15 * 60_000), ...missed('b', DAY + 10 * HOUR + 42 * 60_000)]);
    // The same caller, written the national way this time.
    const effects = feed(state, [call('dial', { uuid: 'c', crm: [card({ number: '067 123 45 67' })], dialAt: DAY + 11 * HOUR, bridgeAt: null, serverTime: DAY + 11 * HOUR })]);
    expect(ringMessage(effects, 'c')?.split('\n')[1]).toBe('3rd call today · last missed 10:42 AM');
  });

  it('says when the agent last called back, in days', () => {
    const state = createInitialState();
    const crm = [card()];
    const back = DAY - 2 * 24 * HOUR + 9 * HOUR;
    feed(state, [
      call('dial', { uuid: 'o', direction: 'outgoing', crm, dialAt: back, bridgeAt: null, serverTime: back }),
      call('bridge', { uuid: 'o', direction: 'outgoing', crm, dialAt: back, bridgeAt: back + 5_000, serverTime: back + 5_000 }),
      call('hangup', { uuid: 'o', direction: 'outgoing', crm, dialAt: back, bridgeAt: back + 5_000, serverTime: back + 60_000 }),
    ]);
    const effects = feed(state, [call('dial', { uuid: 'c', crm, dialAt: DAY + 9 * HOUR, bridgeAt: null, serverTime: DAY + 9 * HOUR })]);
    expect(ringMessage(effects, 'c')?.split('\n')[1]).toBe('Called back 2 days ago');
  });

  it('speaks Ukrainian with a Ukrainian catalog', () => {
    const state = createInitialState();
    const config = configWith({}, { t: uk, story: { languageTag: 'uk', timeZone: 'UTC' } });
    feed(state, missed('a', DAY + 8 * HOUR), config);
    const effects = feed(state, [call('dial', { uuid: 'c', crm: [card()], dialAt: DAY + 9 * HOUR, bridgeAt: null, serverTime: DAY + 9 * HOUR })], config);
    expect(ringMessage(effects, 'c')?.split('\n')[1]).toBe('2-й дзвінок сьогодні · останній пропущений: 08:00');
  });

  it('adds nothing for a caller with no history, or when the story is off', () => {
    const state = createInitialState();
    feed(state, missed('a', DAY + 8 * HOUR, '+380509998877'));
    const effects = feed(state, [call('dial', { uuid: 'c', crm: [card()], dialAt: DAY + 9 * HOUR, bridgeAt: null, serverTime: DAY + 9 * HOUR })]);
    expect(ringMessage(effects, 'c')).toBe('Sonyakh LLC · +380671234567');
    const quiet = createInitialState();
    feed(quiet, missed('a', DAY + 8 * HOUR), configWith());
    const plain = feed(quiet, [call('dial', { uuid: 'c', crm: [card()], dialAt: DAY + 9 * HOUR, bridgeAt: null, serverTime: DAY + 9 * HOUR })], configWith());
    expect(ringMessage(plain, 'c')).toBe('Sonyakh LLC · +380671234567');
  });

  it('stays cheap with 5,000 calls of history from one caller (the index, not a scan per frame)', () => {
    const state = createInitialState();
    const config = configWith({}, { historyLimit: 5_000, story: { languageTag: 'en', timeZone: 'UTC' } });
    for (let i = 0; i < 5_000; i++) feed(state, missed(`m${i}`, T0 + i * 60_000), config);
    expect(state.history).toHaveLength(5_000);
    const effects = feed(state, [call('dial', { uuid: 'c', crm: [card()], dialAt: T0 + 5_001 * 60_000, bridgeAt: null, serverTime: T0 + 5_001 * 60_000 })], config);
    expect(ringMessage(effects, 'c')?.split('\n')[1]).toMatch(/call today · last missed/);
  });
});
