// Issue 20: what a Firefox agent sees in the notification itself, read from the alert windows
// Firefox draws (support/firefox-chrome.ts), and what closing or clicking one does.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './support/chromium';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { alertWindows, consoleMessages, type AlertWindow } from './support/firefox-chrome';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';

const SCENARIOS = 'tests/fixtures/scenarios';
const GROUP_DIAL = readScenarioFile(`${SCENARIOS}/group-call.jsonl`)[0]!.frame;

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
});
