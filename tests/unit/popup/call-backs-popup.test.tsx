// @vitest-environment happy-dom
// Issue 18 in the popup: the "To call back" section, the caller's story on a live call, search
// and notes in recent calls — as the agent sees them, and axe-clean in both languages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { fakeBrowser, fakeState, resetFakeBrowser } from '../support/fake-browser';
import { App } from '../../../src/popup/app';
import { browserPopupActions } from '../../../src/popup/page-actions';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import type { CallBackEntry, CallRecord, CallsState } from '../../../src/calls/types';
import { activeOf, callRecord, callsState, catalogTranslator, crmCard, endedRecord, health } from './call-fixtures';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const MINUTE = 60_000;

function entry(overrides: Partial<CallBackEntry> = {}): CallBackEntry {
  const at = Date.now() - 12 * MINUTE;
  return {
    key: '+380671234567',
    caller: { name: 'Olena Koval', company: 'Sonyakh LLC', number: '+380671234567', url: 'https://crm.example.com/contacts/29', unknown: false },
    call: 'missed-1',
    attempts: 2,
    firstAt: at,
    lastAt: at + 5 * MINUTE,
    roots: ['missed-1', 'missed-2'],
    ...overrides,
  };
}

async function store(callBacks: CallBackEntry[], history: CallRecord[] = [], state: CallsState = callsState()): Promise<void> {
  await fakeBrowser.storage.session.set({ [SESSION_KEYS.callState]: state, [SESSION_KEYS.health]: health() });
  await fakeBrowser.storage.local.set({ [LOCAL_KEYS.history]: history, [LOCAL_KEYS.callBacks]: callBacks });
}

async function renderPopup(language: 'en' | 'uk' = 'en') {
  render(<App t={catalogTranslator(language)} languageTag={language} actions={browserPopupActions} timeZone="UTC" />);
  await waitFor(() => expect(screen.getByTestId('popup-root').getAttribute('aria-busy')).toBe('false'));
}

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}

beforeEach(() => resetFakeBrowser());
afterEach(() => cleanup());

describe('To call back', () => {
  it('takes no space at all when nobody waits', async () => {
    await store([], [endedRecord()]);
    await renderPopup();
    expect(screen.queryByTestId('call-backs')).toBeNull();
    expect(screen.queryByText('To call back')).toBeNull();
  });

  it('lists waiting callers above recent calls, the one waiting longest first, with attempts and waiting time', async () => {
    const newer = entry({ key: '+380442223344', caller: { name: 'Petro Hnatiuk', company: null, number: '+380442223344', url: null, unknown: false }, attempts: 1, firstAt: Date.now() - 3 * MINUTE, lastAt: Date.now() - 3 * MINUTE });
    await store([newer, entry()], [endedRecord()]);
    await renderPopup();
    const section = screen.getByTestId('call-backs');
    const rows = within(section).getAllByTestId('call-back-entry');
    expect(rows.map((row) => within(row).getByRole('heading').textContent)).toEqual(['Olena Koval', 'Petro Hnatiuk']);
    expect(rows[0]!.textContent).toContain('Attempts: 2');
    expect(rows[0]!.textContent).toContain('waiting 12 min');
    expect(rows[1]!.textContent).toContain('waiting 3 min');
    expect(within(rows[0]!).getByRole('button', { name: 'Open in CRM' })).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: 'Copy number' })).toBeTruthy();
    expect(within(rows[1]!).queryByRole('button', { name: 'Open in CRM' })).toBeNull();
    // Above the recent calls in reading (and tab) order.
    const recent = screen.getByRole('heading', { name: 'Recent calls' });
    expect(section.compareDocumentPosition(recent) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('sends "Done" to the background and follows storage when the entry goes', async () => {
    await store([entry()]);
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Done: remove Olena Koval from the list to call back' }));
    expect(fakeState.sentMessages).toContainEqual({ type: 'dismiss-call-back', key: '+380671234567' });
    await act(async () => {
      await fakeBrowser.storage.local.set({ [LOCAL_KEYS.callBacks]: [] });
    });
    expect(screen.queryByTestId('call-backs')).toBeNull();
  });

  it('hides callers past the age limit even before the worker drops them', async () => {
    await store([entry({ firstAt: Date.now() - 20 * 24 * 60 * MINUTE, lastAt: Date.now() - 15 * 24 * 60 * MINUTE })]);
    await renderPopup();
    expect(screen.queryByTestId('call-backs')).toBeNull();
  });

  it.each(['en', 'uk'] as const)('has no axe violations with the section, a story line, search and an open note (%s)', async (language) => {
    const number = '+380567777777';
    const missed = endedRecord({ uuid: 'h1', outcome: 'missed', bridgeAt: null, dialAt: Date.now() - 30 * MINUTE, endAt: Date.now() - 29 * MINUTE });
    const ringing = callRecord({ uuid: 'live', dialAt: Date.now() - 5_000, crm: [crmCard({ number })] });
    await store([entry()], [missed, endedRecord({ uuid: 'h2', note: 'Wants the invoice' })], callsState({ active: activeOf(ringing) }));
    await renderPopup(language);
    expect(screen.getByTestId('story-line').textContent).not.toBe('');
    fireEvent.click(screen.getAllByTestId('call-note-edit')[0]!);
    expect(await violations()).toEqual([]);
  });
});

describe('caller story on a live call', () => {
  it('says which call of the day it is and when the caller was last missed', async () => {
    const today = (h: number, m: number) => Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), h, m);
    vi.useFakeTimers({ toFake: ['Date'], now: today(11, 0) });
    try {
      const missed = (uuid: string, at: number) => endedRecord({ uuid, outcome: 'missed', bridgeAt: null, dialAt: at, endAt: at + 30_000, firstSeenAt: at });
      const history = [missed('a', today(9, 15)), missed('b', today(10, 42))];
      const ringing = callRecord({ uuid: 'live', dialAt: today(10, 59), firstSeenAt: today(10, 59) });
      await store([], history, callsState({ active: activeOf(ringing) }));
      await renderPopup();
      expect(screen.getByTestId('story-line').textContent).toBe('History with this caller: 3rd call today · last missed 10:42 AM');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows no story for a caller with no history', async () => {
    await store([], [endedRecord({ crm: [crmCard({ number: '+380991112233' })] })], callsState({ active: activeOf(callRecord({ uuid: 'live' })) }));
    await renderPopup();
    expect(screen.getByTestId('live-call')).toBeTruthy();
    expect(screen.queryByTestId('story-line')).toBeNull();
  });
});

describe('search and notes in recent calls', () => {
  const history = [
    endedRecord({ uuid: 'r1', crm: [crmCard({ name: 'Olena Kovalenko', company: 'Reklamna Agency', number: '+380567777777' })] }),
    endedRecord({ uuid: 'r2', crm: [crmCard({ name: 'Petro Hnatiuk', company: 'Kyivbud', number: '+380442223344' })] }),
    endedRecord({ uuid: 'r3', crm: [crmCard({ name: 'Iryna Bondar', company: null, number: '+48221234567' })], note: 'Invoice overdue' }),
  ];
  const shownNames = () => screen.getAllByTestId('recent-call').map((row) => row.querySelector('.call-card__title')?.textContent);

  it.each([
    ['kyivbud', ['Petro Hnatiuk']],
    ['olena', ['Olena Kovalenko']],
    ['044 222', ['Petro Hnatiuk']],
    ['7777', ['Olena Kovalenko']],
    ['invoice', ['Iryna Bondar']],
  ])('typing %j shows %j', async (query, names) => {
    await store([], history);
    await renderPopup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find in recent calls' }), { target: { value: query } });
    await waitFor(() => expect(shownNames()).toEqual(names));
  });

  it('says so when nothing matches', async () => {
    await store([], history);
    await renderPopup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find in recent calls' }), { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByText('No recent call matches this search.')).toBeTruthy());
  });

  it('shows a saved note and sends a new one, cut to the limit, to the background', async () => {
    await store([], history);
    await renderPopup();
    expect(screen.getByTestId('call-note-text').textContent).toBe('Note: Invoice overdue');
    fireEvent.click(screen.getByRole('button', { name: 'Add note: call with Petro Hnatiuk' }));
    const field = screen.getByRole('textbox', { name: 'Note (up to 200 characters)' });
    fireEvent.input(field, { target: { value: 'Call after 3 pm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(fakeState.sentMessages).toContainEqual({ type: 'set-note', call: 'r2', note: 'Call after 3 pm' }));
  });
});
