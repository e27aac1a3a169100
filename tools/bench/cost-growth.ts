// Group 2: cost per frame with 1, 100 and 1,000 concurrent live calls and a full history.
// The same workload (calls dialled, answered and hung up one after another) runs over a state
// that already holds N − 1 other live calls and `historyLimit` ended ones; a flat cost means no
// per-frame work grows with the number of calls or the history.
import { performance } from 'node:perf_hooks';
import { createInitialState } from '../../src/calls/initial-state';
import { processFrame } from '../../src/calls/process-frame';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import type { CallsState } from '../../src/calls/types';
import { incomingFrame as frame } from './bench-frames';
import { spread, type Spread } from './stats';

export interface GrowthResult {
  /** Live calls → µs per frame. */
  perFrameUs: Array<{ live: number; us: Spread }>;
  /** Median per-frame cost at the most live calls over the cost at one, and each run's ratio spread. */
  ratio: Spread;
  workloadFrames: number;
}

const START = 1_764_000_000_000;
/** History filled to the cap, then `live − 1` calls left ringing. */
function baseState(live: number, config: ReducerConfig): CallsState {
  const state = createInitialState();
  let index = 0;
  for (let i = 0; i < config.historyLimit; i++, index++) {
    processFrame(state, frame('call.dial', index, START + index), START + index, config);
    processFrame(state, frame('call.hangup', index, START + index + 1), START + index + 1, config);
  }
  for (let i = 0; i < live - 1; i++, index++) processFrame(state, frame('call.dial', index, START + index), START + index, config);
  return state;
}

function workload(calls: number): Array<{ frame: string; at: number }> {
  const out: Array<{ frame: string; at: number }> = [];
  for (let i = 0; i < calls; i++) {
    const index = 10_000_000 + i;
    const at = START + 3_600_000 + i * 60_000;
    out.push({ frame: frame('call.dial', index, at), at }, { frame: frame('call.bridge', index, at + 5_000), at: at + 5_000 });
    out.push({ frame: frame('call.hangup', index, at + 30_000), at: at + 30_000 });
  }
  return out;
}

function timeWorkload(base: CallsState, frames: ReadonlyArray<{ frame: string; at: number }>, config: ReducerConfig): number {
  const state = structuredClone(base);
  const started = performance.now();
  for (const f of frames) processFrame(state, f.frame, f.at, config);
  const us = ((performance.now() - started) * 1000) / frames.length;
  if (Object.keys(state.active).length !== Object.keys(base.active).length) throw new Error('growth workload left calls live');
  return us;
}

export function benchGrowth(config: ReducerConfig, levels = [1, 100, 1_000], repetitions = 5, calls = 2_000): GrowthResult {
  const bases = levels.map((live) => baseState(live, config));
  const frames = workload(calls);
  const runs = levels.map(() => [] as number[]);
  bases.forEach((base) => timeWorkload(base, frames, config)); // warm-up
  for (let rep = 0; rep < repetitions; rep++) {
    // Interleaved, and in alternating order, so machine noise hits every level alike.
    const order = rep % 2 === 0 ? levels.map((_, i) => i) : levels.map((_, i) => levels.length - 1 - i);
    for (const i of order) runs[i]!.push(timeWorkload(bases[i]!, frames, config));
  }
  const first = runs[0]!;
  const last = runs.at(-1)!;
  return {
    perFrameUs: levels.map((live, i) => ({ live, us: spread(runs[i]!) })),
    ratio: spread(last.map((v, i) => v / first[i]!)),
    workloadFrames: frames.length,
  };
}
