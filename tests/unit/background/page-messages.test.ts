// Messages from the extension's own pages, through the listener background.ts registers: only our
// pages are heard, every message is validated, and each one changes what the agent sees.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, fakeState, resetFakeBrowser } from '../support/fake-browser';
import { openedSockets } from '../support/fake-socket';
import { LOCAL_KEYS } from '../../../src/storage/keys';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { dialFrame, hangupFrame } from '../protocol/frame-builders';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/socket-factory', async () => (await import('../support/fake-socket')).fakeSocketFactory);

const POPUP = { id: 'fake-extension-id', url: 'chrome-extension://fake-extension-id/src/popup/popup.html' };
const CRM_URL = 'https://crm.example.com/contacts/29';

/** What the page gets back; undefined when the background did not answer at all. */
async function send(message: unknown, sender: { id?: string; url?: string } = POPUP): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return reply;
}

const missedShown = () => Object.keys(fakeState.notifications).filter((id) => id.startsWith('missed:'));
const history = () => fakeBrowser.storage.local.data[LOCAL_KEYS.history] as unknown[] | undefined;

beforeAll(async () => {
  // Resolve both mocks before any reset, so they hold the instances imported above.
  await import('../../../src/platform/browser-api');
  await import('../../../src/background/socket-factory');
});

/** A worker wakes (background.ts registers its listeners) and the PBX reports one missed call. */
beforeEach(async () => {
  vi.resetModules();
  resetFakeBrowser();
  openedSockets.length = 0;
  fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = {
    ...DEFAULT_SETTINGS,
    domain: 'pbx.example.com',
    apiKey: 'Secret-Key-42',
    subscriber: '911',
    crmAllowList: ['https://crm.example.com'],
  };
  await import('../../../src/background/background');
  await vi.waitFor(() => expect(openedSockets).toHaveLength(1));
  const socket = openedSockets[0]!;
  socket.serverOpens();
  socket.serverSends(dialFrame());
  socket.serverSends(hangupFrame({ bridgeAt: null })); // unanswered: missed
  await vi.waitFor(() => expect(missedShown()).toHaveLength(1));
  await vi.waitFor(() => expect(history()).toHaveLength(1));
});

describe('page messages', () => {
  it('"mark-missed-seen" takes the missed-call pop-up away and marks the call seen', async () => {
    expect(await send({ type: 'mark-missed-seen' })).toEqual({ ok: true });
    expect(missedShown()).toEqual([]);
    expect(history()).toEqual([expect.objectContaining({ uuid: 'call-1', unseen: false })]);
  });

  it('"clear-history" empties the saved history', async () => {
    expect(await send({ type: 'clear-history' })).toEqual({ ok: true });
    expect(history()).toEqual([]);
  });

  it('"open-crm" opens an allowed link and refuses a javascript: or foreign one', async () => {
    expect(await send({ type: 'open-crm', url: 'javascript://crm.example.com/%0aalert(1)', call: null })).toEqual({ ok: false, error: 'invalid-link' });
    expect(await send({ type: 'open-crm', url: 'https://evil.example/', call: null })).toEqual({ ok: false, error: 'invalid-link' });
    expect(fakeState.tabs).toEqual([]);
    expect(await send({ type: 'open-crm', url: CRM_URL, call: 'call-1' })).toEqual({ ok: true });
    expect(fakeState.tabs.map((tab) => tab.url)).toEqual([CRM_URL]);
  });

  it('"reconnect" opens a new socket at once after the PBX closed the old one', async () => {
    openedSockets[0]!.serverCloses(1006);
    expect(await send({ type: 'reconnect' })).toEqual({ ok: true });
    expect(openedSockets.length).toBeGreaterThanOrEqual(2);
  });

  it('answers a malformed message with an error and changes nothing', async () => {
    expect(await send({ type: 'clear-history', extra: 1 })).toEqual({ ok: true }); // extra keys are dropped by zod
    expect(await send({ type: 'drop-tables' })).toEqual({ ok: false, error: 'unknown message' });
    expect(await send({ type: 'open-crm', url: 42, call: null })).toEqual({ ok: false, error: 'unknown message' });
    expect(fakeState.tabs).toEqual([]);
  });

  it('ignores a web page and another extension', async () => {
    expect(await send({ type: 'clear-history' }, { id: 'fake-extension-id', url: 'https://evil.example/page' })).toBeUndefined();
    expect(await send({ type: 'clear-history' }, { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' })).toBeUndefined();
    expect(await send({ type: 'clear-history' }, { id: 'fake-extension-id' })).toBeUndefined();
    // Each check holds on its own: our page's URL with another sender id is not enough either.
    expect(await send({ type: 'clear-history' }, { id: 'other-extension', url: POPUP.url })).toBeUndefined();
    expect(history()).toHaveLength(1);
  });
});
