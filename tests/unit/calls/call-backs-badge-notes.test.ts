// Issue 18: the badge counts callers to call back (after ringing calls), "Done" and clear
// history, and notes kept on the history record and exported in the CSV.
import { describe, expect, it } from 'vitest';
import { call, card, configWith, T0 } from './call-events';
import { runEvents } from './run-events';
import { badgeFor } from '../../../src/calls/badge';
import { dismissCallBack, expireCallBacks, CALL_BACK_MAX_AGE_MS } from '../../../src/calls/call-backs';
import { clearHistory, markMissedSeen } from '../../../src/calls/seen-and-clear';
import { setCallNote } from '../../../src/calls/set-call-note';
import { NOTE_MAX_LENGTH, cleanNote } from '../../../src/calls/call-note';
import { historyCsv } from '../../../src/calls/history-csv';
import { applyEvent } from '../../../src/calls/reducer';

const missed = (uuid: string, number: string) => {
  const crm = [card({ number })];
  return [call('dial', { uuid, crm, bridgeAt: null }), call('hangup', { uuid, crm, bridgeAt: null })];
};

describe('badge with callers to call back', () => {
  it('counts callers (not calls) once missed calls are seen, and ringing calls come first', () => {
    const { state } = runEvents([...missed('a', '+380671234567'), ...missed('b', '0671234567'), ...missed('c', '+380442223344')], configWith());
    markMissedSeen(state);
    expect(badgeFor(state, 'connected')).toEqual({ text: '2', color: 'missed', titleKey: 'badgeTitleCallBacks' });
    applyEvent(state, call('dial', { uuid: 'r', crm: [card({ number: '+380509998877' })], bridgeAt: null }), T0 + 100_000, configWith());
    expect(badgeFor(state, 'connected').color).toBe('ringing');
  });

  it('drops the count with "Done", with the age limit, and with "Clear history"', () => {
    const { state } = runEvents([...missed('a', '+380671234567'), ...missed('c', '+380442223344')], configWith());
    markMissedSeen(state);
    dismissCallBack(state, '+380671234567');
    expect(badgeFor(state, 'connected').text).toBe('1');
    expireCallBacks(state, T0 + CALL_BACK_MAX_AGE_MS - 120_000);
    expect(state.callBacks).toHaveLength(1);
    const copy = structuredClone(state);
    clearHistory(copy);
    expect(badgeFor(copy, 'connected').text).toBe('');
    expireCallBacks(state, T0 + CALL_BACK_MAX_AGE_MS + 120_000);
    expect(badgeFor(state, 'connected').text).toBe('');
  });
});

describe('notes', () => {
  it('keeps a cleaned, bounded note on the history record and exports it', () => {
    const { state } = runEvents(missed('a', '+380671234567'), configWith());
    expect(setCallNote(state, 'a', `  Call back\nafter 3 pm ${'x'.repeat(300)}`)).toBe(true);
    const note = state.history[0]!.note!;
    expect(note.startsWith('Call back after 3 pm')).toBe(true);
    expect(note).toHaveLength(NOTE_MAX_LENGTH);
    const csv = historyCsv(state.history);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFtime,direction,outcome,duration,name,company,number,crm_link,note');
    expect(csv.split('\r\n')[1]!.endsWith(`,${note}`)).toBe(true);
    expect(setCallNote(state, 'a', '   ')).toBe(true);
    expect(state.history[0]!.note).toBeUndefined();
    expect(setCallNote(state, 'gone', 'x')).toBe(false);
  });

  it('guards a note that starts like a formula in the CSV', () => {
    const { state } = runEvents(missed('a', '+380671234567'), configWith());
    setCallNote(state, 'a', '=HYPERLINK("http://x")');
    expect(historyCsv(state.history)).toContain(`,"'=HYPERLINK(""http://x"")"`);
  });

  it('folds control characters', () => {
    expect(cleanNote('a\u0000b\u202Ec\u2028d')).toBe('a b\u202Ec d');
  });
});
