import { describe, expect, it } from 'vitest';
import { call, configWith, englishCatalog, party } from './call-events';
import { runEvents } from './run-events';
import { badgeFor } from '../../../src/calls/badge';
import { clearHistory, clearMissedNotifications, markMissedNotificationSeen, markMissedSeen } from '../../../src/calls/seen-and-clear';
import { findCall } from '../../../src/calls/find-call';
import { createInitialState } from '../../../src/calls/initial-state';
import { loadCatalog } from '../../../tools/i18n/load-catalog';

const missed = (uuid: string) => call('hangup', { uuid, bridgeAt: null });

describe('badge', () => {
  it('counts conversations ringing here, one for a group call and its member', () => {
    const { state } = runEvents([call('dial', { uuid: 'g' }), call('dial', { uuid: 'm', parentUuid: 'g' }), call('dial', { uuid: 'x' })], configWith());
    expect(badgeFor(state, 'connected')).toEqual({ text: '2', color: 'ringing', titleKey: 'badgeTitleRinging' });
  });

  it('does not count outgoing calls or internal calls the agent placed as ringing', () => {
    const { state } = runEvents(
      [call('dial', { direction: 'outgoing' }), call('dial', { uuid: 'i', direction: 'internal', leg2: party({ ext: '202' }), crm: [] })],
      configWith(),
    );
    expect(badgeFor(state, 'connected').text).toBe('');
  });

  it('shows unseen missed calls when nothing rings, and nothing once seen', () => {
    const { state } = runEvents([missed('a'), missed('b'), call('hangup', { uuid: 'c' })], configWith());
    expect(badgeFor(state, 'connected')).toEqual({ text: '2', color: 'missed', titleKey: 'badgeTitleMissed' });
    markMissedSeen(state);
    expect(badgeFor(state, 'connected')).toEqual({ text: '', color: 'idle', titleKey: 'badgeTitleIdle' });
  });

  it('a click on one missed-call notification makes that call seen and clears it; the other stays unseen', () => {
    const { state } = runEvents([missed('a'), missed('b')], configWith());
    expect(Object.keys(state.shown).sort()).toEqual(['missed:a', 'missed:b']);
    const ops = markMissedNotificationSeen(state, 'missed:a');
    expect(ops.map((op) => [op.op, op.id])).toEqual([['clear', 'missed:a']]);
    expect(state.history.filter((r) => r.unseen).map((r) => r.uuid)).toEqual(['b']);
    expect(Object.keys(state.shown)).toEqual(['missed:b']);
    expect(badgeFor(state, 'connected').text).toBe('1');
    expect(markMissedNotificationSeen(state, 'call:b')).toEqual([]);
  });

  it('says the link is down or not set up before anything else', () => {
    const { state } = runEvents([call('dial')], configWith());
    expect(badgeFor(state, 'disconnected')).toEqual({ text: '!', color: 'alert', titleKey: 'badgeTitleDisconnected' });
    expect(badgeFor(state, 'not-configured')).toEqual({ text: '?', color: 'alert', titleKey: 'badgeTitleNotConfigured' });
  });

  it('caps a large count at 99+', () => {
    const { state } = runEvents(Array.from({ length: 120 }, (_, i) => missed(`m${i}`)), configWith());
    // One caller tried 120 times: one caller to call back (issue 18); unseen calls count past that.
    expect(badgeFor(state, 'connected').text).toBe('1');
    expect(badgeFor({ ...state, callBacks: [] }, 'connected').text).toBe('99+');
  });

  it('every badge tooltip key exists in both locales', () => {
    const uk = loadCatalog('uk');
    for (const key of ['badgeTitleRinging', 'badgeTitleCallBacks', 'badgeTitleMissed', 'badgeTitleDisconnected', 'badgeTitleNotConfigured', 'badgeTitleIdle', 'notifUnknownCaller', 'notifAnswered', 'notifMissed', 'notifButtonOpen']) {
      expect(englishCatalog[key]?.message, key).toBeTruthy();
      expect(uk[key]?.message, key).toBeTruthy();
    }
  });
});

describe('seen and clear', () => {
  it('clearing missed notifications clears every missed pop on screen and forgets them, leaving ringing pops', () => {
    const { state } = runEvents([missed('a'), missed('b'), call('dial', { uuid: 'live' })], configWith());
    const ops = clearMissedNotifications(state);
    expect(ops.map((op) => `${op.op} ${op.id}`)).toEqual(['clear missed:a', 'clear missed:b']);
    expect(Object.keys(state.shown)).toEqual(['call:live']);
    expect(clearMissedNotifications(state)).toEqual([]);
  });

  it('clearing history keeps live calls', () => {
    const { state } = runEvents([missed('a'), call('dial', { uuid: 'live' })], configWith());
    clearHistory(state);
    expect(state.history).toEqual([]);
    expect(findCall(state, 'live')?.status).toBe('ringing');
    expect(findCall(state, 'a')).toBeNull();
  });

  it('finds nothing in an empty state', () => {
    expect(findCall(createInitialState(), 'x')).toBeNull();
  });
});
