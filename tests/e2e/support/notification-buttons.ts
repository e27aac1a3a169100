// A test cannot press a notification's button: the worker's test hook runs the same handler
// (only with exposeHandlers in the test tuning). And what a paste would give, read by a page the
// test lets read the clipboard (headless Chromium keeps one in memory).
import type { ChromiumExtension } from './chromium';
import { readStorage } from './extension-state';
import { SESSION_KEYS } from '../../../src/storage/keys';

export function pressNotificationButton(ext: ChromiumExtension, id: string, index: number): Promise<void> {
  return ext.evalInWorker(
    async ([notificationId, button]) => {
      const hooks = (globalThis as unknown as { __callpopTest: Record<string, (id: string, index: number) => Promise<unknown>> }).__callpopTest;
      await hooks.notificationButton!(notificationId, button);
    },
    [id, index] as const,
  );
}

/**
 * What each button of notification `id` means, as the background recorded when it popped. The
 * record is written once per batch, after the pop-ups are out (notification-buttons-store.ts): a
 * test that saw the notification waits a moment for it. Undefined when none comes within 5 s.
 */
export async function buttonsShown(ext: ChromiumExtension, id: string): Promise<string[] | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const entries = ((await readStorage(ext, 'session', SESSION_KEYS.notificationButtons)) ?? []) as Array<{ id: string; buttons: string[] }>;
    const found = entries.find((entry) => entry.id === id)?.buttons;
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
