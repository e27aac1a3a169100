// Issue 10: call back, calling a number from a page, and catching up after a gap, in a real
// Chromium against the simulator's REST endpoints. One browser for the file: the steps build on
// each other (no permission → granted → used → PBX answers otherwise than documented).
//
// Granting host access: headless Chromium cannot click the permission prompt that
// permissions.request() opens. chrome://extensions' own "Site access" control
// (developerPrivate.addHostPermission, what a user does on the extension's details page)
// records the origin as user-granted; after that the extension's own "Allow calling through
// the PBX" button, clicked for real (a user gesture), resolves without a prompt. So the test
// drives the same button an agent clicks, and proves that without it nothing reaches the PBX.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { grantSiteAccess } from './support/host-access';
import { waitFor, type ChromiumExtension } from './support/chromium';
import { extensionTest } from './support/extension-test';
import { AGENT_EXT } from './support/extension-setup';
import { allCalls, liveNotificationIds, readCallsState, readHealth, readNotificationLog, readStorage } from './support/extension-state';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { buttonsShown, pressNotificationButton, readClipboard } from './support/notification-buttons';

const MISSED = 'tests/fixtures/scenarios/incoming-missed.jsonl';
const PATTERN = 'http://127.0.0.1/*';

const test = extensionTest({ scope: 'file', tuning: { exposeHandlers: true } });

describe('REST features in Chromium', () => {
  let sim: Simulator;
  let ext: ChromiumExtension;
  let popup: Page | null = null;

  // One simulator and one configured browser for the whole file (support/extension-test.ts).
  test.beforeAll(({ sim: started, connected }) => {
    sim = started;
    ext = connected;
  });

  const hasPermission = () => ext.evalInWorker((pattern) => chrome.permissions.contains({ origins: [pattern] }), PATTERN);
  const contextMenuClick = (info: { menuItemId: string; selectionText?: string; linkUrl?: string }) =>
    ext.evalInWorker(async (arg) => {
      const hooks = (globalThis as unknown as { __callpopTest: Record<string, (i: unknown) => Promise<unknown>> }).__callpopTest;
      return hooks.contextMenuClick!(arg) as Promise<{ ok: boolean; number: string | null; error?: string; asked?: boolean }>;
    }, info);
  /**
   * The menu click, then the agent's "Call" in the confirmation window it opens (issue 16.4:
   * a number from a page is never dialled without it). Resolves to what the window reports.
   */
  const dialViaMenu = async (info: { menuItemId: string; selectionText?: string; linkUrl?: string }) => {
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/dial/confirm-dial.html'), timeout: 15_000 });
    const asked = await contextMenuClick(info);
    if (!asked.ok) {
      void opened.catch(() => undefined);
      return asked;
    }
    const confirm = await opened;
    await confirm.getByTestId('dial-call').click();
    const outcome = await confirm.waitForFunction(() => document.querySelector('[data-testid="dial-status"]')?.getAttribute('data-outcome')).then((h) => h.jsonValue());
    return outcome === 'ok' ? { ok: true, number: asked.number } : { ok: false, number: asked.number, error: String(outcome) };
  };
  /** A missed call the extension has not seen: the shipped scenario under a new call id. */
  const playMissedCall = async (uuid: string) => {
    const original = readScenarioFile(MISSED);
    const first = JSON.parse(original[0]!.frame) as { uuid: string };
    for (const line of original) sim.send(line.frame.replaceAll(first.uuid, uuid));
    const id = `missed:${uuid}`;
    await waitFor(async () => ((await liveNotificationIds(ext)).includes(id) ? true : undefined), `the missed-call notification ${id}`, 30_000);
    return id;
  };
  const openPopup = async () => {
    await popup?.close();
    popup = await ext.openExtensionPage('src/popup/popup.html');
    await popup.getByTestId('popup-root').waitFor();
    return popup;
  };

  it('without host access: no "Call back", the allow button instead, and nothing reaches the PBX', async () => {
    sim.play(MISSED, { speed: 10 }).catch(() => undefined);
    await waitFor(async () => (allCalls(await readCallsState(ext)).some((c) => c.outcome === 'missed') ? true : undefined), 'the missed call in history', 30_000);
    expect(await hasPermission()).toBe(false);

    const page = await openPopup();
    await page.getByTestId('allow-calling-button').waitFor({ timeout: 15_000 });
    await page.getByTestId('recent-call').first().waitFor();
    expect(await page.getByTestId('call-back').count()).toBe(0);

    const result = await contextMenuClick({ menuItemId: 'callpop-call-selection', selectionText: 'Call me: 067 123 45 67' });
    expect(result).toMatchObject({ ok: false, error: 'no-permission' });
    expect(sim.makeCallRequests()).toEqual([]);
  });

  it('without host access the missed-call notification offers "Copy number", which copies the caller\'s number and calls nobody', async () => {
    // An open popup marks missed calls seen and clears their notifications.
    await popup?.close();
    popup = null;
    const id = await playMissedCall('c0de0000000000000000000000000001');
    expect(await buttonsShown(ext, id)).toEqual(['open-crm', 'copy-number']);
    await pressNotificationButton(ext, id, 1);
    expect(await readClipboard(ext, `http://127.0.0.1:${sim.port}`)).toBe('+380501112233');
    expect(sim.makeCallRequests()).toEqual([]);
    // The copy borrowed the offscreen document and gave it back: nothing rings.
    const documents = await ext.evalInWorker(() => chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] }));
    expect(documents).toEqual([]);
  });

  it('the agent allows calling through the PBX with the popup button', async () => {
    // The extension details page's own "Site access" control (see the file comment).
    const answer = await grantSiteAccess(ext, PATTERN);
    expect(answer).toBe('ok');

    const page = popup ?? (await openPopup());
    await page.getByTestId('allow-calling-button').click();
    await waitFor(async () => ((await hasPermission()) ? true : undefined), 'host access for the PBX origin');
    // The popup follows the grant: the allow button goes, "Call back" appears.
    await page.getByTestId('call-back').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('allow-calling').count()).toBe(0);
  });

  it('"Call back" in the popup reaches makeCall with the agent\'s extension and the caller\'s number, and says it is calling', async () => {
    const page = await openPopup();
    // The recent call's own button (the "To call back" entry above it goes away once the call back is answered).
    const row = page.getByTestId('recent-call').first();
    await row.getByTestId('call-back').click();
    const request = await waitFor(() => sim.makeCallRequests().at(-1), 'makeCall on the simulator');
    expect(request).toMatchObject({ legExt: AGENT_EXT, otherLegNum: '+380501112233' });
    await waitFor(async () => ((await row.getByTestId('call-back-status').textContent())?.includes('Calling +380501112233') ? true : undefined), '"Calling…" in the popup');
    // The PBX then reports the agent's outgoing call on the stream.
    await waitFor(async () => (allCalls(await readCallsState(ext)).some((c) => c.uuid === request.uuid && c.direction === 'outgoing') ? true : undefined), 'the outgoing call from the stream');
  });

  it('with host access the missed-call notification offers "Call back", which reaches makeCall', async () => {
    await popup?.close();
    popup = null;
    const before = sim.makeCallRequests().length;
    const id = await playMissedCall('c0de0000000000000000000000000002');
    expect(await buttonsShown(ext, id)).toEqual(['open-crm', 'call-back']);
    await pressNotificationButton(ext, id, 1);
    const request = await waitFor(() => sim.makeCallRequests()[before], 'makeCall from the notification button');
    expect(request).toMatchObject({ legExt: AGENT_EXT, otherLegNum: '+380501112233' });
    await waitFor(async () => (!(await liveNotificationIds(ext)).includes(id) ? true : undefined), 'the missed-call notification cleared by its button');
  });

  it('the context menu calls the normalized number from selected text and from a tel: link', async () => {
    const before = sim.makeCallRequests().length;
    const selection = await dialViaMenu({ menuItemId: 'callpop-call-selection', selectionText: 'Наш телефон: (044) 123-45-67, пн–пт' });
    expect(selection).toMatchObject({ ok: true, number: '+380441234567' });
    const link = await dialViaMenu({ menuItemId: 'callpop-call-link', linkUrl: 'tel:+38-067-765-43-21' });
    expect(link).toMatchObject({ ok: true, number: '+380677654321' });
    expect(sim.makeCallRequests().slice(before).map((r) => [r.legExt, r.otherLegNum])).toEqual([
      [AGENT_EXT, '+380441234567'],
      [AGENT_EXT, '+380677654321'],
    ]);
    // The browser kept the JSESSIONID cookie from the first log-in: three calls, one log-in.
    expect(sim.restStats().logins).toBe(1);
    const none = await contextMenuClick({ menuItemId: 'callpop-call-selection', selectionText: 'order 2024-01-15' });
    expect(none).toMatchObject({ ok: false, error: 'invalid-number' });
    expect(sim.makeCallRequests()).toHaveLength(before + 2);
  });

  it('catches up after a gap: the missed calls land in history once, with exactly one summary notification', async () => {
    // An open popup marks missed calls seen and clears their notifications: the agent is away.
    await popup?.close();
    popup = null;
    const known = allCalls(await readCallsState(ext)).find((c) => c.outcome === 'missed')!;
    await sim.stop();
    await waitFor(async () => ((await readHealth(ext))?.state !== 'connected' ? true : undefined), 'the connection lost', 30_000);
    const nowS = Math.floor(Date.now() / 1000);
    const missedCall = (uuid: string, num: string, ago: number) => ({
      uuid, parentUuid: null, lgDirection: 4, dialAt: nowS - ago,
      leg: { id: 1001, type: 1, displayName: 'Іван Петренко', ext: AGENT_EXT },
      otherLegs: [{ id: null, name: null, num, companyName: null, url: null, priority: 1 }],
      trunkNum: '443334455', trunkName: 'Київ, основний',
    });
    // One the extension already knows (must not be duplicated) and three it never saw.
    sim.setMissedCalls([
      missedCall(known.uuid, '+380501112233', 4),
      missedCall('gap-call-1', '+380671110001', 3),
      missedCall('gap-call-2', '+380671110002', 2),
      missedCall('gap-call-3', '+380671110003', 1),
    ]);
    await sim.restart();
    await sim.waitForClients(1, 60_000);

    const history = await waitFor(async () => {
      const calls = allCalls(await readCallsState(ext));
      return ['gap-call-1', 'gap-call-2', 'gap-call-3'].every((id) => calls.some((c) => c.uuid === id)) ? calls : undefined;
    }, 'the gap calls in history', 30_000);
    expect(history.filter((c) => c.uuid === known.uuid)).toHaveLength(1);
    expect(history.filter((c) => c.uuid.startsWith('gap-call-')).map((c) => [c.outcome, c.caller.number])).toEqual([
      ['missed', '+380671110001'],
      ['missed', '+380671110002'],
      ['missed', '+380671110003'],
    ]);
    const summaries = await waitFor(async () => {
      const ids = (await liveNotificationIds(ext)).filter((id) => id.startsWith('catch-up:'));
      return ids.length > 0 ? ids : undefined;
    }, 'the summary notification');
    expect(summaries).toHaveLength(1);
    const created = (await readNotificationLog(ext)).filter((e) => e.op === 'create' && e.id.startsWith('catch-up:'));
    expect(created).toHaveLength(1);
    // No per-call pops for the gap calls: the summary speaks for them.
    expect((await liveNotificationIds(ext)).filter((id) => id.includes('gap-call-'))).toEqual([]);
    const status = (await readStorage(ext, 'local', 'callpop.restStatus')) as { catchUp: { added: number } };
    expect(status.catchUp.added).toBe(3);
  });

  it('when the PBX answers otherwise than documented, calling hides itself and the diagnostics say why; pop-ups keep working', async () => {
    sim.setRestMode('absent');
    const result = await dialViaMenu({ menuItemId: 'callpop-call-selection', selectionText: '067 123 45 67' });
    expect(result).toMatchObject({ ok: false, error: 'not-found' });
    const page = await openPopup();
    await page.getByTestId('recent-call').first().waitFor();
    await waitFor(async () => ((await page.getByTestId('call-back').count()) === 0 ? true : undefined), '"Call back" hidden');

    const options = await ext.openExtensionPage('src/options/options.html');
    const rest = options.getByTestId('diagnostics-rest');
    await waitFor(async () => ((await rest.textContent())?.includes('otherwise than documented') ? true : undefined), 'the diagnostics reason');
    expect(await rest.textContent()).toContain('not-found');
    await options.close();

    // The stream is untouched: a new call still pops.
    const lines = readScenarioFile(MISSED).map((line) => ({ ...line, frame: line.frame.replace(/0f8e2b1c9d3a4e5f8a7b6c5d4e3f2a1b/g, 'after-rest-failure') }));
    sim.send(lines[0]!.frame);
    await waitFor(async () => ((await liveNotificationIds(ext)).includes('call:after-rest-failure') ? true : undefined), 'a pop-up after the REST failure');
  });
});
