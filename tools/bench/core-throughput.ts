// Group 1: frames per second through parse → normalize → call state → notification decisions,
// against the floor of bare JSON.parse over the same frames, interleaved in one process.
import { performance } from 'node:perf_hooks';
import { createInitialState } from '../../src/calls/initial-state';
import { processFrame } from '../../src/calls/process-frame';
import { applyEvent } from '../../src/calls/reducer';
import { normalizeFrame } from '../../src/protocol/normalize-frame';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import type { CallStream } from './call-stream';
import { pairedRatios, spread, type Spread } from './stats';

export interface ThroughputResult {
  frames: number;
  parseMs: Spread;
  pipelineMs: Spread;
  pipelineFramesPerSecond: number;
  ratio: Spread;
  effects: number;
}

function timeParse(frames: readonly string[]): number {
  let objects = 0;
  const started = performance.now();
  for (const frame of frames) if (JSON.parse(frame) !== null) objects++;
  const elapsed = performance.now() - started;
  if (objects !== frames.length) throw new Error('JSON.parse floor: a frame did not parse');
  return elapsed;
}

function timePipeline(stream: CallStream, config: ReducerConfig): { ms: number; effects: number } {
  const state = createInitialState();
  const { frames, times } = stream;
  let effects = 0;
  const started = performance.now();
  for (let i = 0; i < frames.length; i++) effects += processFrame(state, frames[i], times[i]!, config).effects.length;
  return { ms: performance.now() - started, effects };
}

export function benchThroughput(stream: CallStream, config: ReducerConfig, repetitions = 5): ThroughputResult {
  // One untimed pass of each warms the JIT so the first timed pair is not penalized.
  timeParse(stream.frames);
  timePipeline(stream, config);
  const parse: number[] = [];
  const pipeline: number[] = [];
  let effects = 0;
  for (let rep = 0; rep < repetitions; rep++) {
    // Alternate which goes first, so drift on a shared machine hits both alike.
    if (rep % 2 === 0) parse.push(timeParse(stream.frames));
    const run = timePipeline(stream, config);
    pipeline.push(run.ms);
    effects = run.effects;
    if (rep % 2 === 1) parse.push(timeParse(stream.frames));
  }
  const pipelineMs = spread(pipeline);
  return {
    frames: stream.frames.length,
    parseMs: spread(parse),
    pipelineMs,
    pipelineFramesPerSecond: stream.frames.length / (pipelineMs.median / 1000),
    ratio: pairedRatios(pipeline, parse),
    effects,
  };
}

export interface BreakdownResult {
  frames: number;
  /** µs per frame for each stage alone. */
  parseUs: Spread;
  normalizeUs: Spread;
  reduceUs: Spread;
}

/** Where the pipeline's time goes: JSON.parse alone, normalizeFrame (parse + validate), applyEvent alone. */
export function benchBreakdown(stream: CallStream, config: ReducerConfig, frames = 20_000, repetitions = 3): BreakdownResult {
  const slice = stream.frames.slice(0, frames);
  const parse: number[] = [];
  const normalize: number[] = [];
  const reduce: number[] = [];
  for (let rep = 0; rep <= repetitions; rep++) {
    const p = timeParse(slice);
    let started = performance.now();
    const events = slice.map((frame) => normalizeFrame(frame));
    const n = performance.now() - started;
    const state = createInitialState();
    started = performance.now();
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      if (event.kind !== 'rejected') applyEvent(state, event, stream.times[i]!, config);
    }
    const r = performance.now() - started;
    if (rep === 0) continue; // warm-up
    parse.push((p * 1000) / slice.length);
    normalize.push((n * 1000) / slice.length);
    reduce.push((r * 1000) / slice.length);
  }
  return { frames: slice.length, parseUs: spread(parse), normalizeUs: spread(normalize), reduceUs: spread(reduce) };
}
