// Offline and online for the extension's service worker, through the DevTools protocol. Checked here:
// CDP Network.emulateNetworkConditions on the worker target flips navigator.onLine there (no `online`
// event fires in a worker), new sockets fail while offline, and frames on an open socket are held.
import type { CDPSession } from 'playwright-core';
import type { ChromiumExtension } from './chromium';

export interface WorkerNetwork {
  setOffline(offline: boolean): Promise<void>;
  detach(): Promise<void>;
}

export async function workerNetwork(ext: ChromiumExtension): Promise<WorkerNetwork> {
  const page = await ext.context.newPage();
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  if (!worker) throw new Error('no extension service worker target');
  // Playwright's CDPSession cannot address a flattened child session: use the message relay.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  let id = 1;
  const send = (method: string, params: object) => cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: id++, method, params }) });
  await send('Network.enable', {});
  return {
    async setOffline(offline) {
      await send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
