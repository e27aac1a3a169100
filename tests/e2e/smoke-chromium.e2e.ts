import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumExtension } from './support/chromium';

describe('Chromium loads the test build (dist/test-chrome)', () => {
  let ext: ChromiumExtension;
  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => ext?.close());

  it('starts the background service worker with the fixed extension id', async () => {
    const worker = await ext.worker();
    expect(worker.url()).toBe(`chrome-extension://${ext.extensionId}/service-worker-loader.js`);
    const manifest = await ext.evalInWorker(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('renders the popup and the options page', async () => {
    for (const [path, testId] of [['src/popup/popup.html', 'popup-root'], ['src/options/options.html', 'options-root']] as const) {
      const page = await ext.openExtensionPage(path);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 10_000 });
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
