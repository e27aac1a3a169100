// A test cannot press a notification's button: the worker's test hook runs the same handler
// (only with exposeHandlers in the test tuning). And what a paste would give, read by a page the
// test lets read the clipboard (headless Chromium keeps one in memory).
import type { ChromiumExtension } from './chromium';
import { readStorage } from './extension-state';

export function pressNotificationButton(ext: ChromiumExtension, id: string, index: number): Promise<void> {
  return ext.evalInWorker(
    async ([notificationId, button]) => {
      const hooks = (globalThis as unknown as { __callpopTest: Record<string, (id: string, index: number) => Promise<unknown>> }).__callpopTest;
      await hooks.notificationButton!(notificationId, button);
    },
    [id, index] as const,
  );
}

/** What each button of notification `id` means, as the background recorded when it popped. */
export async function buttonsShown(ext: ChromiumExtension, id: string): Promise<string[] | undefined> {
  const entries = ((await readStorage(ext, 'session', 'callpop.notificationButtons')) ?? []) as Array<{ id: string; buttons: string[] }>;
  return entries.find((entry) => entry.id === id)?.buttons;
}

/** `origin`: any http origin that answers (the simulator's); the page only needs to exist. */
export async function readClipboard(ext: ChromiumExtension, origin: string): Promise<string> {
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await ext.context.newPage();
  try {
    await page.goto(`${origin}/`).catch(() => undefined);
    await page.bringToFront();
    return await page.evaluate(() => navigator.clipboard.readText());
  } finally {
    await page.close();
  }
}
