// Benchmark-only timing probe (issue 9, `npm run bench`): compiled into the test build only
// (__CALLPOP_TEST__), and off there unless the test tuning has `recordTimings: true`. When on, it records when each frame reached
// the socket handler and when each notification existed, in `globalThis.callpopTimings`,
// which the bench reads from the worker. The array itself is the on/off switch, so nothing
// is kept in module state; it is lost with the worker, which is fine for a measurement.

export type TimingEntry =
  /** A frame as delivered by the socket, before any processing; the bench parses it later. */
  | { kind: 'arrival'; at: number; frame: unknown }
  /** A batch's frames went through the reducer ('reduced'); the state that records what it shows was stored ('recorded'). */
  | { kind: 'reduced' | 'recorded'; at: number }
  /** notifications.create is about to be called ('request') or has resolved ('pop'). */
  | { kind: 'request' | 'pop'; at: number; id: string; call: string | null };

/** Enough for a few hundred calls; the oldest entries go first beyond it. */
const MAX_ENTRIES = 5_000;

interface ProbeGlobal {
  callpopTimings?: TimingEntry[];
}

const probe = globalThis as typeof globalThis & ProbeGlobal;

/** Epoch ms with sub-millisecond resolution, comparable with Node's clock on the same machine. */
function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export function setTimingProbe(on: boolean): void {
  if (!__CALLPOP_TEST__) return;
  if (!on) delete probe.callpopTimings;
  else probe.callpopTimings ??= [];
}

function record(entry: TimingEntry): void {
  const list = probe.callpopTimings;
  if (!list) return;
  list.push(entry);
  if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
}

export function noteFrameArrival(frame: unknown): void {
  if (__CALLPOP_TEST__ && probe.callpopTimings) record({ kind: 'arrival', at: preciseNow(), frame });
}

export function noteNotificationTiming(kind: 'request' | 'pop', id: string, call: string | null): void {
  if (__CALLPOP_TEST__ && probe.callpopTimings) record({ kind, at: preciseNow(), id, call });
}

export function noteBatchTiming(kind: 'reduced' | 'recorded'): void {
  if (__CALLPOP_TEST__ && probe.callpopTimings) record({ kind, at: preciseNow() });
}
