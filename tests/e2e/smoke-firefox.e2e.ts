import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxExtension } from './support/firefox';

describe('Firefox ESR loads the test build (dist/test-firefox)', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => ff?.close());

  it('starts the background, which opens the options page on first install', async () => {
    const options = await ff.extensionPage('options.html');
    await options.waitForSelector('[data-testid="options-root"]', { timeout: 15_000 });
    const health = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      for (let i = 0; i < 50; i++) {
        const stored = await api.storage.session.get('callpop.health');
        if (stored['callpop.health']) return stored['callpop.health'] as { state: string };
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    });
    expect(health?.state).toBe('not-configured');
  });

  it('renders the popup page', async () => {
    const options = await ff.extensionPage('options.html');
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      await api.tabs.create({ url: api.runtime.getURL('src/popup/popup.html') });
    });
    const popup = await ff.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="popup-root"]', { timeout: 15_000 });
  });
});
