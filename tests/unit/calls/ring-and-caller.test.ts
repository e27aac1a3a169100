import { describe, expect, it } from 'vitest';
import { call, card, configWith, party } from './call-events';
import { runEvents } from './run-events';
import { shouldRing } from '../../../src/calls/ring-decision';
import { currentOrLastCaller } from '../../../src/calls/current-caller';
import { DEFAULT_SETTINGS, type NotificationPolicy } from '../../../src/settings/settings-schema';

const policy = (patch: Partial<NotificationPolicy> = {}): NotificationPolicy => ({ ...DEFAULT_SETTINGS.notifications, ringSound: true, ...patch });

describe('ring sound decision', () => {
  it('is off by default', () => {
    expect(DEFAULT_SETTINGS.notifications.ringSound).toBe(false);
    const { state } = runEvents([call('dial')], configWith());
    expect(shouldRing(state, DEFAULT_SETTINGS.notifications, false)).toBe(false);
  });

  it('rings while an incoming call rings, and stops once it is answered or ends', () => {
    const ringing = runEvents([call('dial')], configWith());
    expect(shouldRing(ringing.state, policy(), false)).toBe(true);
    expect(shouldRing(runEvents([call('dial'), call('bridge')], configWith()).state, policy(), false)).toBe(false);
    expect(shouldRing(runEvents([call('dial'), call('hangup', { bridgeAt: null })], configWith()).state, policy(), false)).toBe(false);
  });

  it('does not ring for outgoing calls, internal calls placed here, or calls whose pop is switched off', () => {
    expect(shouldRing(runEvents([call('dial', { direction: 'outgoing' })], configWith()).state, policy(), false)).toBe(false);
    const placed = runEvents([call('dial', { direction: 'internal', leg2: party({ ext: '202' }), crm: [] })], configWith());
    expect(shouldRing(placed.state, policy(), false)).toBe(false);
    expect(shouldRing(runEvents([call('dial')], configWith()).state, policy({ incoming: false }), false)).toBe(false);
  });
});

describe('the "open caller" shortcut target', () => {
  it('is the call ringing now, the newest one when several ring', () => {
    const { state } = runEvents(
      [call('dial', { uuid: 'a', crm: [card({ url: 'https://crm.example.com/a' })] }), call('dial', { uuid: 'b', crm: [card({ url: 'https://crm.example.com/b' })] })],
      configWith(),
    );
    expect(currentOrLastCaller(state)?.uuid).toBe('b');
  });

  it('falls back to the last ended call with a CRM link when nothing is live', () => {
    const { state } = runEvents(
      [call('dial', { uuid: 'old' }), call('hangup', { uuid: 'old' }), call('dial', { uuid: 'nolink', crm: [] }), call('hangup', { uuid: 'nolink', crm: [] })],
      configWith(),
    );
    expect(currentOrLastCaller(state)?.uuid).toBe('old');
  });

  it('is nobody before the first call', () => {
    expect(currentOrLastCaller(runEvents([], configWith()).state)).toBeNull();
  });
});
