// Issue 22: nothing on the popup or the options page sticks out, overlaps or is clipped, in
// Chromium, in Ukrainian (the browser's language, --lang=uk) and English, and with the longest
// string of every key plus a 60-character CRM name and company without a space.
import { afterEach, describe, it } from 'vitest';
import { launchChromium, type ChromiumExtension, CHROME_DIST } from './support/chromium';
import { startLoopbackSimulator } from './support/extension-setup';
import { distWithLongestStrings, removeDir } from './support/layout-scene';
import { checkPages, chooseLanguage, playScene, type PageOpener } from './support/layout-steps';
import type { Simulator } from '../../tools/simulator/simulator';

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

  const opener =
    (opened: ChromiumExtension): PageOpener =>
    async (path, viewport) => {
      const page = await opened.openExtensionPage(path);
      await page.setViewportSize(viewport);
      return {
        evaluate: (expression) => page.evaluate(expression),
        waitFor: (selector) => page.locator(selector).first().waitFor({ timeout: 30_000 }),
        close: () => page.close(),
      };
    };

  it('popup and options page in Ukrainian (browser language) and English', async () => {
    sim = await startLoopbackSimulator();
    ext = await launchChromium({ locale: 'uk' });
    await playScene(ext, sim, false);
    await checkPages(opener(ext), 'Chromium, Ukrainian');
    await chooseLanguage(ext, sim, 'en');
    await checkPages(opener(ext), 'Chromium, English');
  });

  it('the longest string of every key and a 60-character CRM name and company', async () => {
    copy = distWithLongestStrings(CHROME_DIST);
    sim = await startLoopbackSimulator();
    ext = await launchChromium({ extensionDir: copy });
    await playScene(ext, sim, true);
    await checkPages(opener(ext), 'Chromium, longest strings');
  });
});
