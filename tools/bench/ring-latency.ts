// Group 4: ring-to-pop latency in real Chromium, CallPop against a reference extension that does
// nothing but parse the frame and create the same notification (reference-extension/). Both are
// loaded in the same browser and connected to the same simulator; calls alternate between them
// (A B B A …, one at a time, each frame sent to one of them only), so both see the same machine.
// CallPop's timing probe (test build only) and the reference record when each frame reached the
// socket handler and when notifications.create resolved; the bench adds when it sent the frame.
// All clocks are this machine's wall clock (performance.timeOrigin + performance.now()).
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import type { Worker } from 'playwright-core';
import { launchChromium, unpackedExtensionId, waitFor, type ChromiumExtension } from '../../tests/e2e/support/chromium';
import { AGENT_EXT, configureExtension, settingsFor } from '../../tests/e2e/support/extension-setup';
import type { TimingEntry } from '../../src/background/timing-probe';
import type { Simulator, SimulatorClient } from '../simulator/simulator';
import { benchUuid, incomingFrame } from './bench-frames';
import { assertNoForeignPolicyFiles, assertNoManagedSettings } from './foreign-policy';
import { buildReferenceExtension, REFERENCE_SUBSCRIBER } from './reference-extension';
import { percentile, spread, type Spread } from './stats';

export const TUNING_KEY = 'callpop.testTuning';

export interface Percentiles {
  p50: number;
  p99: number;
  spread: Spread;
}

export interface LatencyResult {
  /** Measured calls per extension. */
  calls: number;
  /** CallPop: send → notification exists, ms. */
  popMs: Percentiles;
  /** CallPop: send → frame in the socket handler, ms. */
  arrivalMs: Percentiles;
  /** CallPop: arrival → notification exists, ms. */
  overheadMs: Percentiles;
  /** Of the overhead: arrival → notifications.create called (parse, reduce, save what was shown). */
  processMs: Percentiles;
  /** Of the processing: arrival → the batch reduced (socket handler, parse, normalize, reduce). */
  reduceMs: Percentiles;
  /** Of the processing: reduced → the shown record durable in storage.session. */
  recordMs: Percentiles;
  /** Of the overhead: notifications.create called → resolved (the browser's own work). */
  createMs: Percentiles;
  /** The reference extension: send → notification exists, and arrival → notification exists. */
  referencePopMs: Percentiles;
  referenceOverheadMs: Percentiles;
  /** CallPop p50 / the reference's p50 (send → pop); target ≤ 1.15. */
  p50VsReference: number;
  /** CallPop p99 − the reference's p99 (send → pop), ms; target ≤ 3. */
  p99OverReferenceMs: number;
  /** CallPop's older figure: pop p50 / arrival p50. */
  p50Ratio: number;
}

const preciseNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const POLL_MS = 25;
const WARM_UP_CALLS = 10;

export interface ReferenceEntry {
  kind: 'arrival' | 'pop';
  call: string;
  at: number;
}

/** Runs in CallPop's worker (serialized): true once the probe saw this call's notification. */
export function callpopPopped(uuid: string): true | undefined {
  const list = (globalThis as { callpopTimings?: TimingEntry[] }).callpopTimings ?? [];
  for (let i = list.length - 1; i >= 0 && i >= list.length - 20; i--) {
    const entry = list[i];
    if (entry?.kind === 'pop' && entry.call === uuid) return true;
  }
  return undefined;
}

/** Runs in the reference's worker. */
export function referencePopped(uuid: string): true | undefined {
  const list = (globalThis as { referenceTimings?: ReferenceEntry[] }).referenceTimings ?? [];
  return list.some((e) => e.kind === 'pop' && e.call === uuid) ? true : undefined;
}

/** Runs in either extension (worker, event page or page): true once the notification is gone. */
export async function cleared(id: string): Promise<true | undefined> {
  const all = await chrome.notifications.getAll();
  return id in all ? undefined : true;
}

/** How the loop reaches one extension's context: whatever the browser, the same serialized probes run there. */
export interface LatencySide {
  client: SimulatorClient;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

function percentiles(values: number[]): Percentiles {
  return { p50: percentile(values, 50), p99: percentile(values, 99), spread: spread(values) };
}

export async function clientFor(sim: Simulator, subscriber: string, clients: SimulatorClient[]): Promise<SimulatorClient> {
  return waitFor(() => clients.find((c) => c.subscriber === subscriber && c.isOpen), `a simulator client for ${subscriber}`, 20_000);
}

/** CallPop's arrival / request / pop per call uuid, from its timing probe. */
function callpopTimes(entries: TimingEntry[]) {
  const arrival = new Map<string, number>();
  const request = new Map<string, number>();
  const pop = new Map<string, number>();
  const reduced = new Map<string, number>();
  const recorded = new Map<string, number>();
  let lastDial: string | null = null;
  for (const entry of entries) {
    // Batch marks belong to the dial that arrived last (the bench sends one call at a time).
    if (entry.kind === 'reduced' && lastDial && !reduced.has(lastDial)) reduced.set(lastDial, entry.at);
    if (entry.kind === 'recorded' && lastDial && !recorded.has(lastDial)) recorded.set(lastDial, entry.at);
    if (entry.kind === 'request' && entry.call && !request.has(entry.call)) request.set(entry.call, entry.at);
    if (entry.kind === 'pop' && entry.call && !pop.has(entry.call)) pop.set(entry.call, entry.at);
    if (entry.kind === 'arrival' && typeof entry.frame === 'string') {
      const frame = JSON.parse(entry.frame) as { event?: string; uuid?: string };
      if (frame.event === 'call.dial' && frame.uuid && !arrival.has(frame.uuid)) arrival.set(frame.uuid, entry.at);
      lastDial = frame.event === 'call.dial' && frame.uuid ? frame.uuid : null;
    }
  }
  return { arrival, request, pop, reduced, recorded };
}

/** A playwright worker as a LatencySide's evaluate (arguments travel as JSON either way). */
function inWorker(worker: Worker): LatencySide['evaluate'] {
  return <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => worker.evaluate(fn as unknown as (arg: unknown) => Promise<T>, arg as unknown);
}

export async function benchRingLatency(sim: Simulator, calls = 200): Promise<LatencyResult> {
  const referenceDir = buildReferenceExtension(sim.connectionUrl({ subscriber: REFERENCE_SUBSCRIBER }), 'chrome');
  const referenceId = unpackedExtensionId(referenceDir);
  const clients: SimulatorClient[] = [];
  const stopWatching = sim.onClient((client) => clients.push(client));
  let ext: ChromiumExtension | null = null;
  try {
    assertNoForeignPolicyFiles();
    ext = await launchChromium({ alsoLoad: [referenceDir] });
    await assertNoManagedSettings(ext);
    const chromium = ext;
    await chromium.evalInWorker(([key]) => chrome.storage.local.set({ [key]: { recordTimings: true } }), [TUNING_KEY] as const);
    await configureExtension(chromium, settingsFor(sim));
    await waitFor(
      () => chromium.evalInWorker(() => (Array.isArray((globalThis as { callpopTimings?: unknown }).callpopTimings) ? true : undefined)),
      'the timing probe switched on in the worker',
    );
    const isReference = (w: Worker) => w.url().startsWith(`chrome-extension://${referenceId}/`);
    const referenceWorker = await waitFor(() => chromium.context.serviceWorkers().find(isReference), 'the reference extension worker');
    const result = await measureAlternating(
      { client: await clientFor(sim, AGENT_EXT, clients), evaluate: (fn, arg) => chromium.evalInWorker(fn, arg) },
      { client: await clientFor(sim, REFERENCE_SUBSCRIBER, clients), evaluate: inWorker(referenceWorker) },
      sim,
      calls,
    );
    await chromium.evalInWorker(([key]) => chrome.storage.local.remove(key), [TUNING_KEY] as const);
    return result;
  } finally {
    stopWatching();
    await ext?.close();
    rmSync(referenceDir, { recursive: true, force: true });
  }
}

/**
 * Sends calls to CallPop and the reference in turn (A B B A …), one at a time, and computes the
 * figures from both extensions' own clocks and the bench's send times. CallPop's timing probe
 * must already be on.
 */
export async function measureAlternating(callpop: LatencySide, reference: LatencySide, sim: Simulator, calls: number): Promise<LatencyResult> {
  const sent = { callpop: new Map<string, number>(), reference: new Map<string, number>() };
  const total = 2 * (WARM_UP_CALLS + calls);
  for (let i = 0; i < total; i++) {
    // A B B A: neither extension always goes first after the other's pop.
    const toReference = i % 4 === 1 || i % 4 === 2;
    const side = toReference ? reference : callpop;
    const index = 50_000_000 + i;
    const uuid = benchUuid(index);
    const dial = incomingFrame('call.dial', index, Date.now());
    const send = preciseNow();
    sim.sendTo(side.client, dial);
    if (i >= 2 * WARM_UP_CALLS) (toReference ? sent.reference : sent.callpop).set(uuid, send);
    // One call at a time, so no call waits behind the previous one's work: the hangup goes out
    // once the pop exists, the next dial once the pop is gone. Polling is a cheap read in the
    // extension, spaced out so it barely competes with the work being measured.
    await sleep(POLL_MS);
    await waitFor(() => side.evaluate(toReference ? referencePopped : callpopPopped, uuid), `the ${toReference ? 'reference' : 'CallPop'} pop for call ${i}`, 30_000);
    sim.sendTo(side.client, incomingFrame('call.hangup', index, Date.now()));
    await sleep(POLL_MS);
    await waitFor(() => side.evaluate(cleared, `call:${uuid}`), `the pop of call ${i} cleared`, 30_000);
    await sleep(POLL_MS);
  }

  const entries = await callpop.evaluate(() => (globalThis as { callpopTimings?: TimingEntry[] }).callpopTimings ?? [], null);
  const referenceEntries = await reference.evaluate(() => (globalThis as { referenceTimings?: ReferenceEntry[] }).referenceTimings ?? [], null);

  const ours = callpopTimes(entries);
  const popMs: number[] = [];
  const arrivalMs: number[] = [];
  const overheadMs: number[] = [];
  const processMs: number[] = [];
  const createMs: number[] = [];
  const reduceMs: number[] = [];
  const recordMs: number[] = [];
  for (const [uuid, send] of sent.callpop) {
    const a = ours.arrival.get(uuid);
    const r = ours.request.get(uuid);
    const p = ours.pop.get(uuid);
    if (a === undefined || p === undefined || r === undefined) throw new Error(`ring latency: no arrival, request or pop recorded for ${uuid}`);
    processMs.push(r - a);
    const reducedAt = ours.reduced.get(uuid);
    const recordedAt = ours.recorded.get(uuid);
    if (reducedAt !== undefined && recordedAt !== undefined) {
      reduceMs.push(reducedAt - a);
      recordMs.push(recordedAt - reducedAt);
    }
    createMs.push(p - r);
    popMs.push(p - send);
    arrivalMs.push(a - send);
    overheadMs.push(p - a);
  }
  const referencePopMs: number[] = [];
  const referenceOverheadMs: number[] = [];
  for (const [uuid, send] of sent.reference) {
    const a = referenceEntries.find((e) => e.kind === 'arrival' && e.call === uuid)?.at;
    const p = referenceEntries.find((e) => e.kind === 'pop' && e.call === uuid)?.at;
    if (a === undefined || p === undefined) throw new Error(`ring latency: the reference recorded no arrival or pop for ${uuid}`);
    referencePopMs.push(p - send);
    referenceOverheadMs.push(p - a);
  }
  if (process.env.BENCH_DEBUG) {
    console.error('callpop pop series', popMs.map((v) => v.toFixed(1)).join(' '));
    console.error('reference pop series', referencePopMs.map((v) => v.toFixed(1)).join(' '));
  }
  const pops = percentiles(popMs);
  const referencePops = percentiles(referencePopMs);
  const arrivals = percentiles(arrivalMs);
  return {
    calls: popMs.length,
    popMs: pops,
    arrivalMs: arrivals,
    overheadMs: percentiles(overheadMs),
    processMs: percentiles(processMs),
    reduceMs: percentiles(reduceMs),
    recordMs: percentiles(recordMs),
    createMs: percentiles(createMs),
    referencePopMs: referencePops,
    referenceOverheadMs: percentiles(referenceOverheadMs),
    p50VsReference: pops.p50 / referencePops.p50,
    p99OverReferenceMs: pops.p99 - referencePops.p99,
    p50Ratio: pops.p50 / arrivals.p50,
  };
}
