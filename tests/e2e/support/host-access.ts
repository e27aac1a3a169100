// Grants the extension host access to the PBX the way an agent does (see the file comment of
// tests/e2e/rest-features-chromium.e2e.ts): the extension details page's "Site access" records
// the origin, then the popup's own "Allow calling through the PBX" button, clicked for real.
import type { ChromiumExtension } from './chromium';
import { waitFor } from './chromium';

export async function grantHostAccess(ext: ChromiumExtension, pattern: string): Promise<void> {
  const settingsPage = await ext.context.newPage();
  await settingsPage.goto(`chrome://extensions/?id=${ext.extensionId}`);
  await settingsPage.evaluate(
    ([id, host]) =>
      new Promise<void>((resolve) => {
        const api = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void } }).developerPrivate;
        api.addHostPermission(id, host, () => resolve());
      }),
    [ext.extensionId, pattern] as const,
  );
  await settingsPage.close();
  const popup = await ext.openExtensionPage('src/popup/popup.html');
  await popup.getByTestId('allow-calling-button').click({ timeout: 15_000 });
  await waitFor(async () => ((await ext.evalInWorker((p) => chrome.permissions.contains({ origins: [p] }), pattern)) ? true : undefined), `host access for ${pattern}`);
  await popup.close();
}
