// Frames and waits shared by the issue 8 fault suites (tests/e2e/faults-*.e2e.ts).
import { readScenarioFile } from '../../../tools/simulator/simulator';
import { waitFor, type ChromiumExtension } from './chromium';
import { readHealth } from './extension-state';
import type { Health } from '../../../src/connection/health';

const SCENARIOS = 'tests/fixtures/scenarios';

/** The documented incoming call from a fixture, as a mutable object. */
export function incomingFrame(event: 'call.dial' | 'call.bridge' | 'call.hangup', uuid: string, patch: Record<string, unknown> = {}): string {
  const [dial] = readScenarioFile(`${SCENARIOS}/incoming-missed.jsonl`);
  const frame = JSON.parse(dial!.frame) as Record<string, unknown>;
  const now = Date.now();
  return JSON.stringify({ ...frame, event, uuid, dialAt: now, serverTime: now, bridgeAt: event === 'call.dial' ? null : now, ...patch });
}

/** Shortens the background's time limits through the test tuning hook (storage.local 'callpop.testTuning'). */
export async function setTestTuning(ext: ChromiumExtension, tuning: { keepAliveMs?: number; silenceLimitMs?: number; wakeCheckMs?: number }): Promise<void> {
  await ext.evalInWorker((value) => chrome.storage.local.set({ 'callpop.testTuning': value }), tuning);
}

export async function healthWhen(ext: ChromiumExtension, test: (h: Health) => boolean, what: string, timeoutMs = 20_000): Promise<Health> {
  return waitFor(async () => {
    const health = await readHealth(ext);
    return health && test(health) ? health : undefined;
  }, what, timeoutMs);
}

export async function processedFrames(ext: ChromiumExtension, count: number, timeoutMs = 20_000): Promise<Health> {
  return healthWhen(ext, (h) => h.framesAccepted + h.framesRejected >= count, `${count} frames processed`, timeoutMs);
}
