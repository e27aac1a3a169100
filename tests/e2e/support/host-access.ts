// Granting host access in a test: headless Chromium cannot click the prompt that permissions.request()
// opens, so the grant goes through chrome://extensions' own "Site access" control (developerPrivate),
// as an agent could do by hand (see the file comment of tests/e2e/rest-features-chromium.e2e.ts).
import type { ChromiumExtension } from './chromium';
import { waitFor } from './chromium';

/** The "Site access" control alone. Returns 'ok' or the browser's error message. */
export async function grantSiteAccess(ext: ChromiumExtension, pattern: string): Promise<string> {
  const page = await ext.context.newPage();
  await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
  const answer = await page.evaluate(
    ([id, host]) =>
      new Promise<string>((resolve) => {
        const api = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void } }).developerPrivate;
        api.addHostPermission(id, host, () => resolve(chrome.runtime.lastError?.message ?? 'ok'));
      }),
    [ext.extensionId, pattern] as const,
  );
  await page.close();
  return answer;
}

/** The whole grant as an agent makes it: "Site access", then the popup's own "Allow calling through the PBX" button. */
export async function grantHostAccess(ext: ChromiumExtension, pattern: string): Promise<void> {
  const answer = await grantSiteAccess(ext, pattern);
  if (answer !== 'ok') throw new Error(`site access for ${pattern}: ${answer}`);
  const popup = await ext.openExtensionPage('src/popup/popup.html');
  await popup.getByTestId('allow-calling-button').click({ timeout: 15_000 });
  await waitFor(async () => ((await ext.evalInWorker((p) => chrome.permissions.contains({ origins: [p] }), pattern)) ? true : undefined), `host access for ${pattern}`);
  await popup.close();
}
