// Group 3 (browser half): the background's heap in real Chromium before and after the same
// generated stream the core benchmarks use. Notifications are switched off for this run only:
// 100,000 frames would otherwise ask the OS for ~30,000 pop-ups, which measures the desktop,
// not the extension; the state, history and storage writes are exercised in full.
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';
import { waitFor } from '../../tests/e2e/support/chromium';
import { configureExtension, settingsFor } from '../../tests/e2e/support/extension-setup';
import { readHealth } from '../../tests/e2e/support/extension-state';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';
import type { Simulator } from '../simulator/simulator';
import type { CallStream } from './call-stream';
import { workerHeapAfterGc, type HeapUsage } from './worker-heap';

export interface BrowserHeapResult {
  frames: number;
  before: HeapUsage;
  after: HeapUsage;
  /** Wall time from the first frame sent to the last one processed. */
  processSeconds: number;
}

const QUIET = { incoming: false, outgoing: false, internal: false, missed: false, autoOpen: 'off' } as const;

async function framesProcessed(ext: ChromiumExtension): Promise<number> {
  const health = await readHealth(ext);
  return health ? health.framesAccepted + health.framesRejected : 0;
}

export async function benchBrowserHeap(ext: ChromiumExtension, sim: Simulator, stream: CallStream): Promise<BrowserHeapResult> {
  await configureExtension(ext, settingsFor(sim, { notifications: { ...DEFAULT_SETTINGS.notifications, ...QUIET } }));
  await sim.waitForClients(1, 20_000);
  const before = await workerHeapAfterGc(ext);
  const already = await framesProcessed(ext);
  const started = Date.now();
  for (let i = 0; i < stream.frames.length; i++) {
    sim.send(stream.frames[i]!);
    // Let the socket drain now and then instead of queueing ~70 MB at once.
    if (i % 2_000 === 1_999) await new Promise((r) => setTimeout(r, 5));
  }
  const target = already + stream.frames.length;
  await waitFor(async () => ((await framesProcessed(ext)) >= target ? true : undefined), `${stream.frames.length} frames processed in Chromium`, 300_000);
  const processSeconds = (Date.now() - started) / 1000;
  const after = await workerHeapAfterGc(ext);
  return { frames: stream.frames.length, before, after, processSeconds };
}
