// Issue 22: nothing on the popup or the options page sticks out, overlaps or is clipped, in
// Chromium, in Ukrainian (the browser's language, --lang=uk) and English, and with the longest
// string of every key plus a 60-character CRM name and company without a space.
import { afterEach, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumExtension, CHROME_DIST } from './support/chromium';
import { startLoopbackSimulator } from './support/extension-setup';
import { distWithLongestStrings, OPTIONS_VIEWPORT, POPUP_VIEWPORT, removeDir } from './support/layout-scene';
import { chooseLanguage, expectCleanLayout, expectDatesWithYear, expectFooterInView, expectOptionsAligned, playScene, type CheckedPage } from './support/layout-steps';
import type { Simulator } from '../../tools/simulator/simulator';

const checked = (page: Page): CheckedPage => ({ evaluate: (expression) => page.evaluate(expression) });

describe('layout in Chromium', () => {
  let ext: ChromiumExtension | undefined;
  let sim: Simulator | undefined;
  let copy: string | undefined;
  afterEach(async () => {
    await ext?.close();
    await sim?.stop();
    if (copy) removeDir(copy);
    ext = sim = copy = undefined;
  });

  async function checkPages(opened: ChromiumExtension, where: string): Promise<void> {
    const popup = await opened.openExtensionPage('src/popup/popup.html');
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.locator('[data-testid="popup-root"][aria-busy="false"] [data-testid="live-call"]').first().waitFor({ timeout: 30_000 });
    await popup.getByTestId('recent-call').nth(2).waitFor({ timeout: 30_000 });
    await expectCleanLayout(checked(popup), `the popup (${where})`, false);
    await expectFooterInView(checked(popup), where);
    await expectDatesWithYear(checked(popup));
    await popup.close();

    const options = await opened.openExtensionPage('src/options/options.html');
    await options.setViewportSize(OPTIONS_VIEWPORT);
    await options.locator('[data-testid="diagnostics-rest"]').waitFor({ timeout: 30_000 });
    await expectCleanLayout(checked(options), `the options page (${where})`, true);
    await expectOptionsAligned(checked(options), where);
    await options.close();
  }

  it('popup and options page in Ukrainian (browser language) and English', async () => {
    sim = await startLoopbackSimulator();
    ext = await launchChromium({ locale: 'uk' });
    await playScene(ext, sim, false);
    await checkPages(ext, 'Chromium, Ukrainian');
    await chooseLanguage(ext, sim, 'en');
    await checkPages(ext, 'Chromium, English');
  });

  it('the longest string of every key and a 60-character CRM name and company', async () => {
    copy = distWithLongestStrings(CHROME_DIST);
    sim = await startLoopbackSimulator();
    ext = await launchChromium({ extensionDir: copy });
    await playScene(ext, sim, true);
    await checkPages(ext, 'Chromium, longest strings');
  });
});
