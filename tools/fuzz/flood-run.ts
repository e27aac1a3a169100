// Sends a flood plan (flood-frames.ts) to a real Chromium with the built extension and measures
// what an agent would feel: frames kept up with, notifications asked for, storage writes, the
// worker's heap, and the popup opened in the middle of it. Shared by `npm run flood` (30 s) and
// tests/e2e/flood-chromium.e2e.ts (5 s); both decide for themselves what counts as a failure.
import type { Page } from 'playwright-core';
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';
import { readHealth } from '../../tests/e2e/support/extension-state';
import type { Health } from '../../src/connection/health';
import type { NotificationLogEntry } from '../../src/storage/notification-log-schema';
import { SESSION_KEYS } from '../../src/storage/keys';
import type { Simulator } from '../simulator/simulator';
import { workerHeapAfterGc, type HeapUsage } from '../bench/worker-heap';
import type { FloodPlan } from './flood-frames';

export interface PopupFigures {
  /** From opening the popup to its root rendered with data (aria-busy false). */
  renderMs: number;
  /** From the click on "Missed only" to a list holding missed calls only. */
  toggleMs: number;
  rowsBefore: { total: number; missed: number };
  rowsAfter: { total: number; missed: number };
}

export interface FloodResult {
  sent: number;
  garbage: number;
  sendSeconds: number;
  /** Frames per second the sender actually achieved. */
  achievedFps: number;
  /** Worst sampled gap between frames sent and frames the background had processed. */
  maxBacklog: number;
  /** From the last frame sent to the last frame counted as processed. */
  drainMs: number;
  /** From the last frame sent until the background stopped writing (every notification and save done). */
  settleMs: number;
  heapBefore: HeapUsage;
  heapAfter: HeapUsage;
  /** Every notification op the background carried out, in order (seen through its log's storage writes). */
  notificationOps: NotificationLogEntry[];
  /** storage.onChanged events per "area:key" during the flood. */
  storageWrites: Record<string, number>;
  health: Health;
  /** The worker answered an evaluation every time it was sampled during the flood. */
  workerAnswered: boolean;
  popup: PopupFigures | null;
}

export interface FloodRunOptions {
  /** Open the popup this long after the first frame; null = never. */
  popupAtMs: number | null;
  /** How long to wait, after the last frame, for the background to catch up. */
  drainTimeoutMs: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function processed(health: Health | undefined): number {
  return health ? health.framesAccepted + health.framesRejected : 0;
}

/**
 * Records every storage write and every notification op from an extension page that is not the
 * popup: the icon, because a listener in the worker would add load to the thing being measured.
 */
async function openObserver(ext: ChromiumExtension): Promise<Page> {
  const page = await ext.openExtensionPage('icons/icon-128.png');
  await page.evaluate((logKey) => {
    const seen = { ops: [] as unknown[], writes: {} as Record<string, number>, lastWriteAt: Date.now(), lastSeq: -1 };
    (globalThis as unknown as { __flood: typeof seen }).__flood = seen;
    chrome.storage.onChanged.addListener((changes, area) => {
      seen.lastWriteAt = Date.now();
      for (const key of Object.keys(changes)) seen.writes[`${area}:${key}`] = (seen.writes[`${area}:${key}`] ?? 0) + 1;
      // Each write carries a whole batch of ops (never cut), numbered by seq: take the new ones.
      const log = changes[logKey]?.newValue as Array<{ seq?: number }> | undefined;
      if (!Array.isArray(log)) return;
      if (seen.lastSeq < 0) seen.lastSeq = ((changes[logKey]?.oldValue as Array<{ seq?: number }> | undefined) ?? []).at(-1)?.seq ?? 0;
      for (const entry of log) {
        if ((entry.seq ?? 0) > seen.lastSeq) {
          seen.ops.push(entry);
          seen.lastSeq = entry.seq ?? 0;
        }
      }
    });
  }, SESSION_KEYS.notificationLog);
  return page;
}

async function rowOutcomes(page: Page): Promise<{ total: number; missed: number }> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="recent-call"]')];
    return { total: rows.length, missed: rows.filter((row) => row.classList.contains('recent-call--missed')).length };
  });
}

async function probePopup(ext: ChromiumExtension): Promise<PopupFigures> {
  const opened = Date.now();
  const page = await ext.openExtensionPage('src/popup/popup.html');
  try {
    await page.waitForSelector('[data-testid="popup-root"][aria-busy="false"]', { timeout: 60_000 });
    const renderMs = Date.now() - opened;
    // Wait for a list the filter can visibly change: some rows that are not missed calls.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="recent-call"]')].some((row) => !row.classList.contains('recent-call--missed')), null, { timeout: 60_000 });
    const rowsBefore = await rowOutcomes(page);
    const clicked = Date.now();
    await page.locator('#recent-heading ~ label.toggle input[type="checkbox"]').check({ timeout: 60_000 });
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="recent-call"]')];
      return rows.length > 0 && rows.every((row) => row.classList.contains('recent-call--missed'));
    }, null, { timeout: 60_000, polling: 50 });
    const toggleMs = Date.now() - clicked;
    return { renderMs, toggleMs, rowsBefore, rowsAfter: await rowOutcomes(page) };
  } finally {
    await page.close();
  }
}

export async function runFlood(ext: ChromiumExtension, sim: Simulator, plan: FloodPlan, options: FloodRunOptions): Promise<FloodResult> {
  const log = options.log ?? (() => undefined);
  const observer = await openObserver(ext);
  const heapBefore = await workerHeapAfterGc(ext);
  const base = processed(await readHealth(ext));

  let sent = 0;
  let maxBacklog = 0;
  let workerAnswered = true;
  let sending = true;
  const started = Date.now();
  // Sampling health goes through the worker: each sample also proves it still answers.
  const sampler = (async () => {
    while (sending) {
      await sleep(500);
      const health = await readHealth(ext).catch(() => {
        workerAnswered = false;
        return undefined;
      });
      maxBacklog = Math.max(maxBacklog, sent - (processed(health) - base));
    }
  })();
  const popup = options.popupAtMs === null ? Promise.resolve(null) : sleep(options.popupAtMs).then(() => probePopup(ext));
  popup.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled

  while (sent < plan.lines.length) {
    const elapsed = Date.now() - started;
    while (sent < plan.lines.length && (plan.dueAt[sent] ?? 0) <= elapsed) sim.send(plan.lines[sent++]!.frame);
    await sleep(5);
  }
  const lastSent = Date.now();
  const sendSeconds = (lastSent - started) / 1000;
  log(`sent ${sent} frames in ${sendSeconds.toFixed(1)} s`);

  let health = await readHealth(ext);
  while (processed(health) - base < sent) {
    if (Date.now() - lastSent > options.drainTimeoutMs) break;
    await sleep(100);
    health = await readHealth(ext);
  }
  const drainMs = Date.now() - lastSent;
  sending = false;
  await sampler;
  const popupFigures = await popup;
  // Frames are counted before their notifications are carried out: wait for the writes to stop.
  const quietMs = 1_500;
  while (Date.now() - lastSent < options.drainTimeoutMs) {
    const lastWriteAt = await observer.evaluate(() => (globalThis as unknown as { __flood: { lastWriteAt: number } }).__flood.lastWriteAt);
    if (Date.now() - lastWriteAt >= quietMs) break;
    await sleep(250);
  }
  const settleMs = Date.now() - lastSent - quietMs;
  health = await readHealth(ext);
  const heapAfter = await workerHeapAfterGc(ext);
  const seen = await observer.evaluate(() => (globalThis as unknown as { __flood: { ops: NotificationLogEntry[]; writes: Record<string, number> } }).__flood);
  await observer.close();
  return {
    sent,
    garbage: plan.garbage,
    sendSeconds,
    achievedFps: sent / sendSeconds,
    maxBacklog,
    drainMs,
    settleMs,
    heapBefore,
    heapAfter,
    notificationOps: seen.ops,
    storageWrites: seen.writes,
    health: health ?? (await readHealth(ext))!,
    workerAnswered,
    popup: popupFigures,
  };
}

/** Ids created again while still shown: a conversation that popped twice. */
export function doubleCreates(ops: readonly NotificationLogEntry[]): string[] {
  const shown = new Set<string>();
  const twice: string[] = [];
  for (const op of ops) {
    if (op.op === 'create') {
      if (shown.has(op.id)) twice.push(op.id);
      shown.add(op.id);
    } else if (op.op === 'clear') shown.delete(op.id);
  }
  return twice;
}
