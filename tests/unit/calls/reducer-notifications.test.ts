import { describe, expect, it } from 'vitest';
import { call, card, configWith, party } from './call-events';
import { opSummary, runEvents } from './run-events';
import { createInitialState } from '../../../src/calls/initial-state';
import { applyEvent } from '../../../src/calls/reducer';
import { findCall } from '../../../src/calls/find-call';

describe('ringing notifications', () => {
  it('an incoming call pops once with the caller name, company and number, line and CRM link', () => {
    const { ops, state } = runEvents([call('dial')], configWith());
    expect(ops).toEqual([
      {
        op: 'create',
        id: 'call:call-1',
        call: 'call-1',
        kind: 'incoming',
        title: 'Olena Koval',
        message: 'Sonyakh LLC · +380671234567',
        context: 'Main line',
        url: 'https://crm.example.com/contacts/29',
      },
    ]);
    expect(state.shown['call:call-1']).toEqual({ kind: 'incoming', call: 'call-1' });
    expect(state.active['call-1']?.status).toBe('ringing');
  });

  it('a duplicate call.dial after reconnect does not notify twice', () => {
    const { ops } = runEvents([call('dial'), call('dial')], configWith());
    expect(opSummary(ops)).toEqual(['create call:call-1']);
  });

  it('a duplicate call.dial after a worker restart (state from storage) does not notify again', () => {
    const first = runEvents([call('dial')], configWith());
    const restored = JSON.parse(JSON.stringify(first.state)) as typeof first.state;
    const again = runEvents([call('dial')], configWith(), restored);
    expect(again.ops).toEqual([]);
  });

  it('does not pop incoming calls when the policy turns them off, but still tracks them', () => {
    const { ops, state } = runEvents([call('dial')], configWith({ incoming: false }));
    expect(ops).toEqual([]);
    expect(state.active['call-1']?.status).toBe('ringing');
  });

  it('an outgoing call does not pop by default and ends unanswered when never bridged', () => {
    const events = [call('dial', { direction: 'outgoing' }), call('hangup', { direction: 'outgoing', bridgeAt: null })];
    const { ops, state } = runEvents(events, configWith());
    expect(ops).toEqual([]);
    expect(state.history[0]).toMatchObject({ status: 'ended', outcome: 'unanswered', unseen: false });
  });

  it('an outgoing call pops as kind outgoing when the policy asks for it', () => {
    const { ops } = runEvents([call('dial', { direction: 'outgoing' })], configWith({ outgoing: true }));
    expect(ops.map((op) => [op.op, op.kind])).toEqual([['create', 'outgoing']]);
  });

  it('names an unknown caller by number, then by trunk label, then "Unknown caller"', () => {
    const byNumber = runEvents([call('dial', { crm: [card({ id: null, name: null, company: null, url: 'https://crm.example.com/new?phone=1' })] })], configWith());
    expect(byNumber.ops[0]).toMatchObject({ title: '+380671234567', message: '+380671234567', url: 'https://crm.example.com/new?phone=1' });
    expect(byNumber.state.active['call-1']?.caller.unknown).toBe(true);
    const byTrunk = runEvents([call('dial', { crm: [] })], configWith());
    expect(byTrunk.ops[0]).toMatchObject({ title: 'Main line', message: '', url: null });
    const nothing = runEvents([call('dial', { crm: [], trunkName: null, trunkNum: null })], configWith());
    expect(nothing.ops[0]).toMatchObject({ title: 'Unknown caller', context: '' });
  });

  it('takes the first CRM that knows the client as the primary card', () => {
    const unknown = card({ id: null, name: null, url: 'https://a.example/new', priority: 1 });
    const known = card({ id: '7', name: 'Petro', url: 'https://b.example/7', priority: 2 });
    const { ops, state } = runEvents([call('dial', { crm: [unknown, known] })], configWith());
    expect(ops[0]).toMatchObject({ title: 'Petro', url: 'https://b.example/7' });
    expect(state.active['call-1']?.crm).toHaveLength(2);
  });

  it('presence changes and PBX errors never pop', () => {
    const { effects, state } = runEvents(
      [
        { kind: 'presence', presence: 'away', serverTime: 1_700_000_000_500, leg: party() },
        { kind: 'error', message: 'Invalid API key', serverTime: null },
      ],
      configWith(),
    );
    expect(effects).toEqual([]);
    expect(state.presence).toEqual({ status: 'away', since: 1_700_000_000_500 });
    expect(state.lastError?.message).toBe('Invalid API key');
  });
});

describe('answered calls', () => {
  it('answering updates the pop to say answered, keeping the title', () => {
    const { ops } = runEvents([call('dial'), call('bridge')], configWith());
    expect(ops[1]).toMatchObject({ op: 'update', id: 'call:call-1', title: 'Olena Koval', message: 'Answered · Sonyakh LLC · +380671234567' });
  });

  it('answering clears the pop when the policy says clear, and the call never pops again', () => {
    const { ops, state } = runEvents([call('dial'), call('bridge'), call('dial')], configWith({ onAnswer: 'clear' }));
    expect(opSummary(ops)).toEqual(['create call:call-1', 'clear call:call-1']);
    expect(state.shown).toEqual({});
  });

  it('a repeated bridge changes nothing', () => {
    const { ops } = runEvents([call('dial'), call('bridge'), call('bridge')], configWith());
    expect(opSummary(ops)).toEqual(['create call:call-1', 'update call:call-1']);
  });

  it('the hangup of an answered call clears the pop and leaves an answered call in history, not a missed one', () => {
    const { ops, state } = runEvents([call('dial'), call('bridge'), call('hangup')], configWith());
    expect(opSummary(ops)).toEqual(['create call:call-1', 'update call:call-1', 'clear call:call-1']);
    expect(state.active).toEqual({});
    expect(state.history).toHaveLength(1);
    expect(state.history[0]).toMatchObject({ status: 'ended', outcome: 'answered', unseen: false, bridgeAt: 1_700_000_005_000 });
  });

  it('a hangup before the bridge leaves the call ended and answered when bridgeAt is set', () => {
    const { ops, state } = runEvents([call('dial'), call('hangup'), call('bridge')], configWith());
    expect(opSummary(ops)).toEqual(['create call:call-1', 'clear call:call-1']);
    expect(findCall(state, 'call-1')).toMatchObject({ status: 'ended', outcome: 'answered' });
    expect(state.active).toEqual({});
  });

  it('a bridge after the hangup of a missed call does not revive or re-answer it', () => {
    const { state, ops } = runEvents([call('dial'), call('hangup', { bridgeAt: null }), call('bridge')], configWith());
    expect(findCall(state, 'call-1')).toMatchObject({ status: 'ended', outcome: 'missed', bridgeAt: null });
    expect(opSummary(ops)).toEqual(['create call:call-1', 'clear call:call-1', 'create missed:call-1']);
  });

  it('a call.dial after the bridge does not move the call back to ringing', () => {
    const { state } = runEvents([call('bridge'), call('dial')], configWith());
    expect(state.active['call-1']?.status).toBe('answered');
  });
});

describe('missed calls', () => {
  it('an incoming call that ends unanswered is missed: the ringing pop goes, a missed pop comes', () => {
    const { ops, state } = runEvents([call('dial'), call('hangup', { bridgeAt: null })], configWith());
    expect(opSummary(ops)).toEqual(['create call:call-1', 'clear call:call-1', 'create missed:call-1']);
    expect(ops[2]).toMatchObject({ kind: 'missed', title: 'Olena Koval', message: 'Missed call · Sonyakh LLC · +380671234567', url: 'https://crm.example.com/contacts/29' });
    expect(state.history[0]).toMatchObject({ outcome: 'missed', unseen: true });
    expect(state.shown).toEqual({ 'missed:call-1': { kind: 'missed', call: 'call-1' } });
  });

  it('a repeated hangup does not pop the missed call twice', () => {
    const { ops } = runEvents([call('dial'), call('hangup', { bridgeAt: null }), call('hangup', { bridgeAt: null })], configWith());
    expect(opSummary(ops).filter((op) => op.startsWith('create missed'))).toHaveLength(1);
  });

  it('a hangup seen without its dial still lands in history as missed and pops once', () => {
    const { ops, state } = runEvents([call('hangup', { bridgeAt: null })], configWith());
    expect(state.active).toEqual({});
    expect(state.history[0]).toMatchObject({ uuid: 'call-1', status: 'ended', outcome: 'missed' });
    expect(opSummary(ops)).toEqual(['create missed:call-1']);
  });

  it('no missed pop when the policy turns missed pops off, yet the call still counts as unseen', () => {
    const { ops, state } = runEvents([call('dial'), call('hangup', { bridgeAt: null })], configWith({ missed: false }));
    expect(opSummary(ops)).toEqual(['create call:call-1', 'clear call:call-1']);
    expect(state.history[0]?.unseen).toBe(true);
  });

  it('keeps at most 20 missed pops on screen, clearing the oldest', () => {
    const events = Array.from({ length: 21 }, (_, i) => call('hangup', { uuid: `m${i}`, bridgeAt: null }));
    const { ops, state } = runEvents(events, configWith());
    expect(opSummary(ops).at(-2)).toBe('clear missed:m0');
    expect(Object.keys(state.shown)).toHaveLength(20);
    expect(state.shown['missed:m0']).toBeUndefined();
  });
});

describe('clock and bounds', () => {
  it('estimates the clock offset from the frame with the least delay, and follows a jump', () => {
    const state = createInitialState();
    const config = configWith();
    applyEvent(state, call('dial', { serverTime: 10_000 }), 10_300, config);
    expect(state.clockOffsetMs).toBe(-300);
    applyEvent(state, call('dial', { serverTime: 20_000 }), 20_050, config);
    expect(state.clockOffsetMs).toBe(-50);
    applyEvent(state, call('dial', { serverTime: 30_000 }), 30_900, config);
    expect(state.clockOffsetMs).toBe(-50);
    applyEvent(state, call('dial', { serverTime: 40_000 }), 40_000 + 3_600_000, config);
    expect(state.clockOffsetMs).toBe(-3_600_000);
  });

  it('drops the oldest ended calls beyond the history limit', () => {
    const events = Array.from({ length: 15 }, (_, i) => call('hangup', { uuid: `h${i}` }));
    const { state } = runEvents(events, configWith({}, { historyLimit: 10 }));
    expect(state.history.map((r) => r.uuid)).toEqual(Array.from({ length: 10 }, (_, i) => `h${i + 5}`));
  });
});
