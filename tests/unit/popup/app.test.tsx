// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { options, type VNode } from 'preact';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser, fakeState, resetFakeBrowser } from '../support/fake-browser';
import { App } from '../../../src/popup/app';
import { browserPopupActions } from '../../../src/popup/page-actions';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import type { CallRecord, CallsState } from '../../../src/calls/types';
import type { Health } from '../../../src/connection/health';
import { activeOf, callRecord, callsState, catalogTranslator, crmCard, endedRecord, health } from './call-fixtures';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const t = catalogTranslator('en');

async function store(state: CallsState, history: CallRecord[] = [], status: Health = health()): Promise<void> {
  await fakeBrowser.storage.session.set({ [SESSION_KEYS.callState]: { ...state, history: [] }, [SESSION_KEYS.health]: status });
  await fakeBrowser.storage.local.set({ [LOCAL_KEYS.history]: history });
}

async function renderPopup() {
  const result = render(<App t={t} languageTag="en" actions={browserPopupActions} timeZone="UTC" />);
  await waitFor(() => expect(screen.getByTestId('popup-root').getAttribute('aria-busy')).toBe('false'));
  return result;
}

const messages = () => fakeState.sentMessages as { type: string }[];

beforeEach(() => {
  resetFakeBrowser();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('popup', () => {
  it('on first run says it is not configured and opens the options page', async () => {
    await renderPopup();
    expect(screen.getByText('Not configured')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    await waitFor(() => expect(fakeState.optionsPageOpened).toBe(1));
  });

  it('says it is listening when connected and quiet', async () => {
    await store(callsState());
    await renderPopup();
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.getByText('Listening for calls. They appear here as soon as the phone rings.')).toBeTruthy();
  });

  it('marks missed calls seen when it opens', async () => {
    await renderPopup();
    expect(messages()).toContainEqual({ type: 'mark-missed-seen' });
  });

  it('shows a ringing caller and opens the CRM card through the background', async () => {
    const ringing = callRecord({ uuid: 'ring-1' });
    await store(callsState({ active: activeOf(ringing) }));
    await renderPopup();
    const card = within(screen.getByTestId('live-call'));
    expect(card.getByRole('heading', { name: 'Olena Kovalenko' })).toBeTruthy();
    expect(card.getByText('Ringing')).toBeTruthy();
    expect(card.getByText('Main line')).toBeTruthy();
    fireEvent.click(card.getByRole('button', { name: 'Open in CRM' }));
    await waitFor(() =>
      expect(messages()).toContainEqual({ type: 'open-crm', url: 'https://crm.example.com/contacts/29', call: 'ring-1' }),
    );
  });

  it('renders a hostile wire name as literal text, never as markup', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await store(callsState({ active: activeOf(callRecord({ crm: [crmCard({ name })] })) }));
    const { container } = await renderPopup();
    expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('copies the number and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await store(callsState({ active: activeOf(callRecord()) }));
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Copy number' }));
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith('+380567777777');
  });

  it('reaches every CRM card when several answered', async () => {
    const cards = [
      crmCard({ id: '1', name: 'In first CRM', url: 'https://one.example/1', priority: 1 }),
      crmCard({ id: '2', name: 'In second CRM', url: 'https://two.example/2', priority: 2 }),
    ];
    await store(callsState({ active: activeOf(callRecord({ uuid: 'multi', crm: cards })) }));
    await renderPopup();
    fireEvent.click(screen.getByText('All CRM cards (2)'));
    fireEvent.click(screen.getByRole('button', { name: 'Open in CRM (two.example)' }));
    await waitFor(() => expect(messages()).toContainEqual({ type: 'open-crm', url: 'https://two.example/2', call: 'multi' }));
  });

  it('ticks the live timer without touching anything else on the page', async () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 4, 15, 10, 1, 5), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const talking = callRecord({ status: 'answered', bridgeAt: Date.UTC(2024, 4, 15, 10, 0, 0) });
    await store(callsState({ active: activeOf(talking) }), [endedRecord()]);
    render(<App t={t} languageTag="en" actions={browserPopupActions} timeZone="UTC" />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    const timer = screen.getByTestId('live-timer');
    expect(timer.textContent).toBe('1:05');
    const root = screen.getByTestId('popup-root');
    const touched: Node[] = [];
    const observer = new MutationObserver((records) => touched.push(...records.map((record) => record.target)));
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    // Preact's documented options hook sees every component render, including ones that change nothing.
    const rendered: string[] = [];
    const previous = options.diffed;
    options.diffed = (vnode: VNode) => {
      if (typeof vnode.type === 'function') rendered.push(vnode.type.name);
      previous?.(vnode);
    };
    try {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2_000);
      });
      await Promise.resolve();
    } finally {
      options.diffed = previous;
      observer.disconnect();
    }
    expect(timer.textContent).toBe('1:07');
    expect(rendered.length).toBeGreaterThan(0);
    expect(new Set(rendered)).toEqual(new Set(['LiveTimer']));
    expect(touched.every((node) => timer.contains(node))).toBe(true);
  });

  it('asks before clearing the history', async () => {
    await store(callsState(), [endedRecord({ crm: [crmCard({ name: 'Old caller' })] })]);
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(messages()).not.toContainEqual({ type: 'clear-history' });
    expect(screen.getByText('Delete every call from the history? This cannot be undone.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Old caller')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(messages()).toContainEqual({ type: 'clear-history' }));
  });

  it('keeps showing which missed calls were new after marking them seen', async () => {
    const missed = endedRecord({ uuid: 'miss', outcome: 'missed', bridgeAt: null, unseen: true, crm: [crmCard({ name: 'Missed caller' })] });
    await store(callsState(), [missed]);
    await renderPopup();
    expect(screen.getByText('New')).toBeTruthy();
    // The background answers mark-missed-seen by storing the history with the flag cleared.
    await act(async () => {
      await fakeBrowser.storage.local.set({ [LOCAL_KEYS.history]: [{ ...missed, unseen: false }] });
    });
    expect(screen.getByText('New')).toBeTruthy();
  });

  it('filters to missed calls', async () => {
    await store(callsState(), [
      endedRecord({ crm: [crmCard({ name: 'Talked' })] }),
      endedRecord({ outcome: 'missed', bridgeAt: null, crm: [crmCard({ name: 'Rang out' })] }),
    ]);
    await renderPopup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Missed only' }));
    await waitFor(() => expect(screen.queryByText('Talked')).toBeNull());
    expect(screen.getByText('Rang out')).toBeTruthy();
  });

  it('renders a long history in pages behind "Show more"', async () => {
    const history = Array.from({ length: 120 }, (_, i) => endedRecord({ uuid: `h${i}` }));
    await store(callsState(), history);
    await renderPopup();
    expect(screen.getAllByTestId('recent-call')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (70 left)' }));
    await waitFor(() => expect(screen.getAllByTestId('recent-call')).toHaveLength(100));
  });

  it('follows storage: a call that starts ringing appears and is announced', async () => {
    await store(callsState());
    await renderPopup();
    await act(async () => {
      await fakeBrowser.storage.session.set({ [SESSION_KEYS.callState]: callsState({ active: activeOf(callRecord({ crm: [crmCard({ name: 'New caller' })] })) }) });
    });
    expect(screen.getByRole('heading', { name: 'New caller' })).toBeTruthy();
    expect(screen.getByTestId('announcer').textContent).toBe('Incoming call: New caller');
  });

  it('offers "Retry now" while reconnecting', async () => {
    await store(callsState(), [], health({ state: 'reconnecting', retryAt: Date.now() + 9_500 }));
    await renderPopup();
    expect(screen.getByTestId('health').textContent).toBe('Reconnecting in 10 s');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(messages()).toContainEqual({ type: 'reconnect' }));
  });

  it('shows an empty page instead of crashing on corrupt storage', async () => {
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.callState]: { active: 'nope' }, [SESSION_KEYS.health]: health() });
    await fakeBrowser.storage.local.set({ [LOCAL_KEYS.history]: [{ uuid: 42 }, endedRecord({ crm: [crmCard({ name: 'Survivor' })] })] });
    await renderPopup();
    expect(screen.getByText('Survivor')).toBeTruthy();
  });
});
