import { describe, expect, it } from 'vitest';
import { expireStaleCalls, STALE_ANSWERED_MS, STALE_RINGING_MS } from '../../../src/calls/expire-stale';
import { badgeFor } from '../../../src/calls/badge';
import { call, configWith, T0 } from './call-events';
import { notificationOps, opSummary, runEvents } from './run-events';

describe('stale live calls', () => {
  it('ends a call still ringing after 15 minutes (its hangup was lost) and clears its notification, without a missed pop', () => {
    const config = configWith();
    const { state } = runEvents([call('dial', { uuid: 'lost' })], config);
    expect(badgeFor(state, 'connected').text).toBe('1');

    expect(expireStaleCalls(state, T0 + STALE_RINGING_MS - 60_000, config)).toEqual([]);
    const ops = notificationOps(expireStaleCalls(state, T0 + STALE_RINGING_MS + 2_000, config));

    expect(opSummary(ops)).toEqual(['clear call:lost']);
    expect(state.active).toEqual({});
    expect(state.history.map((c) => [c.uuid, c.status, c.outcome])).toEqual([['lost', 'ended', null]]);
    expect(badgeFor(state, 'connected').text).toBe('');
  });

  it('keeps an answered call for up to 12 hours, then ends it', () => {
    const config = configWith();
    const { state } = runEvents([call('dial', { uuid: 'long' }), call('bridge', { uuid: 'long' })], config);
    expect(expireStaleCalls(state, T0 + STALE_RINGING_MS * 4, config)).toEqual([]);
    expect(Object.keys(state.active)).toEqual(['long']);
    expireStaleCalls(state, T0 + STALE_ANSWERED_MS + 5_000, config);
    expect(state.active).toEqual({});
  });

  it('a late hangup for an expired call changes nothing and pops nothing', () => {
    const config = configWith();
    const { state } = runEvents([call('dial', { uuid: 'late' })], config);
    expireStaleCalls(state, T0 + STALE_RINGING_MS + 2_000, config);
    const late = runEvents([call('hangup', { uuid: 'late' })], config, state);
    expect(late.ops).toEqual([]);
    expect(state.history).toHaveLength(1);
  });
});
