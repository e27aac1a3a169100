// The merge rules of calls/merge-record.ts, on their own and through the reducer: new facts win,
// known facts never vanish because a later frame left them out, and the first time said for a
// dial, an answer or a parent is the one kept.
import { describe, expect, it } from 'vitest';
import { mergeCrm, mergeFacts, mergeParty, type MergeableFacts } from '../../../src/calls/merge-record';
import { applyEvent } from '../../../src/calls/reducer';
import { createInitialState } from '../../../src/calls/initial-state';
import { findCall } from '../../../src/calls/find-call';
import { T0, call, card, configWith, party } from './call-events';

function facts(overrides: Partial<MergeableFacts> = {}): MergeableFacts {
  return { parentUuid: null, leg: null, leg2: null, crm: [], dialAt: null, bridgeAt: null, trunkNum: null, trunkName: null, ...overrides };
}

describe('mergeFacts', () => {
  it('keeps the first dialAt and bridgeAt: a later frame cannot move a dial or an answer', () => {
    const record = facts({ dialAt: T0, bridgeAt: T0 + 5_000 });
    mergeFacts(record, call('hangup', { dialAt: T0 + 1_000, bridgeAt: T0 + 9_000 }));
    expect(record.dialAt).toBe(T0);
    expect(record.bridgeAt).toBe(T0 + 5_000);
  });

  it('takes dialAt and bridgeAt from a later frame when they were not known yet', () => {
    const record = facts();
    mergeFacts(record, call('bridge', { dialAt: T0, bridgeAt: T0 + 5_000 }));
    expect([record.dialAt, record.bridgeAt]).toEqual([T0, T0 + 5_000]);
  });

  it('keeps the first parent, learns one when it had none', () => {
    const orphan = facts();
    mergeFacts(orphan, call('bridge', { parentUuid: 'group-1' }));
    expect(orphan.parentUuid).toBe('group-1');
    const child = facts({ parentUuid: 'group-1' });
    mergeFacts(child, call('bridge', { parentUuid: 'group-2' }));
    expect(child.parentUuid).toBe('group-1');
  });

  it('a later trunk wins; a frame without one keeps the known trunk', () => {
    const record = facts({ trunkNum: '0567850550', trunkName: 'Main line' });
    mergeFacts(record, call('bridge', { trunkNum: '0441234567', trunkName: 'Kyiv' }));
    expect([record.trunkNum, record.trunkName]).toEqual(['0441234567', 'Kyiv']);
    mergeFacts(record, call('hangup', { trunkNum: null, trunkName: null }));
    expect([record.trunkNum, record.trunkName]).toEqual(['0441234567', 'Kyiv']);
  });
});

describe('mergeParty', () => {
  it('an unknown type or a missing field never erases what was known', () => {
    const known = party({ type: 'group', displayName: 'Sales' });
    const merged = mergeParty(known, party({ type: 'unknown', displayName: null, ext: null }));
    expect(merged).toEqual(known);
  });

  it('a new value wins', () => {
    expect(mergeParty(party(), party({ displayName: 'Agent Jones' }))?.displayName).toBe('Agent Jones');
  });
});

describe('mergeCrm', () => {
  it('a frame without cards keeps the known ones', () => {
    expect(mergeCrm([card()], [])).toEqual([card()]);
  });

  it('a card of the same priority keeps the fields the later one left out', () => {
    const [merged] = mergeCrm([card()], [card({ name: null, company: null, url: null, number: null, id: null })]);
    expect(merged).toEqual(card());
  });

  it('a card of another priority replaces the one at its place', () => {
    const next = card({ priority: 2, name: null });
    expect(mergeCrm([card()], [next])).toEqual([next]);
  });
});

describe('merge rules through the reducer', () => {
  it('a live call keeps its first dial and answer times when later frames say otherwise', () => {
    const state = createInitialState();
    const config = configWith();
    applyEvent(state, call('dial', { dialAt: T0 }), T0, config);
    applyEvent(state, call('bridge', { dialAt: T0 + 2_000, bridgeAt: T0 + 5_000 }), T0 + 5_000, config);
    applyEvent(state, call('bridge', { dialAt: T0 + 3_000, bridgeAt: T0 + 7_000 }), T0 + 7_000, config);
    expect(findCall(state, 'call-1')).toMatchObject({ dialAt: T0, bridgeAt: T0 + 5_000, status: 'answered' });
    applyEvent(state, call('hangup', { dialAt: T0 + 4_000, bridgeAt: T0 + 8_000 }), T0 + 60_000, config);
    expect(state.history.at(-1)).toMatchObject({ dialAt: T0, bridgeAt: T0 + 5_000, outcome: 'answered' });
  });

  it('a frame replayed after the hangup does not move an ended call', () => {
    const state = createInitialState();
    const config = configWith();
    applyEvent(state, call('dial', { dialAt: null }), T0, config);
    applyEvent(state, call('hangup', { dialAt: null, bridgeAt: null }), T0 + 30_000, config);
    applyEvent(state, call('bridge', { dialAt: T0 + 1_000, bridgeAt: T0 + 5_000 }), T0 + 40_000, config);
    expect(state.history.at(-1)).toMatchObject({ dialAt: null, bridgeAt: null, outcome: 'missed' });
  });
});
