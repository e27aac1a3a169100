// Issue 20: in Firefox a ringing call that ends before its alert window has loaded must not leave
// that window on screen beside the missed-call one (the close of an early clear is lost there).
// The whole background (background.ts's listeners) runs on the fake browser with Firefox's
// notifications (support/fake-firefox-alerts.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser';
import { openedSockets } from '../support/fake-socket';
import { useFirefoxNotifications, type FirefoxAlerts } from '../support/fake-firefox-alerts';
import { LOCAL_KEYS } from '../../../src/storage/keys';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { SHOW_WAIT_LIMIT_MS } from '../../../src/background/clear-after-show';
import { dialFrame, hangupFrame } from '../protocol/frame-builders';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/socket-factory', async () => (await import('../support/fake-socket')).fakeSocketFactory);

const original = fakeBrowser.notifications;
let firefox: FirefoxAlerts;

const onScreen = () => firefox.onScreen().map((w) => w.id.split(':')[0]);

beforeAll(async () => {
  // Resolve both mocks before any reset, so they hold the instances imported above.
  await import('../../../src/platform/browser-api');
  await import('../../../src/background/socket-factory');
});

/** A Firefox event page wakes (background.ts registers its listeners) with the PBX connected. */
beforeEach(async () => {
  vi.resetModules();
  resetFakeBrowser();
  firefox = useFirefoxNotifications();
  openedSockets.length = 0;
  fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = { ...DEFAULT_SETTINGS, domain: 'pbx.example.com', apiKey: 'Secret-Key-42', subscriber: '911' };
  await import('../../../src/background/background');
  await vi.waitFor(() => expect(openedSockets).toHaveLength(1));
  openedSockets[0]!.serverOpens();
});

afterEach(() => {
  vi.useRealTimers();
  (fakeBrowser as { notifications: unknown }).notifications = original;
});

describe('a clear in Firefox', () => {
  it('a call that rings and ends before its alert has loaded leaves only the missed-call alert on screen', async () => {
    openedSockets[0]!.serverSends(dialFrame());
    openedSockets[0]!.serverSends(hangupFrame({ bridgeAt: null }));
    await vi.waitFor(() => expect(firefox.onScreen().map((w) => w.id)).toContain('missed:call-1'));
    await firefox.loadWindows();
    await vi.waitFor(() => expect(onScreen()).toEqual(['missed']));
    expect(firefox.listed()).toEqual(['missed:call-1']);
  });

  it('a ringing alert already on screen goes at once when the call ends', async () => {
    openedSockets[0]!.serverSends(dialFrame());
    await vi.waitFor(() => expect(onScreen()).toEqual(['call']));
    await firefox.loadWindows();
    openedSockets[0]!.serverSends(hangupFrame({ bridgeAt: null }));
    await vi.waitFor(() => expect(onScreen()).toEqual(['missed']));
  });

  it('clears anyway when the show is never reported', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { applyNotificationOp } = await import('../../../src/background/notifications-adapter');
    const op = { id: 'call:x', call: 'x', kind: 'incoming' as const, title: 'A', message: 'B', context: '', url: null };
    await applyNotificationOp({ ...op, op: 'create' }, (key) => key);
    await applyNotificationOp({ ...op, op: 'clear' }, (key) => key);
    expect(firefox.listed()).toContain('call:x'); // held for the show
    await vi.advanceTimersByTimeAsync(SHOW_WAIT_LIMIT_MS);
    expect(firefox.listed()).not.toContain('call:x');
  });
});
