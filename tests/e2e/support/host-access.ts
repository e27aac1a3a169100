// Granting host access in a test: headless Chromium cannot click the prompt that permissions.request()
// opens, so the grant goes through chrome://extensions' own "Site access" control (developerPrivate),
// as an agent could do by hand.
import type { ChromiumExtension } from './chromium';

/** Returns 'ok' or the browser's error message. */
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
