// Issue 10: calls missed while disconnected, folded into history once, with one summary pop.
import { describe, expect, it } from 'vitest';
import { mergeMissedCalls, CATCH_UP_NOTIFICATION_PREFIX } from '../../../src/calls/catch-up-merge';
import { createInitialState } from '../../../src/calls/initial-state';
import { processFrame } from '../../../src/calls/process-frame';
import type { ReducerConfig } from '../../../src/calls/reducer-config';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { clearMissedNotifications } from '../../../src/calls/seen-and-clear';

const t = (key: string, subs?: string[]) => `${key}${subs ? `(${subs.join(',')})` : ''}`;
const config = (missed = true): ReducerConfig =>
  ({ policy: { ...DEFAULT_SETTINGS.notifications, missed, autoOpen: 'ring' }, historyLimit: 100, subscriber: '101', t, secrets: [] }) as ReducerConfig;
const NOW = 1_764_010_000_000;
const item = (uuid: string, dialAtS: number, num = '+380671110001') => ({
  uuid, lgDirection: 4, dialAt: dialAtS, leg: { id: 1, type: 1, displayName: 'Agent', ext: '101' },
  otherLegs: [{ id: '7', name: 'Client', num, companyName: null, url: 'https://crm.example.com/7', priority: 1 }],
});

describe('mergeMissedCalls', () => {
  it('adds each unknown call to history as missed and unseen, oldest first, with one summary notification', () => {
    const state = createInitialState();
    const { added, effects } = mergeMissedCalls(state, [item('b', 1_764_000_200), item('a', 1_764_000_100)], NOW, config());
    expect(added.map((r) => r.uuid)).toEqual(['a', 'b']);
    expect(state.history.map((r) => [r.uuid, r.outcome, r.unseen, r.caller.number])).toEqual([
      ['a', 'missed', true, '+380671110001'],
      ['b', 'missed', true, '+380671110001'],
    ]);
    expect(state.history[0]?.dialAt).toBe(1_764_000_100_000); // seconds read as seconds
    const ops = effects.flatMap((e) => (e.type === 'notification' ? [e.notification] : []));
    expect(ops.map((op) => [op.op, op.id.startsWith(CATCH_UP_NOTIFICATION_PREFIX), op.title])).toEqual([['create', true, 'catchUpSummaryMany(2)']]);
    // Nothing opens a CRM tab by itself for a call that is long over.
    expect(effects.filter((e) => e.type === 'open-crm')).toEqual([]);
  });

  it('never duplicates a call already known, live or in history, nor one listed twice', () => {
    const state = createInitialState();
    const frame = JSON.stringify({ event: 'call.hangup', ...item('known', 1_764_000_000), bridgeAt: null, serverTime: 1_764_000_010_000 });
    processFrame(state, frame, NOW - 60_000, config());
    const before = state.history.length;
    const { added } = mergeMissedCalls(state, [item('known', 1_764_000_000), item('new', 1_764_000_050), item('new', 1_764_000_050)], NOW, config());
    expect(added.map((r) => r.uuid)).toEqual(['new']);
    expect(state.history).toHaveLength(before + 1);
    expect(state.history.filter((r) => r.uuid === 'known')).toHaveLength(1);
  });

  it('says "1 call" for one, and nothing at all when nothing is new', () => {
    const state = createInitialState();
    const one = mergeMissedCalls(state, [item('x', 1_764_000_000)], NOW, config());
    expect(one.effects).toHaveLength(1);
    expect(one.effects[0]).toMatchObject({ notification: { title: 'catchUpSummaryOne' } });
    expect(mergeMissedCalls(state, [item('x', 1_764_000_000)], NOW + 1, config()).effects).toEqual([]);
  });

  it('respects "no missed-call notifications", and the summary goes away when missed calls are seen', () => {
    const quiet = createInitialState();
    expect(mergeMissedCalls(quiet, [item('q', 1_764_000_000)], NOW, config(false)).effects).toEqual([]);
    expect(quiet.history).toHaveLength(1);
    const state = createInitialState();
    const { effects } = mergeMissedCalls(state, [item('s', 1_764_000_000)], NOW, config());
    const id = effects[0]?.type === 'notification' ? effects[0].notification.id : '';
    expect(clearMissedNotifications(state).map((op) => op.id)).toContain(id);
  });

  it('skips items that do not read as calls and leaves the clock offset alone', () => {
    const state = createInitialState();
    state.clockOffsetMs = 1234;
    const { added } = mergeMissedCalls(state, [null, 'junk', { uuid: 5 }, { dialAt: 1 }, item('ok', 1_764_000_000)], NOW, config());
    expect(added.map((r) => r.uuid)).toEqual(['ok']);
    expect(state.clockOffsetMs).toBe(1234);
  });
});
