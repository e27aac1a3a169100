import { describe, expect, it } from 'vitest';
import { call, configWith, party } from './call-events';
import { opSummary, runEvents } from './run-events';
import type { CallEvent } from '../../../src/protocol/events';
import { clearMissedNotifications, markMissedSeen } from '../../../src/calls/seen-and-clear';

const support = party({ id: '5', type: 'group', ext: '500', displayName: 'Support' });
const group = (event: CallEvent['event'], overrides: Partial<CallEvent> = {}) => call(event, { uuid: 'group-1', leg: support, ...overrides });
const member = (event: CallEvent['event'], overrides: Partial<CallEvent> = {}) => call(event, { uuid: 'member-1', parentUuid: 'group-1', ...overrides });

describe('a group call and its member call are one conversation', () => {
  it('a member call of a group call updates the group\'s notification instead of popping a second one', () => {
    const { ops, state } = runEvents([group('dial'), member('dial'), member('bridge')], configWith());
    expect(opSummary(ops)).toEqual(['create call:group-1', 'update call:group-1']);
    expect(ops[0]?.context).toBe('Main line · Support');
    expect(state.active['member-1']?.rootUuid).toBe('group-1');
  });

  it('a member that starts ringing after the conversation was answered does not pop it again', () => {
    const second = (event: CallEvent['event']) => member(event, { uuid: 'member-2', leg: party({ id: '7', ext: '202' }) });
    const { ops } = runEvents([group('dial'), member('dial'), member('bridge'), second('dial')], configWith({ onAnswer: 'clear' }));
    expect(opSummary(ops)).toEqual(['create call:group-1', 'clear call:group-1']);
  });

  it('the group call reporting the same answer after its member does not change the pop again', () => {
    const { ops } = runEvents([group('dial'), member('dial'), member('bridge'), group('bridge')], configWith());
    expect(opSummary(ops)).toEqual(['create call:group-1', 'update call:group-1']);
  });

  it('the pop stays until the conversation\'s last live call ends, then clears; answered by the member, nothing is missed', () => {
    const { ops, state } = runEvents(
      [group('dial'), member('dial'), member('bridge'), member('hangup'), group('hangup', { bridgeAt: null })],
      configWith(),
    );
    expect(opSummary(ops)).toEqual(['create call:group-1', 'update call:group-1', 'clear call:group-1']);
    expect(state.history.filter((r) => r.unseen)).toEqual([]);
  });

  it('a group conversation nobody answered pops one missed call, decided when its last call ends', () => {
    const unanswered = { bridgeAt: null };
    const memberFirst = runEvents([group('dial'), member('dial'), member('hangup', unanswered), group('hangup', unanswered)], configWith());
    expect(opSummary(memberFirst.ops)).toEqual(['create call:group-1', 'clear call:group-1', 'create missed:group-1']);
    const groupFirst = runEvents([group('dial'), member('dial'), group('hangup', unanswered), member('hangup', unanswered)], configWith());
    expect(opSummary(groupFirst.ops)).toEqual(['create call:group-1', 'clear call:group-1', 'create missed:group-1']);
    expect(groupFirst.state.history.filter((r) => r.unseen)).toHaveLength(1);
  });

  it('a member hangup seen after the conversation ended does not decide it again, even once the missed call was seen', () => {
    const unanswered = { bridgeAt: null };
    const ended = runEvents([group('dial'), group('hangup', unanswered)], configWith());
    expect(opSummary(ended.ops)).toEqual(['create call:group-1', 'clear call:group-1', 'create missed:group-1']);
    clearMissedNotifications(ended.state);
    markMissedSeen(ended.state);
    const late = runEvents([member('hangup', unanswered)], configWith(), ended.state);
    expect(late.ops).toEqual([]);
    expect(late.state.history.filter((r) => r.unseen)).toEqual([]);
    expect(late.state.history.map((r) => [r.uuid, r.rootUuid])).toEqual([['group-1', 'group-1'], ['member-1', 'group-1']]);
  });

  it('a member call whose group call was never seen stands on its own', () => {
    const { ops, state } = runEvents([member('dial')], configWith());
    expect(opSummary(ops)).toEqual(['create call:member-1']);
    expect(state.active['member-1']?.rootUuid).toBe('member-1');
  });

  it('a group call seen after its member call joins the member\'s conversation, not a second pop', () => {
    const { ops, state } = runEvents([member('dial'), group('dial')], configWith());
    expect(opSummary(ops)).toEqual(['create call:member-1']);
    expect(state.active['group-1']?.rootUuid).toBe('member-1');
  });
});

describe('internal calls', () => {
  const colleague = party({ id: '7', ext: '202', displayName: 'Ivan Petrenko' });
  const me = party({ id: '9', ext: '911', displayName: 'Agent Smith' });
  const internal = (event: CallEvent['event'], from: typeof me, to: typeof me, overrides: Partial<CallEvent> = {}) =>
    call(event, { direction: 'internal', leg: from, leg2: to, crm: [], trunkNum: null, trunkName: null, ...overrides });

  it('a colleague calling this agent rings here and pops as internal, named after the colleague', () => {
    const { ops, state } = runEvents([internal('dial', colleague, me)], configWith());
    expect(state.active['call-1']?.ringsHere).toBe(true);
    expect(ops[0]).toMatchObject({ op: 'create', kind: 'internal', title: 'Ivan Petrenko', message: '202' });
  });

  it('an internal call that rang here and was not answered is missed', () => {
    const { state, ops } = runEvents([internal('dial', colleague, me), internal('hangup', colleague, me, { bridgeAt: null })], configWith());
    expect(state.history[0]?.outcome).toBe('missed');
    expect(opSummary(ops)).toContain('create missed:call-1');
  });

  it('an internal call the agent placed does not pop by default and ends unanswered', () => {
    const { state, ops } = runEvents([internal('dial', me, colleague), internal('hangup', me, colleague, { bridgeAt: null })], configWith());
    expect(ops).toEqual([]);
    expect(state.history[0]).toMatchObject({ ringsHere: false, outcome: 'unanswered', unseen: false });
  });

  it('internal pops follow the internal policy', () => {
    expect(runEvents([internal('dial', colleague, me)], configWith({ internal: false })).ops).toEqual([]);
  });

  it('with an e-mail subscriber an internal call rings here until the agent\'s own extension is known', () => {
    const email = configWith({}, { subscriber: 'agent@example.com' });
    expect(runEvents([internal('dial', me, colleague)], email).state.active['call-1']?.ringsHere).toBe(true);
    const learned = runEvents([call('dial', { uuid: 'out', direction: 'outgoing', leg: me }), internal('dial', me, colleague)], email);
    expect(learned.state.active['call-1']?.ringsHere).toBe(false);
    const incoming = runEvents([call('dial', { uuid: 'out', direction: 'outgoing', leg: me }), internal('dial', colleague, me)], email);
    expect(incoming.state.active['call-1']?.ringsHere).toBe(true);
  });
});

describe('auto-opening the CRM card', () => {
  it('opens the card once per conversation as it rings, in the background by default', () => {
    const { effects } = runEvents([group('dial'), member('dial'), group('dial')], configWith({ autoOpen: 'ring' }));
    expect(effects.filter((e) => e.type === 'open-crm')).toEqual([
      { type: 'open-crm', call: 'group-1', url: 'https://crm.example.com/contacts/29', focused: false },
    ]);
  });

  it('opens the card once answered when set to answer, focused when asked', () => {
    const { effects } = runEvents([call('dial'), call('bridge'), call('bridge')], configWith({ autoOpen: 'answer', autoOpenFocused: true }));
    expect(effects.filter((e) => e.type === 'open-crm')).toEqual([
      { type: 'open-crm', call: 'call-1', url: 'https://crm.example.com/contacts/29', focused: true },
    ]);
  });

  it('opens nothing without a link, nothing when off, nothing for calls that do not pop', () => {
    expect(runEvents([call('dial', { crm: [] })], configWith({ autoOpen: 'ring' })).effects.some((e) => e.type === 'open-crm')).toBe(false);
    expect(runEvents([call('dial'), call('bridge')], configWith()).effects.some((e) => e.type === 'open-crm')).toBe(false);
    expect(runEvents([call('dial', { direction: 'outgoing' })], configWith({ autoOpen: 'ring' })).effects).toEqual([]);
  });

  it('remembers at most historyLimit auto-opened conversations', () => {
    const events = Array.from({ length: 14 }, (_, i) => call('dial', { uuid: `a${i}` }));
    const { state } = runEvents(events, configWith({ autoOpen: 'ring' }, { historyLimit: 10 }));
    expect(state.autoOpened).toEqual(Array.from({ length: 10 }, (_, i) => `a${i + 4}`));
  });
});

describe('merging what later frames know', () => {
  it('a bridge that brings the CRM card fills in a caller the dial did not know', () => {
    const { state, ops } = runEvents([call('dial', { crm: [] }), call('bridge')], configWith());
    expect(state.active['call-1']?.caller).toMatchObject({ name: 'Olena Koval', company: 'Sonyakh LLC' });
    expect(ops[1]).toMatchObject({ op: 'update', title: 'Olena Koval' });
  });

  it('a later frame without CRM cards does not erase the known caller', () => {
    const { state } = runEvents([call('dial'), call('bridge', { crm: [], trunkName: null })], configWith());
    expect(state.active['call-1']).toMatchObject({ caller: { name: 'Olena Koval' }, trunkName: 'Main line' });
  });
});
