// Issue 20: what a Firefox agent sees in the notification itself, read from the alert windows
// Firefox draws (support/firefox-chrome.ts), what closing or clicking one does, and that a clear
// reaches an alert Firefox had not finished opening (src/background/clear-after-show.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './support/chromium';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { actOnAlert, alertWindows, consoleMessages, type AlertWindow } from './support/firefox-chrome';
import { framesProcessed, liveNotificationIds, readCallsState, readNotificationLog } from './support/extension-state';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { CALLER_KEY, CALLER_NAME, missedCall } from './support/call-back-frames';

const SCENARIOS = 'tests/fixtures/scenarios';
const GROUP_DIAL = readScenarioFile(`${SCENARIOS}/group-call.jsonl`)[0]!.frame;
const MISSED = readScenarioFile(`${SCENARIOS}/incoming-missed.jsonl`).map((line) => line.frame);
const ANSWERED = readScenarioFile(`${SCENARIOS}/incoming-answered.jsonl`).map((line) => line.frame);

/** Records every notifications.create the background makes, and whether the browser threw. */
async function spyOnCreate(ff: FirefoxExtension): Promise<void> {
  await ff.evalInWorker(async () => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const bg = (await api.runtime.getBackgroundPage()) as unknown as {
      browser: { notifications: { create(...args: unknown[]): Promise<string> } };
      __creates?: Array<{ options: Record<string, unknown>; threw: string | null }>;
    };
    const calls: Array<{ options: Record<string, unknown>; threw: string | null }> = (bg.__creates = []);
    const original = bg.browser.notifications.create.bind(bg.browser.notifications);
    bg.browser.notifications.create = (...args: unknown[]) => {
      const entry = { options: JSON.parse(JSON.stringify(args[1] ?? {})) as Record<string, unknown>, threw: null as string | null };
      calls.push(entry);
      try {
        return original(...args);
      } catch (error) {
        entry.threw = error instanceof Error ? error.message : String(error);
        throw error;
      }
    };
  }, null);
}

async function createsSeen(ff: FirefoxExtension): Promise<Array<{ options: Record<string, unknown>; threw: string | null }>> {
  return ff.evalInWorker(async () => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
    const bg = (await api.runtime.getBackgroundPage()) as unknown as { __creates?: Array<{ options: Record<string, unknown>; threw: string | null }> };
    return bg.__creates ?? [];
  }, null);
}

async function alertTitled(ff: FirefoxExtension, title: string): Promise<AlertWindow> {
  return waitFor(async () => (await alertWindows(ff)).find((a) => a.title === title), `an alert window titled ${title}`);
}

/**
 * The one alert window on screen, once every other has gone (a cleared one goes within a moment)
 * and it has been filled in: Firefox lists an alert window before its load handler has set the
 * title and text, and reading it then gives '' (seen once on a loaded CI machine).
 */
async function onlyAlert(ff: FirefoxExtension): Promise<AlertWindow> {
  let seen: AlertWindow[] = [];
  return waitFor(async () => {
    seen = await alertWindows(ff);
    return seen.length === 1 && seen[0]!.title !== '' ? seen[0] : undefined;
  }, 'exactly one alert window, filled in').catch((error: unknown) => {
    throw new Error(`${String(error)}; on screen: ${JSON.stringify(seen)}`);
  });
}

async function badgeText(ff: FirefoxExtension): Promise<string> {
  return ff.evalInWorker(async () => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}), null);
}

describe('Firefox notifications', () => {
  let sim: Simulator | undefined;
  let ff: FirefoxExtension | undefined;
  afterEach(async () => {
    await ff?.close();
    await sim?.stop();
  });

  async function start(): Promise<FirefoxExtension> {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox({ systemAccess: true });
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    return ff;
  }

  it('asks Firefox only for what it implements: no create that fails, no listener for onButtonClicked', async () => {
    const ff = await start();
    await spyOnCreate(ff);
    sim!.send(GROUP_DIAL);
    await alertTitled(ff, 'Ярослав Руденко');
    const creates = await createsSeen(ff);
    expect(creates.map((c) => c.threw)).toEqual([null]);
    for (const option of ['requireInteraction', 'buttons', 'silent']) expect(Object.keys(creates[0]!.options)).not.toContain(option);
    expect(await consoleMessages(ff, 'notifications.onButtonClicked')).toEqual([]);
  });

  it('shows company · number · line · group in the body, the line included', async () => {
    const ff = await start();
    sim!.send(GROUP_DIAL);
    const alert = await alertTitled(ff, 'Ярослав Руденко');
    expect(alert.body).toBe('ТОВ «Київбуд» · +380972223344 · Київ, основний · Sales');
  });

  it('keeps a long body within the 200 characters Firefox shows whole: the number and the line survive', async () => {
    const ff = await start();
    const frame = JSON.parse(GROUP_DIAL) as { uuid: string; otherLegs: Array<{ companyName: string }> };
    frame.uuid = '7d0c1e52-6a3b-4c8d-9e0f-112233445566';
    frame.otherLegs[0]!.companyName = 'Дуже довга назва компанії '.repeat(12).trim();
    sim!.send(JSON.stringify(frame));
    const alert = await alertTitled(ff, 'Ярослав Руденко');
    expect(alert.body.length).toBeLessThanOrEqual(200);
    expect(alert.body).toBe(alert.fullBody); // Firefox cut nothing (it keeps the uncut text as a tooltip)
    expect(alert.body).toMatch(/^Дуже довга назва компанії.*… · \+380972223344 · Київ, основний · Sales$/);
  });

  it('measures Firefox itself: a 200-character body shows whole, a 201-character one is cut', async () => {
    ff = await launchFirefox({ systemAccess: true });
    const firefox = ff;
    for (const length of [200, 201]) {
      await firefox.evalInWorker(
        async (n) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          await api.notifications.create(`measure-${n}`, { type: 'basic', iconUrl: api.runtime.getURL('icons/icon-128.png'), title: `measure ${n}`, message: 'x'.repeat(n) });
        },
        length,
      );
    }
    const whole = await alertTitled(firefox, 'measure 200');
    const cut = await alertTitled(firefox, 'measure 201');
    expect(whole.body).toBe('x'.repeat(200));
    expect(cut.body).toBe(`${'x'.repeat(200)}…`);
  });

  it("a repeat caller's pop: the line right after the number, the caller's story as the last line", async () => {
    const ff = await start();
    const start2 = Date.now() - 2 * 60_000;
    for (const frame of [...missedCall('ff-story-1', start2, CALLER_KEY), missedCall('ff-story-2', start2 + 60_000, CALLER_KEY)[0]!]) sim!.send(frame);
    await framesProcessed(ff, 3, waitFor);
    const pop = await waitFor(async () => (await alertWindows(ff)).find((a) => a.title === CALLER_NAME && !a.body.startsWith('Missed call')), 'the ringing pop');
    expect(pop.body).toMatch(/^ТОВ «Сонях» · \+380671234567 · Київ\n2nd call today · last missed \d{1,2}:\d{2}/);
  });

  it('answering says so in the pop, hanging up takes it away', async () => {
    const ff = await start();
    sim!.send(ANSWERED[0]!);
    const ringing = await onlyAlert(ff);
    expect(ringing.body).toBe('Рекламна агенція «Вітер» · +380671234567 · Київ, основний');
    sim!.send(ANSWERED[1]!);
    await waitFor(async () => ((await alertWindows(ff)).some((a) => a.body.startsWith('Answered · ')) ? true : undefined), 'the pop saying Answered');
    expect((await onlyAlert(ff)).body).toBe('Answered · Рекламна агенція «Вітер» · +380671234567 · Київ, основний');
    sim!.send(ANSWERED[2]!);
    await waitFor(async () => ((await alertWindows(ff)).length === 0 ? true : undefined), 'no alert after the hangup');
    expect(await liveNotificationIds(ff)).toEqual([]);
  });

  it('a call that rings and ends at once leaves only its missed-call alert: the ringing one is cleared too', async () => {
    const ff = await start();
    sim!.send(MISSED[0]!);
    sim!.send(MISSED[1]!); // the hangup lands before Firefox's ringing alert window has loaded
    await framesProcessed(ff, 2, waitFor);
    const alert = await onlyAlert(ff);
    expect(alert).toMatchObject({ title: 'Андрій Бондаренко', body: 'Missed call · ТОВ «Агроцентр» · +380501112233 · Київ, основний' });
    expect(await liveNotificationIds(ff)).toEqual(['missed:0f8e2b1c9d3a4e5f8a7b6c5d4e3f2a1b']);
  });

  it('a missed call closed in Firefox stays unseen; a click on another marks that one seen; the popup clears the rest', async () => {
    const ff = await start();
    sim!.send(MISSED[0]!);
    sim!.send(MISSED[1]!);
    await framesProcessed(ff, 2, waitFor);
    const missed = await onlyAlert(ff);
    expect(missed.body).toContain('+380501112233');
    const missedId = Object.keys((await readCallsState(ff)).shown).find((id) => id.startsWith('missed:'))!;
    expect(missedId).toBeDefined();

    await actOnAlert(ff, 'Андрій Бондаренко', 'close'); // the ✕: Firefox reports byUser, as for its own 20 s close
    await waitFor(async () => ((await alertWindows(ff)).length === 0 ? true : undefined), 'the alert window gone');
    await new Promise((r) => setTimeout(r, 500)); // onClosed reaches the background
    expect(await badgeText(ff)).toBe('1');
    const state = await readCallsState(ff);
    expect(state.history.filter((c) => c.unseen).map((c) => c.uuid)).toHaveLength(1);
    expect(Object.keys(state.shown)).toContain(missedId); // still there for the popup to clear

    // A second missed call (another conversation), clicked: that one is seen, the first is not.
    // Its CRM link points at the simulator: the click opens it, and a test never leaves loopback.
    const crm = `http://127.0.0.1:${sim!.port}/crm/41`;
    const second = MISSED.map((f) => f.replaceAll('0f8e2b1c9d3a4e5f8a7b6c5d4e3f2a1b', '5b6c7d8e9f0a4b1c8d2e3f4a5b6c7d8e').replaceAll('https://crm.example.com/contacts/41', crm));
    sim!.send(second[0]!);
    sim!.send(second[1]!);
    await framesProcessed(ff, 4, waitFor);
    expect((await onlyAlert(ff)).body).toMatch(/^Missed call · /);
    // The badge counts callers to call back (issue 18): the same caller twice is one.
    expect(await badgeText(ff)).toBe('1');
    const unseen = async () => (await readCallsState(ff)).history.filter((c) => c.unseen).length;
    expect(await unseen()).toBe(2);
    await actOnAlert(ff, 'Андрій Бондаренко', 'click');
    await waitFor(async () => ((await unseen()) === 1 ? true : undefined), 'the clicked missed call seen');
    const after = await readCallsState(ff);
    expect(after.history.filter((c) => c.unseen).map((c) => c.rootUuid)).toEqual(['0f8e2b1c9d3a4e5f8a7b6c5d4e3f2a1b']);

    // Opening the popup: everything seen, and the first notification cleared from wherever Firefox keeps it.
    const popup = await ff.openExtensionPage('src/popup/popup.html');
    await popup.waitForSelector('[data-testid="popup-root"]', { timeout: 15_000 });
    await waitFor(async () => ((await unseen()) === 0 ? true : undefined), 'every missed call seen once the popup opened');
    // The caller still waits for a call back: the badge keeps saying so until it is returned or done.
    expect(await badgeText(ff)).toBe('1');
    const cleared = (await readNotificationLog(ff)).filter((e) => e.op === 'clear').map((e) => e.id);
    expect(cleared).toContain(missedId);
  });
});
