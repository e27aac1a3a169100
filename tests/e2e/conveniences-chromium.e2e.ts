// Issue 11: agent conveniences in a real Chromium with the built extension and the simulator —
// do-not-disturb from the popup, CSV export, the "open caller in CRM" shortcut, the ring sound.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCatalog } from '../../tools/i18n/load-catalog';
import { waitFor, type ChromiumExtension } from './support/chromium';
import { CRM_ORIGIN, extensionTest } from './support/extension-test';
import { configureExtension, setLocal, settingsFor } from './support/extension-setup';
import { allCalls, readCallsState, readHealth, readNotificationLog, liveNotificationIds, readStorage } from './support/extension-state';
import type { Simulator } from '../../tools/simulator/simulator';
import { buttonsShown, pressNotificationButton, readClipboard } from './support/notification-buttons';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';

const TUNING_KEY = 'callpop.testTuning';
const DND_KEY = 'callpop.dnd';

const en = loadCatalog('en');
const msg = (key: string) => en[key]!.message;

let uuidCounter = 0;
/** A fresh incoming call from a Ukrainian caller known to the CRM, with PBX times of now. */
function newCall(name = 'Олена Кравченко') {
  const uuid = `conv-${Date.now()}-${++uuidCounter}`;
  const dialAt = Date.now();
  const frame = (event: 'call.dial' | 'call.bridge' | 'call.hangup', bridgeAt: number | null = null) =>
    JSON.stringify({
      event,
      uuid,
      parentUuid: null,
      lgDirection: 4,
      leg: { id: 1001, type: 1, displayName: 'Іван Петренко', ext: '101' },
      leg2: null,
      otherLegs: [{ id: '29', name, num: '+380671234567', companyName: 'Рекламна агенція «Вітер»', url: `${CRM_ORIGIN}/contacts/${uuid}`, priority: 1 }],
      dialAt,
      bridgeAt,
      serverTime: Date.now(),
      trunkNum: '443334455',
      trunkName: 'Київ, основний',
    });
  return { uuid, url: `${CRM_ORIGIN}/contacts/${uuid}`, dial: () => frame('call.dial'), bridge: () => frame('call.bridge', dialAt + 1000), hangup: (answered: boolean) => frame('call.hangup', answered ? dialAt + 1000 : null) };
}

const test = extensionTest({ scope: 'file', routeCrm: true });

describe('agent conveniences in Chromium', () => {
  let sim: Simulator;
  let ext: ChromiumExtension;
  let framesSent = 0;

  // One simulator and one configured browser for the whole file (support/extension-test.ts).
  test.beforeAll(({ sim: started, connected }) => {
    sim = started;
    ext = connected;
  });
  beforeEach(async () => {
    await ext.evalInWorker((key) => chrome.storage.local.remove(key), DND_KEY);
    await waitFor(async () => ((await badgeText()) !== 'DND' ? true : undefined), 'DND off on the badge');
  });

  /** Sends one frame and waits until the background has processed it. */
  async function send(frame: string): Promise<void> {
    sim.send(frame);
    framesSent += 1;
    await waitFor(async () => {
      const health = await readHealth(ext);
      return health && health.framesAccepted + health.framesRejected >= framesSent ? true : undefined;
    }, `${framesSent} frames processed`, 30_000);
  }

  const badgeText = () => ext.evalInWorker(() => chrome.action.getBadgeText({}), null);
  const offscreenDocuments = () =>
    ext.evalInWorker(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length, null);

  async function openPopup(): Promise<Page> {
    const page = await ext.openExtensionPage('src/popup/popup.html');
    await page.locator('[data-testid="popup-root"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    return page;
  }

  it('do not disturb from the popup: a ringing call pops nothing but is tracked, the missed call is counted, the badge says DND', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: msg('popupDndIndefinite'), exact: true }).click();
    await waitFor(async () => ((await badgeText()) === 'DND' ? true : undefined), 'DND on the badge', 30_000);
    expect(await readStorage(ext, 'local', DND_KEY)).toEqual({ until: null });
    await expect.poll(() => popup.getByTestId('dnd').textContent()).toContain(msg('popupDndOnIndefinite'));
    await popup.close(); // an open popup marks missed calls seen

    const call = newCall();
    await send(call.dial());
    const state = await readCallsState(ext);
    expect(state.active[call.uuid]?.status).toBe('ringing');
    expect(await liveNotificationIds(ext)).toEqual([]);
    expect(await badgeText()).toBe('DND');

    await send(call.hangup(false));
    const ended = allCalls(await readCallsState(ext)).find((c) => c.uuid === call.uuid);
    expect(ended?.outcome).toBe('missed');
    expect(ended?.unseen).toBe(true);
    expect(await liveNotificationIds(ext)).toEqual([]);
    const log = await readNotificationLog(ext);
    expect(log.filter((entry) => entry.id.endsWith(call.uuid) && entry.op !== 'clear')).toEqual([]);

    // Turned off: the badge counts again (the popup just marked the missed call seen, so it is no longer 'DND').
    const again = await openPopup();
    await again.getByRole('button', { name: msg('popupDndOff'), exact: true }).click();
    await waitFor(async () => ((await badgeText()) !== 'DND' ? true : undefined), 'DND off on the badge', 30_000);
    expect(await readStorage(ext, 'local', DND_KEY)).toBeUndefined();

    // And with DND off the next call pops as usual.
    const next = newCall('Андрій Бондаренко');
    await send(next.dial());
    await waitFor(async () => ((await liveNotificationIds(ext)).includes(`call:${next.uuid}`) ? true : undefined), 'the next call pops');
    await send(next.hangup(true));
    await again.close();
  });

  it('"for 1 hour" ends by itself: an alarm is set for the end time', async () => {
    const popup = await openPopup();
    const before = Date.now();
    await popup.getByRole('button', { name: msg('popupDndHour'), exact: true }).click();
    await waitFor(async () => ((await badgeText()) === 'DND' ? true : undefined), 'DND on the badge', 30_000);
    const stored = (await readStorage(ext, 'local', DND_KEY)) as { until: number };
    expect(stored.until).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(stored.until).toBeLessThanOrEqual(Date.now() + 3_600_000);
    const alarm = await waitFor(() => ext.evalInWorker(async () => (await chrome.alarms.get('callpop-dnd-end')) ?? undefined, null), 'the DND end alarm');
    expect(Math.abs(alarm.scheduledTime - stored.until)).toBeLessThan(1_000);
    await popup.close();
  });

  it('exports the history from the popup as CSV with a BOM, the header and Ukrainian names intact', async () => {
    const call = newCall('Олена Кравченко');
    await send(call.dial());
    await send(call.bridge());
    await send(call.hangup(true));
    const popup = await openPopup();
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 30_000 }), popup.getByRole('button', { name: msg('popupExportCsv'), exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^callpop-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('time,direction,outcome,duration,name,company,number,crm_link,note');
    const row = lines.find((line) => line.includes(call.url));
    expect(row).toContain('Олена Кравченко');
    expect(row).toContain(',incoming,answered,');
    expect(row).toContain(',+380671234567,'); // a phone number is not "neutralized" into '+380…
    await popup.close();
  });

  it('the "open caller" shortcut opens the ringing caller in the CRM; the options page lists the shortcuts', async () => {
    // The test hook refuses to run until the test tuning allows it.
    const refused = await ext.evalInWorker(async () => {
      const hooks = (globalThis as unknown as { __callpopTest: { command(name: string): Promise<string> } }).__callpopTest;
      return hooks.command('open-caller-crm').then(
        () => 'ran',
        (error: unknown) => String(error),
      );
    }, null);
    expect(refused).toContain('exposeHandlers');
    await setLocal(ext, TUNING_KEY, { exposeHandlers: true });

    const call = newCall('Петро Гнатюк');
    await send(call.dial());
    const result = await ext.evalInWorker(async () => {
      const hooks = (globalThis as unknown as { __callpopTest: { command(name: string): Promise<string> } }).__callpopTest;
      return hooks.command('open-caller-crm');
    }, null);
    expect(result).toBe('opened');
    await waitFor(() => (ext.context.pages().some((p) => p.url() === call.url) ? true : undefined), `a tab at ${call.url}`, 30_000);
    await send(call.hangup(true));

    // The shortcuts the browser registered, as the options page shows them.
    const commands = await ext.evalInWorker(() => chrome.commands.getAll(), null);
    const openCaller = commands.find((c) => c.name === 'open-caller-crm');
    expect(openCaller?.description).toBe(msg('commandOpenCallerCrm'));
    expect(commands.some((c) => c.name === '_execute_action')).toBe(true);
    const options = await ext.openExtensionPage('src/options/options.html');
    const section = options.getByTestId('shortcuts');
    await expect.poll(() => section.textContent(), { timeout: 30_000 }).toContain(msg('commandOpenCallerCrm'));
    const text = (await section.textContent()) ?? '';
    expect(text).toContain(msg('optionsShortcutOpenPopup'));
    for (const c of commands) expect(text).toContain(c.shortcut || msg('optionsShortcutNotSet'));
    await options.close();
  });

  it('rings while an incoming call rings (offscreen document), copies the number from the pop-up without stopping the ring, stops on answer, and stays silent under DND', async () => {
    await configureExtension(ext, settingsFor(sim, { notifications: { ...DEFAULT_SETTINGS.notifications, ringSound: true } }));
    try {
      const call = newCall();
      await send(call.dial());
      await waitFor(async () => ((await offscreenDocuments()) === 1 ? true : undefined), 'the ring sound document', 30_000);
      // "Copy number" while it rings: the copy borrows the ringing document and leaves it ringing.
      await setLocal(ext, TUNING_KEY, { exposeHandlers: true });
      expect(await buttonsShown(ext, `call:${call.uuid}`)).toEqual(['open-crm', 'copy-number']);
      await pressNotificationButton(ext, `call:${call.uuid}`, 1);
      expect(await readClipboard(ext, `http://127.0.0.1:${sim.port}`)).toBe('+380671234567');
      expect(await offscreenDocuments()).toBe(1);
      await send(call.bridge());
      await waitFor(async () => ((await offscreenDocuments()) === 0 ? true : undefined), 'the ring to stop on answer', 30_000);
      await send(call.hangup(true));

      await setLocal(ext, DND_KEY, { until: null });
      await waitFor(async () => ((await badgeText()) === 'DND' ? true : undefined), 'DND on the badge', 30_000);
      const quiet = newCall();
      await send(quiet.dial());
      expect((await readCallsState(ext)).active[quiet.uuid]?.status).toBe('ringing');
      expect(await offscreenDocuments()).toBe(0);
      await send(quiet.hangup(false));
    } finally {
      await configureExtension(ext, settingsFor(sim));
    }
  });
});
