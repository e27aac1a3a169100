// The layout e2e steps both browsers share: set the scene up through the simulator and storage,
// then check a page. Each browser file supplies how to open a page and evaluate in it.
import { expect } from 'vitest';
import type { Simulator } from '../../../tools/simulator/simulator';
import type { Settings } from '../../../src/settings/settings-schema';
import { configureExtension, settingsFor } from './extension-setup';
import { readCallsState, type ExtensionContext } from './extension-state';
import { describeLayoutProblems, layoutCheckExpression } from './layout-check';
import { olderCallFrames, OPTIONS_VIEWPORT, POPUP_VIEWPORT, sceneParts } from './layout-scene';
import { waitFor } from './chromium';

/** The little a layout step needs from a page, whichever driver opened it. */
export interface CheckedPage {
  evaluate<T>(expression: string): Promise<T>;
}

export interface OpenedPage extends CheckedPage {
  waitFor(selector: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens an extension page at a viewport size, in whichever browser the test drives. */
export type PageOpener = (path: string, viewport: { width: number; height: number }) => Promise<OpenedPage>;

/** The popup and the options page of the played scene, every check on each. */
export async function checkPages(open: PageOpener, where: string): Promise<void> {
  const popup = await open('src/popup/popup.html', POPUP_VIEWPORT);
  await popup.waitFor('[data-testid="popup-root"][aria-busy="false"] [data-testid="live-call"]');
  await popup.waitFor('[data-testid="recent-call"]:nth-of-type(3)');
  await expectCleanLayout(popup, `the popup (${where})`, false);
  await expectFooterInView(popup, where);
  await expectDatesWithYear(popup);
  await popup.close();

  const options = await open('src/options/options.html', OPTIONS_VIEWPORT);
  await options.waitFor('[data-testid="diagnostics-rest"]');
  await expectCleanLayout(options, `the options page (${where})`, true);
  await expectOptionsAligned(options, where);
  await options.close();
}

/** The extension pointed at the simulator; older calls, then today's presence, calls and a ringing caller. */
export async function playScene(ext: ExtensionContext, sim: Simulator, long: boolean): Promise<void> {
  await configureExtension(ext, settingsFor(sim));
  await sim.waitForClients(1, 30_000);
  await sim.play(olderCallFrames(Date.now(), long), { speed: 1 });
  for (const part of sceneParts(long)) await sim.play(part, { speed: 1, rewriteTimes: true });
  await waitFor(async () => {
    const state = await readCallsState(ext);
    return Object.keys(state.active).length > 0 && state.presence && state.history.length >= 3 ? true : undefined;
  }, 'the ringing call, the presence and three ended calls in the background state', 30_000);
}

/** The agent picks a language in the options instead of the browser's (the same catalogs). */
export async function chooseLanguage(ext: ExtensionContext, sim: Simulator, language: Settings['language']): Promise<void> {
  await configureExtension(ext, settingsFor(sim, { language }));
}

/** Soft, with every problem listed: one run shows all of them, on every page. */
export async function expectCleanLayout(page: CheckedPage, where: string, windowScrolls: boolean): Promise<void> {
  // What an agent can unfold is checked unfolded: all CRM cards, the advanced settings.
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
  const problems = await page.evaluate<string[]>(layoutCheckExpression({ windowScrolls }));
  expect.soft(problems, describeLayoutProblems(where, problems)).toEqual([]);
}

/** Settings and Export CSV in view and on top without scrolling, however long the lists are. */
export async function expectFooterInView(page: CheckedPage, where: string): Promise<void> {
  const hidden = await page.evaluate<string[]>(`(() => {
    const buttons = [...document.querySelectorAll('[data-testid="popup-footer"] button')];
    if (buttons.length < 2) return ['the footer has ' + buttons.length + ' buttons'];
    return buttons.flatMap((b) => {
      const r = b.getBoundingClientRect();
      const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      return r.bottom <= innerHeight && r.top >= 0 && top && b.contains(top) ? [] : [b.textContent + ' is not in view (' + Math.round(r.top) + '…' + Math.round(r.bottom) + ' of ' + innerHeight + ')'];
    });
  })()`);
  expect.soft(hidden, `popup footer on ${where}`).toEqual([]);
}

/** Dates: today's call shows the time only, last year's shows its year. */
export async function expectDatesWithYear(page: CheckedPage): Promise<void> {
  const texts = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="recent-call"]')].map((r) => r.textContent)`);
  const oldYear = String(new Date(Date.now() - 400 * 86_400_000).getFullYear());
  expect.soft(texts.at(-1), 'last year\'s call shows its year').toContain(oldYear);
  expect.soft(texts[0], 'today\'s call shows no year').not.toContain(String(new Date().getFullYear()));
}

/** Diagnostics values in one column, and the shortcuts hint clear of the divider below it. */
export async function expectOptionsAligned(page: CheckedPage, where: string): Promise<void> {
  const found = await page.evaluate<{ lefts: number[]; hintGap: number }>(`(() => {
    const lefts = [...document.querySelectorAll('[data-testid="diagnostics"] dd')].map((dd) => Math.round(dd.getBoundingClientRect().left));
    const hint = document.querySelector('[data-testid="shortcuts"] .hint').getBoundingClientRect();
    // The divider is the border-top of the next section (the hint's margin collapses through its own section).
    const section = document.querySelector('[data-testid="shortcuts"]');
    const divider = (section.nextElementSibling ?? section).getBoundingClientRect();
    return { lefts: [...new Set(lefts)], hintGap: Math.round((section.nextElementSibling ? divider.top : divider.bottom) - hint.bottom) };
  })()`);
  expect.soft(found.lefts, `diagnostics values start at one x on ${where}`).toHaveLength(1);
  expect.soft(found.hintGap, `room between the shortcuts hint and the divider on ${where}`).toBeGreaterThanOrEqual(8);
}
