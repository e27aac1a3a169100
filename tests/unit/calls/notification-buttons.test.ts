// Which buttons a notification offers (issue 5 §2: "Open in CRM" and "Copy number"; issue 10 §2:
// "Call back" on a missed call while calling through the PBX works).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { notificationButtons } from '../../../src/calls/notification-buttons';
import type { NotificationKind } from '../../../src/calls/types';

const known = { url: 'https://crm.example/contacts/7', unknown: false, number: '+380501234567' };

describe('notificationButtons', () => {
  it('offers "Open in CRM" and "Copy number" on a ringing call with a CRM card', () => {
    expect(notificationButtons({ kind: 'incoming', caller: known, callBackOffered: false })).toEqual(['open-crm', 'copy-number']);
  });

  it('offers "Create contact" for a caller the CRM does not know', () => {
    expect(notificationButtons({ kind: 'incoming', caller: { ...known, unknown: true, url: 'https://crm.example/new' }, callBackOffered: false })).toEqual([
      'create-contact',
      'copy-number',
    ]);
  });

  it('offers "Call back" instead of "Copy number" on a missed call while calling works', () => {
    expect(notificationButtons({ kind: 'missed', caller: known, callBackOffered: true })).toEqual(['open-crm', 'call-back']);
    expect(notificationButtons({ kind: 'missed', caller: known, callBackOffered: false })).toEqual(['open-crm', 'copy-number']);
  });

  it('never offers "Call back" on a call that is not missed', () => {
    expect(notificationButtons({ kind: 'incoming', caller: known, callBackOffered: true })).toEqual(['open-crm', 'copy-number']);
  });

  it('points button 0 at the popup when there is a number but no CRM link', () => {
    expect(notificationButtons({ kind: 'missed', caller: { ...known, url: null }, callBackOffered: true })).toEqual(['show-calls', 'call-back']);
  });

  it('offers nothing for a call with neither link nor number, and only the CRM without a number', () => {
    expect(notificationButtons({ kind: 'incoming', caller: null, callBackOffered: false })).toEqual([]);
    expect(notificationButtons({ kind: 'incoming', caller: { ...known, number: null }, callBackOffered: true })).toEqual(['open-crm']);
  });

  it('never draws more than Chrome allows, and never a button whose action has nothing to act on', () => {
    const kinds: NotificationKind[] = ['incoming', 'outgoing', 'internal', 'missed'];
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.option(fc.record({ url: fc.option(fc.webUrl()), unknown: fc.boolean(), number: fc.option(fc.string({ minLength: 1 })) })),
        fc.boolean(),
        (kind, caller, callBackOffered) => {
          const buttons = notificationButtons({ kind, caller, callBackOffered });
          expect(buttons.length).toBeLessThanOrEqual(2);
          expect(new Set(buttons).size).toBe(buttons.length);
          if (!caller?.number) expect(buttons).not.toContain('copy-number');
          if (!caller?.number || kind !== 'missed' || !callBackOffered) expect(buttons).not.toContain('call-back');
          if (!caller?.url) expect(buttons.filter((b) => b === 'open-crm' || b === 'create-contact')).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
