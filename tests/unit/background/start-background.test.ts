// The background's wiring on the in-memory fake browser: settings reach the connection, a frame
// becomes saved state and then pop-ups and tabs, the API key never shows. Each test boots a fresh
// worker (fresh modules: the adapters keep per-worker memory, as a real worker does). The fakes
// themselves are imported once: vi.mock keeps the first instance across vi.resetModules().
import { describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fake-browser';
import { openedSockets as sockets } from '../support/fake-socket';
import { API_KEY, settingsWith, useWorker } from '../support/worker';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { dialFrame, hangupFrame } from '../protocol/frame-builders';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/socket-factory', async () => (await import('../support/fake-socket')).fakeSocketFactory);

const CRM_URL = 'https://crm.example.com/contacts/29';

const worker = useWorker();
const { boot, pbxSends } = worker;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('settings → connection', () => {
  it('connects to the URL the settings give, and nowhere while they are incomplete', async () => {
    await boot(null);
    expect(sockets).toHaveLength(0);
    expect(worker.bg?.health().state).toBe('not-configured');

    await fake.fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: settingsWith() });
    await flush();
    // (the wiring listens through background.ts; here the worker's handler is called as it would)
    await worker.bg?.onStorageChanged({ [LOCAL_KEYS.settings]: {} }, 'local');
    expect(sockets).toHaveLength(1);
    const url = new URL(sockets[0]!.url);
    expect(url.protocol).toBe('wss:');
    expect(url.host).toBe('pbx.example.com');
    expect(url.searchParams.get('apiKey')).toBe(API_KEY);
    expect(url.searchParams.get('subscriber')).toBe('911');
  });

  it('a changed subscriber closes the old socket before the new one opens', async () => {
    await boot();
    const first = sockets[0]!;
    first.serverOpens();
    await fake.fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: settingsWith({ subscriber: '202' }) });
    await worker.bg?.onStorageChanged({ [LOCAL_KEYS.settings]: {} }, 'local');
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    expect(first.closedWith).not.toBeNull();
    expect(new URL(sockets[1]!.url).searchParams.get('subscriber')).toBe('202');
  });

  it('subscriberFrom: the e-mail the agent saves, then the browser account once its permission is granted, become the subscriber', async () => {
    await fake.setPolicy({ domain: 'pbx.example.com', apiKey: API_KEY, subscriberFrom: 'profileEmail', subscriberTemplate: '{local}@company.ua' });
    await boot(null);
    expect(sockets).toHaveLength(0);

    await fake.fakeBrowser.storage.local.set({ [LOCAL_KEYS.agentEmail]: 'olena@gmail.com' });
    await worker.bg?.onStorageChanged({ [LOCAL_KEYS.agentEmail]: {} }, 'local');
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    expect(new URL(sockets[0]!.url).searchParams.get('subscriber')).toBe('olena@company.ua');

    // "identity.email" granted on the options page: Chrome now gives the account's e-mail.
    Object.assign(fake.fakeBrowser, { identity: { getProfileUserInfo: async () => ({ email: 'o.koval@gmail.com', id: '1' }) } });
    try {
      await worker.bg?.onPermissionsChanged();
      await vi.waitFor(() => expect(sockets).toHaveLength(2));
      expect(new URL(sockets[1]!.url).searchParams.get('subscriber')).toBe('o.koval@company.ua');
    } finally {
      delete (fake.fakeBrowser as { identity?: unknown }).identity;
    }
  });

  it('the watchdog asking to connect while connected opens no second socket', async () => {
    await boot();
    sockets[0]!.serverOpens();
    worker.bg?.ensureConnected();
    worker.bg?.ensureConnected();
    expect(sockets).toHaveLength(1);
  });

  it('a frame that arrives late on the replaced socket is ignored', async () => {
    await boot();
    const old = sockets[0]!;
    old.serverOpens();
    await fake.fakeBrowser.storage.local.set({ [LOCAL_KEYS.settings]: settingsWith({ subscriber: '202' }) });
    await worker.bg?.onStorageChanged({ [LOCAL_KEYS.settings]: {} }, 'local');
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    old.serverSends(dialFrame()); // the old subscriber's call, after the switch
    await worker.bg?.pipeline.idle();
    expect(fake.fakeState.notifications).toEqual({});
    expect(worker.bg?.health().framesAccepted).toBe(0);
  });

  it('shows the URL in use with the API key redacted, in memory and in saved health', async () => {
    await boot();
    const shown = worker.bg?.health().displayUrl ?? '';
    expect(shown).toContain('pbx.example.com');
    expect(shown).toContain('subscriber=911');
    expect(shown).not.toContain(API_KEY);
    expect(new URL(shown).searchParams.get('apiKey')).toBe('***');
    await vi.waitFor(() => expect(fake.fakeBrowser.storage.session.data[SESSION_KEYS.health]).toBeDefined());
    expect(JSON.stringify(fake.fakeBrowser.storage.session.data)).not.toContain(API_KEY);
  });
});

describe('frame → state saved → effects', () => {
  it('saves what it shows before it pops (and the ringing call with it), and counts the frame once its pop-up is out', async () => {
    await boot();
    await pbxSends(dialFrame());
    const ids = Object.keys(fake.fakeState.notifications);
    expect(ids).toHaveLength(1);
    expect(fake.fakeState.notifications[ids[0]!]?.title).toContain('Олена Коваль');
    // The shown record is the durable proof against a second pop: it is written before the pop-up.
    const saved = fake.fakeState.log.indexOf(`set session ${SESSION_KEYS.shown}`);
    const popped = fake.fakeState.log.indexOf(`notify ${ids[0]}`);
    expect(saved).toBeGreaterThanOrEqual(0);
    expect(saved).toBeLessThan(popped);
    const stored = fake.fakeBrowser.storage.session.data[SESSION_KEYS.callState] as { active: Record<string, unknown> };
    expect(Object.keys(stored.active)).toEqual(['call-1']);
    expect(worker.bg?.health().framesAccepted).toBe(1);
    expect(fake.fakeState.badge.text).not.toBe('');
  });

  it("a ring's notifications.create goes to the browser before the rest of the state is written", async () => {
    await boot();
    await pbxSends(dialFrame());
    const id = Object.keys(fake.fakeState.notifications)[0];
    const saved = fake.fakeState.log.indexOf(`set session ${SESSION_KEYS.shown}`);
    // The live state's write waits for the pop-up: the browser handles an extension's calls in
    // order, so a write sent before or beside the create holds it back (docs/performance.md).
    const after = fake.fakeState.log.slice(saved);
    expect(after.indexOf(`set session ${SESSION_KEYS.callState}`)).toBeGreaterThan(after.indexOf(`notify ${id}`));
    expect(after.indexOf(`notify ${id}`)).toBeGreaterThan(0);
  });

  it('counts a rejected frame with its reason, and pops nothing for it', async () => {
    await boot();
    await pbxSends('{"event":"call.dial"}');
    const health = worker.bg?.health();
    expect(health).toMatchObject({ framesAccepted: 0, framesRejected: 1 });
    expect(health?.lastRejections.at(-1)?.reason).toMatch(/uuid/);
    expect(fake.fakeState.notifications).toEqual({});
  });

  it('a restarted worker does not pop the same call again', async () => {
    await boot();
    await pbxSends(dialFrame());
    const shownBefore = fake.fakeState.log.filter((entry) => entry.startsWith('notify')).length;
    worker.bg?.connection.configure(null);
    // The worker stops: modules and memory go, storage stays.
    vi.resetModules();
    fake.fakeState.log = [];
    await boot(null);
    await pbxSends(dialFrame()); // the PBX replays the ringing call after the reconnect
    expect(shownBefore).toBe(1);
    expect(fake.fakeState.log.filter((entry) => entry.startsWith('notify'))).toEqual([]);
    // Saved health survives the worker: the replay was handled (counted), and popped nothing.
    expect(worker.bg?.health().framesAccepted).toBe(2);
  });

  it('a hangup without answer ends the call in the saved history', async () => {
    await boot();
    await pbxSends(dialFrame(), hangupFrame());
    const history = fake.fakeBrowser.storage.local.data[LOCAL_KEYS.history] as Array<{ uuid: string }>;
    expect(history.map((call) => call.uuid)).toEqual(['call-1']);
  });
});

describe('CRM tab opening', () => {
  const autoOpen = (crmAllowList: string[]) => settingsWith({ crmAllowList, notifications: { ...DEFAULT_SETTINGS.notifications, autoOpen: 'ring' } });

  it('opens the caller card as the call rings when no allow-list is set', async () => {
    await boot(autoOpen([]));
    await pbxSends(dialFrame());
    expect(fake.fakeState.tabs.map((tab) => tab.url)).toEqual([CRM_URL]);
  });

  it('opens it when its origin is on the allow-list', async () => {
    await boot(autoOpen(['https://crm.example.com']));
    await pbxSends(dialFrame());
    expect(fake.fakeState.tabs.map((tab) => tab.url)).toEqual([CRM_URL]);
  });

  it('opens nothing when its origin is not on the allow-list', async () => {
    await boot(autoOpen(['https://other-crm.example.com']));
    await pbxSends(dialFrame());
    expect(Object.keys(fake.fakeState.notifications)).toHaveLength(1); // the call was handled…
    expect(fake.fakeState.tabs).toEqual([]); // …and its card not opened
  });

  it('a page asking for a link off the allow-list is refused; the same link twice focuses one tab', async () => {
    await boot(settingsWith({ crmAllowList: ['https://crm.example.com'] }));
    expect(await worker.bg?.openCrm('https://evil.example/', true)).toBe('refused');
    expect(await worker.bg?.openCrm(CRM_URL, true)).toBe('opened');
    expect(await worker.bg?.openCrm(CRM_URL, true)).toBe('focused');
    expect(fake.fakeState.tabs.map((tab) => tab.url)).toEqual([CRM_URL]);
    expect(fake.fakeState.focusedWindows).toEqual([1]);
  });
});
