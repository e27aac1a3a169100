// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser, fakeState, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { OptionsApp } from '../../../src/options/options-app';
import { loadCatalog } from '../../../tools/i18n/load-catalog';
import type { ConnectionTestReport } from '../../../src/connection/connection-test';
import type { ConnectionFields } from '../../../src/options/page-settings';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { INITIAL_HEALTH, type Health } from '../../../src/connection/health';
import { LOCAL_KEYS, SESSION_KEYS, SYNC_KEYS } from '../../../src/storage/keys';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const SECRET = 'Sup3r+Secret@Key';
const mine = { ...DEFAULT_SETTINGS, domain: 'qwerty.pbx.vega.ua', apiKey: SECRET, subscriber: '101' };

function typeInto(label: RegExp | string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

async function renderPage(props: Parameters<typeof OptionsApp>[0] = {}) {
  const view = render(<OptionsApp {...props} />);
  await screen.findByRole('heading', { name: 'CallPop settings' });
  return view;
}

beforeEach(() => resetFakeBrowser());
afterEach(() => cleanup());

describe('options page', () => {
  it('keeps the options-root test id and labels every control', async () => {
    await renderPage();
    expect(screen.getByTestId('options-root')).toBeTruthy();
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const id = el.getAttribute('id');
      const labelled = (id && document.querySelector(`label[for="${id}"]`)) || el.getAttribute('aria-label');
      expect(labelled, `control #${id} has a label`).toBeTruthy();
    }
  });

  it('saves a first-time setup to local storage, normalizes the pasted domain, never syncs the key, and reconnects', async () => {
    await renderPage();
    typeInto('PBX domain', '  https://Qwerty.PBX.vega.ua/settings ');
    typeInto('API key', SECRET);
    typeInto('Your extension number or e-mail', 'agent+calls@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved — connecting…'));
    expect(fakeBrowser.storage.local.data[LOCAL_KEYS.settings]).toMatchObject({ domain: 'qwerty.pbx.vega.ua', apiKey: SECRET, subscriber: 'agent+calls@example.com' });
    expect(JSON.stringify(fakeBrowser.storage.sync.data)).not.toContain(SECRET);
    expect(fakeBrowser.storage.sync.data[SYNC_KEYS.preferences]).toBeTruthy();
    expect(fakeState.sentMessages.filter((m) => (m as { type?: string }).type !== 'policy-key')).toEqual([{ type: 'reconnect' }]);
    expect((screen.getByLabelText('PBX domain') as HTMLInputElement).value).toBe('qwerty.pbx.vega.ua');
  });

  it('shows the specific error next to an invalid field and saves nothing', async () => {
    await renderPage();
    typeInto('PBX domain', 'qwerty.pbx.vega.ua');
    typeInto('API key', 'k');
    typeInto('Your extension number or e-mail', '7');
    typeInto('CRM addresses allowed to open', 'https://crm.example.com\njavascript:alert(1)');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('An extension number has 2 to 10 digits.')).toBeTruthy();
    expect(screen.getByTestId('crmAllowList-error').textContent).toBe('“javascript:alert(1)” is not a web address. Enter addresses like https://crm.example.com, one per line.');
    expect(screen.getByTestId('save-status').textContent).toBe('Not saved: fix the highlighted fields.');
    expect(screen.getByLabelText('Your extension number or e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(fakeBrowser.storage.local.data).toEqual({});
    expect(fakeState.sentMessages.filter((m) => (m as { type?: string }).type !== 'policy-key')).toEqual([]);
  });

  it('masks the API key until asked to show it', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    await renderPage();
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show key' }));
    expect(key.type).toBe('text');
    expect(key.value).toBe(SECRET);
  });

  it('renders policy fields disabled with the administrator note and does not write them to local', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, subscriber: '202' };
    await setPolicy({ domain: 'policy.pbx.vega.ua', apiKey: 'policy-key', notifications: { missed: false } });
    fakeState.reply = { ok: true, policyKey: true }; // the background's answer to "does a policy set the key?"
    await renderPage();
    const domain = screen.getByLabelText('PBX domain') as HTMLInputElement;
    expect(domain.disabled).toBe(true);
    expect(domain.value).toBe('policy.pbx.vega.ua');
    expect((screen.getByLabelText('API key') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Missed calls') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Missed calls') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Your extension number or e-mail') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('Set by your administrator').length).toBe(3);
    expect(screen.queryByRole('button', { name: 'Show key' })).toBeNull();

    typeInto('Your extension number or e-mail', '303');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved — connecting…'));
    const stored = fakeBrowser.storage.local.data[LOCAL_KEYS.settings] as typeof mine;
    expect(stored.subscriber).toBe('303');
    expect(stored.domain).toBe('qwerty.pbx.vega.ua');
    expect(stored.apiKey).toBe(SECRET);
    expect(stored.notifications.missed).toBe(true);
    expect(JSON.stringify(fakeBrowser.storage.local.data)).not.toContain('policy-key');
  });

  it('never receives a key set by policy: not in the page, not in its form, not asked of the browser (issue 16.3)', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, apiKey: '' };
    await setPolicy({ domain: 'policy.pbx.vega.ua', apiKey: 'policy-Key-0123456789', subscriber: '101' });
    fakeState.reply = { ok: true, policyKey: true };
    const managed = fakeBrowser.storage.managed!;
    const asked: unknown[] = [];
    const get = managed.get.bind(managed);
    managed.get = async (keys) => {
      asked.push(keys);
      return get(keys);
    };
    await renderPage();
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.disabled).toBe(true);
    expect(key.value).toBe('');
    expect(screen.getAllByText('Set by your administrator').length).toBeGreaterThanOrEqual(3);
    expect(document.documentElement.outerHTML).not.toContain('policy-Key');
    for (const input of document.querySelectorAll('input')) expect(input.value).not.toContain('policy-Key');
    for (const keys of asked) expect(Array.isArray(keys) ? keys : [keys]).not.toContain(null);
    for (const keys of asked) expect(keys).not.toContain('apiKey');

    // Test connection sends the fields without the key; the background fills it in from the policy.
    fakeState.reply = { ok: true, report: { result: 'connected', firstFrame: null, detail: 'optionsTestDetailOpened', httpStatus: null } };
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected: the PBX accepted these settings.')).toBeTruthy();
    const sent = fakeState.sentMessages.find((m) => (m as { type?: string }).type === 'test-connection');
    expect(sent).toMatchObject({ type: 'test-connection', apiKey: '' });
    expect(JSON.stringify(fakeState.sentMessages)).not.toContain('policy-Key');

    // Copy diagnostics says a policy key is set, and holds none of it.
    let copied = '';
    cleanup();
    fakeState.reply = { ok: true, policyKey: true };
    await renderPage({ writeClipboard: async (text) => void (copied = text) });
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(copied).toContain('apiKey: (set by policy)'));
    expect(copied).not.toContain('policy-Key');
  });

  it('tests the values on screen, not the saved ones, and shows the first frame as text', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    const asked: ConnectionFields[] = [];
    const frame = '<img src=x onerror="alert(1)">';
    const runTest = async (fields: ConnectionFields): Promise<ConnectionTestReport> => {
      asked.push(fields);
      return { result: 'connected', firstFrame: frame, detail: 'optionsTestDetailOpened', httpStatus: null };
    };
    await renderPage({ runTest });
    typeInto('Your extension number or e-mail', '555');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected: the PBX accepted these settings.')).toBeTruthy();
    expect(asked[0]?.subscriber).toBe('555');
    expect(screen.getByText(frame).tagName).toBe('PRE');
    expect(document.querySelector('img')).toBeNull();
    expect(fakeBrowser.storage.local.data[LOCAL_KEYS.settings]).toEqual(mine);
  });

  it('says a wrong key is refused, in words', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = mine;
    await renderPage({ runTest: async () => ({ result: 'refused', firstFrame: null, detail: 'optionsTestDetailAuth', httpStatus: 403 }) });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Refused: check the API key and the subscriber.')).toBeTruthy();
    expect(screen.getByText(/answered HTTP 403/)).toBeTruthy();
  });

  it('does not test with an invalid domain and points at the field', async () => {
    const runTest = vi.fn();
    await renderPage({ runTest });
    typeInto('PBX domain', 'ftp://pbx');
    typeInto('API key', 'k');
    typeInto('Your extension number or e-mail', '101');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Paste a bare domain, or an address starting with https:// or wss://.')).toBeTruthy();
    expect(runTest).not.toHaveBeenCalled();
  });

  it('shows connection health in words and copies a report with the API key redacted everywhere', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, urlTemplate: 'wss://{domain}/x?token={apiKey}&raw=1' };
    const health: Health = {
      ...INITIAL_HEALTH,
      state: 'stopped',
      stopReason: 'refused',
      reconnectCount: 4,
      framesAccepted: 12,
      framesRejected: 2,
      lastRejections: [{ at: 1_700_000_000_000, reason: 'not JSON' }],
      lastPbxError: { at: 1_700_000_000_000, message: `bad key ${SECRET}` },
      displayUrl: 'wss://qwerty.pbx.vega.ua/x?token=***',
    };
    fakeBrowser.storage.session.data[SESSION_KEYS.health] = health;
    let copied = '';
    await renderPage({ writeClipboard: async (text) => void (copied = text) });
    const panel = await screen.findByTestId('diagnostics');
    await waitFor(() => expect(panel.textContent).toContain('Stopped: the PBX rejected the connection with an error three times in a row: check the domain, the API key and the subscriber'));
    expect(panel.textContent).toContain('12 / 2');
    expect(panel.textContent).toContain('not JSON');
    expect(panel.textContent).toContain('wss://qwerty.pbx.vega.ua/x?token=***');

    typeInto('API key', 'typed-but-unsaved-key');
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Copied. The API key is hidden in the report.')).toBeTruthy();
    expect(copied).toContain('CallPop diagnostics');
    expect(copied).toContain('not JSON');
    expect(copied).toContain('token=***');
    expect(copied).toContain('bad key ***');
    expect(copied).not.toContain(SECRET);
    expect(copied).not.toContain(encodeURIComponent(SECRET));
    expect(copied).not.toContain('typed-but-unsaved-key');
  });

  it('says when and why keep-alive frames were given up, and offers to try them again (issue 21)', async () => {
    const health: Health = { ...INITIAL_HEALTH, state: 'connected', keepAlive: 'api-calls', keepAliveSince: 1_700_000_000_000, keepAliveReason: 'strict-pbx' };
    fakeBrowser.storage.session.data[SESSION_KEYS.health] = health;
    await renderPage();
    const panel = await screen.findByTestId('diagnostics');
    await waitFor(() => expect(panel.textContent).toContain('API calls (since'));
    expect(panel.textContent).toContain('the PBX closed the connection right after a keep-alive frame three times in a row');
    fireEvent.click(screen.getByRole('button', { name: 'Try keep-alive frames again' }));
    await waitFor(() => expect(fakeState.sentMessages).toContainEqual({ type: 'retry-keep-alive-frames' }));
  });

  it('after three failed attempts says the PBX cannot be reached, a wrong setting being one possible cause, with "Retry now"', async () => {
    fakeBrowser.storage.session.data[SESSION_KEYS.health] = { ...INITIAL_HEALTH, state: 'reconnecting', failedAttempts: 4, retryAt: Date.now() + 20_000 };
    await renderPage();
    const panel = await screen.findByTestId('diagnostics');
    await waitFor(() => expect(panel.textContent).toContain("can't reach the PBX after 4 attempts"));
    expect(panel.textContent).toContain('A wrong domain, API key or subscriber is one possible cause');
    fireEvent.click(screen.getByTestId('diagnostics-retry'));
    await waitFor(() => expect(fakeState.sentMessages).toContainEqual({ type: 'reconnect' }));
  });

  it('follows health updates from the background', async () => {
    await renderPage();
    const panel = await screen.findByTestId('diagnostics');
    expect(panel.textContent).toContain('The background has not reported yet.');
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.health]: { ...INITIAL_HEALTH, state: 'connected', connectedSince: 1_700_000_000_000 } });
    await waitFor(() => expect(panel.textContent).toContain('Connected'));
  });

  it('speaks Ukrainian when chosen, whatever the browser language', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...mine, language: 'uk' };
    const catalog = loadCatalog('uk');
    vi.stubGlobal('fetch', async (url: string) => {
      expect(url).toBe('chrome-extension://fake-extension-id/_locales/uk/messages.json');
      return { ok: true, json: async () => catalog };
    });
    try {
      render(<OptionsApp />);
      expect(await screen.findByRole('heading', { name: 'Налаштування CallPop' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Зберегти' })).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
