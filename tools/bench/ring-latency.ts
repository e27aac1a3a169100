// Group 4: ring-to-pop latency in real Chromium. For each call the simulator sends a call.dial;
// the background's timing probe (src/background/timing-probe.ts, on only for this run) records
// when the frame reached the socket handler (the floor: nothing processed yet) and when
// notifications.create resolved. Both clocks are this machine's wall clock, read with
// sub-millisecond resolution (performance.timeOrigin + performance.now()) on both sides.
import { performance } from 'node:perf_hooks';
import type { ChromiumExtension } from '../../tests/e2e/support/chromium';
import { waitFor } from '../../tests/e2e/support/chromium';
import { configureExtension, settingsFor } from '../../tests/e2e/support/extension-setup';
import type { TimingEntry } from '../../src/background/timing-probe';
import type { Simulator } from '../simulator/simulator';
import { benchUuid, incomingFrame } from './bench-frames';
import { percentile, spread, type Spread } from './stats';

export const TUNING_KEY = 'callpop.testTuning';

export interface LatencyResult {
  calls: number;
  /** send → notification exists, ms. */
  popMs: { p50: number; p99: number; spread: Spread };
  /** send → frame in the socket handler, ms (the floor). */
  arrivalMs: { p50: number; p99: number; spread: Spread };
  /** arrival → notification exists, ms: what the extension adds. */
  overheadMs: { p50: number; p99: number; spread: Spread };
  /** Of the overhead: arrival → notifications.create called (parse, reduce, save state). */
  processMs: { p50: number; p99: number; spread: Spread };
  /** Of the overhead: notifications.create called → resolved (the browser's own work). */
  createMs: { p50: number; p99: number; spread: Spread };
  p50Ratio: number;
}

const preciseNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const POLL_MS = 25;
const WARM_UP_CALLS = 10;

/** Runs in the worker (serialized): true once the probe saw this call's notification. */
function poppedInWorker(uuid: string): true | undefined {
  const list = (globalThis as { callpopTimings?: TimingEntry[] }).callpopTimings ?? [];
  for (let i = list.length - 1; i >= 0 && i >= list.length - 20; i--) {
    const entry = list[i];
    if (entry?.kind === 'pop' && entry.call === uuid) return true;
  }
  return undefined;
}

/** Runs in the worker: true once the notification is gone. */
async function clearedInWorker(id: string): Promise<true | undefined> {
  const all = await chrome.notifications.getAll();
  return id in all ? undefined : true;
}

function summary(values: number[]): { p50: number; p99: number; spread: Spread } {
  return { p50: percentile(values, 50), p99: percentile(values, 99), spread: spread(values) };
}

export async function benchRingLatency(ext: ChromiumExtension, sim: Simulator, calls = 200): Promise<LatencyResult> {
  await ext.evalInWorker(([key]) => chrome.storage.local.set({ [key]: { recordTimings: true } }), [TUNING_KEY] as const);
  await configureExtension(ext, settingsFor(sim));
  await sim.waitForClients(1, 20_000);
  await waitFor(
    () => ext.evalInWorker(() => (Array.isArray((globalThis as { callpopTimings?: unknown }).callpopTimings) ? true : undefined)),
    'the timing probe switched on in the worker',
  );

  const sentAt = new Map<string, number>();
  const total = WARM_UP_CALLS + calls;
  for (let i = 0; i < total; i++) {
    const index = 50_000_000 + i;
    const uuid = benchUuid(index);
    const at = Date.now();
    const dial = incomingFrame('call.dial', index, at);
    const send = preciseNow();
    sim.send(dial);
    if (i >= WARM_UP_CALLS) sentAt.set(uuid, send);
    // One call at a time, so no call waits behind the previous one's work: the hangup goes out
    // once the pop exists, the next dial once the pop is gone. Polling is a cheap read in the
    // worker, spaced out so it barely competes with the work being measured.
    await sleep(POLL_MS);
    await waitFor(() => ext.evalInWorker(poppedInWorker, uuid), `the pop for call ${i}`, 30_000);
    sim.send(incomingFrame('call.hangup', index, Date.now()));
    await sleep(POLL_MS);
    await waitFor(() => ext.evalInWorker(clearedInWorker, `call:${uuid}`), `the pop of call ${i} cleared`, 30_000);
    await sleep(POLL_MS);
  }

  const uuids = [...sentAt.keys()];
  const entries = await waitFor(async () => {
    const list = await ext.evalInWorker(() => (globalThis as { callpopTimings?: TimingEntry[] }).callpopTimings ?? []);
    const popped = new Set(list.flatMap((e) => (e.kind === 'pop' && e.call ? [e.call] : [])));
    return uuids.every((u) => popped.has(u)) ? list : undefined;
  }, `a notification for each of ${calls} calls`, 30_000);

  const arrival = new Map<string, number>();
  const pop = new Map<string, number>();
  const request = new Map<string, number>();
  for (const entry of entries) {
    if (entry.kind === 'request' && entry.call && !request.has(entry.call)) request.set(entry.call, entry.at);
    if (entry.kind === 'pop' && entry.call && !pop.has(entry.call)) pop.set(entry.call, entry.at);
    if (entry.kind === 'arrival' && typeof entry.frame === 'string') {
      const frame = JSON.parse(entry.frame) as { event?: string; uuid?: string };
      if (frame.event === 'call.dial' && frame.uuid && !arrival.has(frame.uuid)) arrival.set(frame.uuid, entry.at);
    }
  }
  const popMs: number[] = [];
  const arrivalMs: number[] = [];
  const overheadMs: number[] = [];
  const processMs: number[] = [];
  const createMs: number[] = [];
  for (const uuid of uuids) {
    const send = sentAt.get(uuid)!;
    const a = arrival.get(uuid);
    const p = pop.get(uuid);
    const r = request.get(uuid);
    if (a === undefined || p === undefined || r === undefined) throw new Error(`ring latency: no arrival, request or pop recorded for ${uuid}`);
    processMs.push(r - a);
    createMs.push(p - r);
    popMs.push(p - send);
    arrivalMs.push(a - send);
    overheadMs.push(p - a);
  }
  await ext.evalInWorker(([key]) => chrome.storage.local.remove(key), [TUNING_KEY] as const);
  if (process.env.BENCH_DEBUG) console.log("pop series", popMs.map((v) => Math.round(v)).join(" "), "\narrival series", arrivalMs.map((v) => Math.round(v)).join(" "));
  const pops = summary(popMs);
  const arrivals = summary(arrivalMs);
  return { calls: uuids.length, popMs: pops, arrivalMs: arrivals, overheadMs: summary(overheadMs), processMs: summary(processMs), createMs: summary(createMs), p50Ratio: pops.p50 / arrivals.p50 };
}
