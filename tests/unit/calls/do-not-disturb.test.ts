import { describe, expect, it } from 'vitest';
import { call, configWith, T0 } from './call-events';
import { notificationOps, opSummary, runEvents } from './run-events';
import { applyDoNotDisturb, dndActive, dndFor, DND_HOUR_MS, parseDnd } from '../../../src/calls/do-not-disturb';
import { badgeFor } from '../../../src/calls/badge';
import { shouldRing } from '../../../src/calls/ring-decision';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';

describe('do-not-disturb setting', () => {
  it('"for 1 hour" is on for an hour and off after it; "until I turn it off" stays on', () => {
    const hour = dndFor('hour', T0);
    expect(hour).toEqual({ until: T0 + DND_HOUR_MS });
    expect(dndActive(hour, T0 + DND_HOUR_MS - 1)).toBe(true);
    expect(dndActive(hour, T0 + DND_HOUR_MS)).toBe(false);
    expect(dndActive(dndFor('indefinite', T0), T0 + 365 * 24 * DND_HOUR_MS)).toBe(true);
  });

  it('reads a missing or corrupt stored value as off', () => {
    for (const raw of [undefined, null, 'on', 42, {}, { until: 'soon' }, { until: Number.NaN }, []]) {
      expect(dndActive(parseDnd(raw), T0), JSON.stringify(raw)).toBe(false);
    }
    expect(parseDnd({ until: null })).toEqual({ until: null });
    expect(parseDnd({ until: T0 })).toEqual({ until: T0 });
  });
});

describe('applyDoNotDisturb', () => {
  it('a ringing call under DND pops nothing, yet is tracked and rings nowhere', () => {
    const { state, effects } = runEvents([call('dial', { uuid: 'a' })], configWith({ ringSound: true }));
    expect(notificationOps(applyDoNotDisturb(effects, true, state))).toEqual([]);
    expect(state.active.a?.status).toBe('ringing');
    expect(shouldRing(state, { ...DEFAULT_SETTINGS.notifications, ringSound: true }, true)).toBe(false);
    expect(shouldRing(state, { ...DEFAULT_SETTINGS.notifications, ringSound: true }, false)).toBe(true);
  });

  it('a pop DND kept off the screen is not recorded as shown (the next change is not an update of nothing)', () => {
    const { state, effects } = runEvents([call('dial', { uuid: 'a' })], configWith());
    expect(Object.keys(state.shown)).toEqual(['call:a']);
    applyDoNotDisturb(effects, true, state);
    expect(state.shown).toEqual({});
    // Without DND the record stays.
    const open = runEvents([call('dial', { uuid: 'b' })], configWith());
    applyDoNotDisturb(open.effects, false, open.state);
    expect(Object.keys(open.state.shown)).toEqual(['call:b']);
  });

  it('a missed call under DND pops nothing but still counts as missed and unseen', () => {
    const { state, effects } = runEvents([call('dial', { uuid: 'm' }), call('hangup', { uuid: 'm', bridgeAt: null })], configWith());
    expect(opSummary(notificationOps(effects))).toContain('create missed:m');
    const kept = notificationOps(applyDoNotDisturb(effects, true, state));
    expect(kept.every((op) => op.op === 'clear')).toBe(true);
    expect(state.history.map((r) => [r.uuid, r.outcome, r.unseen])).toEqual([['m', 'missed', true]]);
  });

  it('keeps clearing notifications (what was on screen before DND goes away as usual)', () => {
    const { state, effects } = runEvents([call('dial', { uuid: 'c' }), call('bridge', { uuid: 'c' })], configWith({ onAnswer: 'clear' }));
    expect(opSummary(notificationOps(applyDoNotDisturb(effects, true, state)))).toEqual(['clear call:c']);
  });

  it('drops a CRM tab auto-opened while ringing, keeps one opened for an answered call', () => {
    const ringing = runEvents([call('dial', { uuid: 'r' })], configWith({ autoOpen: 'ring' }));
    expect(ringing.effects.some((e) => e.type === 'open-crm')).toBe(true);
    expect(applyDoNotDisturb(ringing.effects, true, ringing.state).filter((e) => e.type === 'open-crm')).toEqual([]);
    const answered = runEvents([call('dial', { uuid: 'b' }), call('bridge', { uuid: 'b' })], configWith({ autoOpen: 'answer' }));
    expect(applyDoNotDisturb(answered.effects, true, answered.state).filter((e) => e.type === 'open-crm')).toHaveLength(1);
  });

  it('changes nothing when DND is off', () => {
    const { state, effects } = runEvents([call('dial', { uuid: 'a' }), call('hangup', { uuid: 'a', bridgeAt: null })], configWith({ autoOpen: 'ring' }));
    expect(applyDoNotDisturb(effects, false, state)).toEqual(effects);
  });
});

describe('badge under DND', () => {
  it('shows DND instead of the ringing and missed counts', () => {
    const { state } = runEvents([call('dial', { uuid: 'a' }), call('hangup', { uuid: 'b', bridgeAt: null })], configWith());
    expect(badgeFor(state, 'connected').text).toBe('1');
    expect(badgeFor(state, 'connected', { dnd: true })).toEqual({ text: 'DND', color: 'dnd', titleKey: 'badgeTitleDnd' });
    expect(badgeFor(state, 'connected', { dnd: false }).text).toBe('1');
  });

  it('still puts link trouble first', () => {
    const { state } = runEvents([], configWith());
    expect(badgeFor(state, 'disconnected', { dnd: true }).text).toBe('!');
    expect(badgeFor(state, 'not-configured', { dnd: true }).text).toBe('?');
  });
});
