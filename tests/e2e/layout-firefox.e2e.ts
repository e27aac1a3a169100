// Issue 22: nothing on the popup or the options page sticks out, overlaps or is clipped, in
// Firefox ESR (dark), in Ukrainian (the browser's UI language, as Debian's Ukrainian language
// pack sets it) and English, and with the longest string of every key plus a 60-character CRM
// name and company without a space.
import { afterEach, describe, expect, it } from 'vitest';
import { FIREFOX_DIST, launchFirefox, type FirefoxExtension } from './support/firefox';
import { startLoopbackSimulator } from './support/extension-setup';
import { distWithLongestStrings, removeDir } from './support/layout-scene';
import { checkPages, chooseLanguage, playScene, type PageOpener } from './support/layout-steps';
import type { Simulator } from '../../tools/simulator/simulator';

/** Firefox's UI language comes from intl.locale.requested, and only a language pack makes "uk" available. */
const UKRAINIAN = { 'intl.locale.requested': 'uk' };
/** Dark pages (0 = dark): the popup and options in their dark theme. */
const DARK = { 'layout.css.prefers-color-scheme.content-override': 0 };

describe('layout in Firefox ESR', () => {
  let ff: FirefoxExtension | undefined;
  let sim: Simulator | undefined;
  let copy: string | undefined;
  afterEach(async () => {
    await ff?.close();
    await sim?.stop();
    if (copy) removeDir(copy);
    ff = sim = copy = undefined;
  });

  const opener =
    (opened: FirefoxExtension): PageOpener =>
    async (path, viewport) => {
      const page = await opened.openExtensionPage(path);
      await page.setViewport(viewport);
      return {
        evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
        waitFor: async (selector) => void (await page.waitForSelector(selector, { timeout: 30_000 })),
        close: () => page.close(),
      };
    };

  it('popup and options page in Ukrainian (browser UI language) and English', async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox({ prefs: { ...UKRAINIAN, ...DARK } });
    const language = await ff.evalInWorker(() => (globalThis as unknown as { browser: typeof chrome }).browser.i18n.getUILanguage(), null);
    expect(language, 'Firefox runs in Ukrainian only with its language pack: apt-get install firefox-esr-l10n-uk (.ci/run does)').toBe('uk');
    await playScene(ff, sim, false);
    await checkPages(opener(ff), 'Firefox, Ukrainian');
    await chooseLanguage(ff, sim, 'en');
    await checkPages(opener(ff), 'Firefox, English');
  });

  it('the longest string of every key and a 60-character CRM name and company', async () => {
    copy = distWithLongestStrings(FIREFOX_DIST);
    sim = await startLoopbackSimulator();
    ff = await launchFirefox({ prefs: DARK, extensionDir: copy });
    await playScene(ff, sim, true);
    await checkPages(opener(ff), 'Firefox, longest strings');
  });
});
