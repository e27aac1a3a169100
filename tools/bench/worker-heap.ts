// The background worker's JavaScript heap, through the DevTools protocol: the worker has no
// `performance.memory`, and Playwright gives CDP sessions for pages only, so this attaches to
// the worker target from the browser-level session (non-flat mode, messages as JSON text).
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';

export interface HeapUsage {
  usedBytes: number;
  totalBytes: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function workerHeapAfterGc(ext: ChromiumExtension): Promise<HeapUsage> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('worker heap: no browser-level CDP session available');
  await ext.worker(); // make sure it is running
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
    if (!target) throw new Error('worker heap: the extension service worker is not running');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) pending.get(message.id)?.(message.error ? new Error(message.error.message) : message.result);
    });
    const send = async (method: string): Promise<unknown> => {
      const id = nextId++;
      const reply = new Promise<unknown>((resolve) => pending.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      const result = await reply;
      if (result instanceof Error) throw result;
      return result;
    };
    // Retained size, not garbage that happens to be uncollected yet.
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await cdp.send('Target.detachFromTarget', { sessionId });
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    await cdp.detach();
  }
}
