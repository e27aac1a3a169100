// @vitest-environment happy-dom
// Issue 19 on the options page: the e-mail asked once when the policy derives the subscriber from
// it and the browser gives none, and "Export for IT" (the policy files, the key left out by default).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser, fakeState, resetFakeBrowser, setPolicy } from '../support/fake-browser';
import { OptionsApp } from '../../../src/options/options-app';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { LOCAL_KEYS } from '../../../src/storage/keys';
import { readEffectiveSettings } from '../../../src/storage/settings-store';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const SECRET = 'Sup3r+Secret@Key';
const ID = 'ljhgflfifeepjelglocijbabgoldhbol';

async function renderPage() {
  const view = render(<OptionsApp />);
  await screen.findByRole('heading', { name: 'CallPop settings' });
  return view;
}

const typeInto = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

beforeEach(() => resetFakeBrowser());
afterEach(() => cleanup());

describe('subscriber from the agent’s e-mail (no e-mail from the browser)', () => {
  it('asks for the e-mail once, says why, and the saved e-mail becomes the subscriber', async () => {
    await setPolicy({ domain: 'qwerty.pbx.vega.ua', apiKey: 'policy-key', subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@company.ua' });
    fakeState.reply = { ok: true, policyKey: true };
    await renderPage();
    expect(await screen.findByRole('heading', { name: 'Your work e-mail' })).toBeTruthy();
    expect(screen.getByText(/this browser does not tell CallPop the e-mail of its account/)).toBeTruthy();
    expect((screen.getByLabelText('Your extension number or e-mail') as HTMLInputElement).disabled).toBe(true);

    typeInto('Work e-mail', 'not an e-mail');
    fireEvent.click(screen.getByRole('button', { name: 'Save e-mail' }));
    expect(await screen.findByText('Enter an e-mail like name@company.ua.')).toBeTruthy();
    expect(fakeBrowser.storage.local.data[LOCAL_KEYS.agentEmail]).toBeUndefined();

    typeInto('Work e-mail', ' Olena.K@Gmail.com ');
    fireEvent.click(screen.getByRole('button', { name: 'Save e-mail' }));
    await waitFor(() => expect(fakeBrowser.storage.local.data[LOCAL_KEYS.agentEmail]).toBe('Olena.K@Gmail.com'));
    await waitFor(() => expect(fakeState.sentMessages).toContainEqual({ type: 'reconnect' }));
    // Asked once: the page now says where the subscriber comes from instead of asking.
    expect(await screen.findByText('Your subscriber comes from the e-mail you entered on this computer: Olena.K@Gmail.com.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Your extension number or e-mail') as HTMLInputElement).value).toBe('Olena.K@company.ua'));
    expect((await readEffectiveSettings()).settings.subscriber).toBe('Olena.K@company.ua');
  });

  it('in Chrome, "Use my browser account instead" asks for the optional permission and then uses the account e-mail', async () => {
    await setPolicy({ domain: 'qwerty.pbx.vega.ua', apiKey: 'policy-key', subscriberFrom: 'profileEmail' });
    fakeState.reply = { ok: true, policyKey: true };
    const asked: unknown[] = [];
    const granted = { value: false };
    const saved = { getManifest: fakeBrowser.runtime.getManifest };
    Object.assign(fakeBrowser.runtime, { getManifest: () => ({ ...saved.getManifest(), optional_permissions: ['identity', 'identity.email'] }) });
    Object.assign(fakeBrowser, {
      permissions: { ...fakeBrowser.permissions, request: async (p: unknown) => (asked.push(p), (granted.value = true)) },
      // Chrome answers an empty e-mail until identity.email is granted.
      identity: { getProfileUserInfo: async () => ({ email: granted.value ? 'olena.k@company.ua' : '', id: '1' }) },
    });
    try {
      await renderPage();
      fireEvent.click(await screen.findByRole('button', { name: 'Use my browser account instead' }));
      expect(await screen.findByText('Your subscriber comes from the e-mail of your browser account: olena.k@company.ua.')).toBeTruthy();
      expect(asked).toEqual([{ permissions: ['identity', 'identity.email'] }]);
      expect(fakeBrowser.storage.local.data[LOCAL_KEYS.agentEmail]).toBeUndefined();
      await waitFor(() => expect(fakeState.sentMessages).toContainEqual({ type: 'reconnect' }));
    } finally {
      Object.assign(fakeBrowser.runtime, saved);
      delete (fakeBrowser as { identity?: unknown }).identity;
      delete (fakeBrowser.permissions as { request?: unknown }).request;
    }
  });

  it('does not ask without the policy', async () => {
    await renderPage();
    expect(screen.queryByRole('heading', { name: 'Your work e-mail' })).toBeNull();
  });
});

describe('Export for IT', () => {
  const blobs = new Map<string, Blob>();
  beforeEach(() => {
    blobs.clear();
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  /** Opens the fold, which loads the export form on demand. */
  async function openExport() {
    const details = screen.getByTestId('export-for-it') as HTMLDetailsElement;
    expect(screen.queryByLabelText('Chrome and Edge extension id')).toBeNull();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await screen.findByLabelText('Chrome and Edge extension id');
  }

  async function exportFiles(): Promise<Map<string, string>> {
    fireEvent.click(screen.getByRole('button', { name: 'Make policy files' }));
    const list = await screen.findByTestId('export-files');
    const out = new Map<string, string>();
    for (const a of list.querySelectorAll('a')) out.set(a.getAttribute('download') ?? '', await blobs.get(a.getAttribute('href') ?? '')!.text());
    return out;
  }

  it('offers every platform’s file for the saved settings, without the key unless ticked', async () => {
    fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...DEFAULT_SETTINGS, domain: 'qwerty.pbx.vega.ua', apiKey: SECRET, subscriber: '101', language: 'uk' };
    await renderPage();
    await openExport();
    typeInto('Chrome and Edge extension id', ID);
    typeInto('Firefox package address', 'https://intranet.example/callpop.xpi');
    let files = await exportFiles();
    expect([...files.keys()].sort()).toEqual([
      'chrome-linux-callpop.json', 'chrome-macos.mobileconfig', 'chrome-windows-machine.reg', 'chrome-windows-user.reg',
      'edge-linux-callpop.json', 'edge-macos.mobileconfig', 'edge-windows-machine.reg', 'edge-windows-user.reg',
      'firefox-policies.json',
    ]);
    const linux = JSON.parse(files.get('chrome-linux-callpop.json')!) as { ExtensionInstallForcelist: string[]; '3rdparty': { extensions: Record<string, unknown> } };
    expect(linux.ExtensionInstallForcelist).toEqual([`${ID};https://clients2.google.com/service/update2/crx`]);
    expect(linux['3rdparty'].extensions[ID]).toEqual({ domain: 'qwerty.pbx.vega.ua', language: 'uk' });
    for (const [name, body] of files) {
      // The .reg files are UTF-16: look for the key's UTF-16 spelling too.
      expect(body, name).not.toContain(SECRET);
      expect(body.replace(/\0/g, ''), name).not.toContain(SECRET);
    }

    fireEvent.click(screen.getByTestId('export-include-key'));
    files = await exportFiles();
    expect(JSON.parse(files.get('firefox-policies.json')!)).toMatchObject({ policies: { '3rdparty': { Extensions: { 'callpop@callpop.example': { apiKey: SECRET } } } } });
  });

  it('says which field is wrong and makes nothing', async () => {
    await renderPage();
    await openExport();
    typeInto('Chrome and Edge extension id', 'not-an-id');
    fireEvent.click(screen.getByRole('button', { name: 'Make policy files' }));
    expect(await screen.findByText('An extension id is 32 letters from a to p.')).toBeTruthy();
    expect(screen.getByText('Enter an address starting with https:// or http://.')).toBeTruthy();
    expect(screen.queryByTestId('export-files')).toBeNull();
  });
});

describe('a policy value CallPop cannot use', () => {
  it('is named on the options page, with the key only the background can judge, for the agent to pass to IT', async () => {
    await setPolicy({ domain: 'qwerty.pbx.vega.ua', crmAllowList: ['not an origin'], subscriberTemplate: '{local}@company.ua' });
    // The page never reads the policy's key: the background says whether it is usable.
    fakeState.reply = { ok: true, policyKey: false, policyKeyIgnored: true };
    await renderPage();
    const note = await screen.findByTestId('policy-ignored');
    expect(note.textContent).toContain("Part of your administrator's policy is not in force");
    expect(note.textContent).toContain('CallPop cannot use what the policy sets for: crmAllowList, subscriberTemplate, apiKey.');
    // The domain it could use is in force and locked.
    expect((screen.getByLabelText('PBX domain') as HTMLInputElement).disabled).toBe(true);
  });

  it('says nothing when every policy value is in force', async () => {
    await setPolicy({ domain: 'qwerty.pbx.vega.ua' });
    fakeState.reply = { ok: true, policyKey: false, policyKeyIgnored: false };
    await renderPage();
    expect(screen.queryByTestId('policy-ignored')).toBeNull();
  });
});
