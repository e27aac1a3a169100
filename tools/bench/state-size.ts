// Group 3 (core half): the state the background keeps, as stored (JSON bytes), after 10,000
// and after 100,000 frames with the default history cap. Bounded means both are alike.
import { createInitialState } from '../../src/calls/initial-state';
import { processFrame } from '../../src/calls/process-frame';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import type { CallsState } from '../../src/calls/types';
import type { CallStream } from './call-stream';

export interface StateSizeResult {
  /** Frames processed → JSON bytes of the whole state (live calls, history, shown, ...). */
  checkpoints: Array<{ frames: number; bytes: number; live: number; history: number; shown: number }>;
}

function bytesOf(state: CallsState): number {
  return Buffer.byteLength(JSON.stringify(state), 'utf8');
}

export function measureStateSize(stream: CallStream, config: ReducerConfig, at: readonly number[]): StateSizeResult {
  const state = createInitialState();
  const wanted = new Set(at);
  const checkpoints: StateSizeResult['checkpoints'] = [];
  for (let i = 0; i < stream.frames.length; i++) {
    processFrame(state, stream.frames[i], stream.times[i]!, config);
    if (wanted.has(i + 1)) {
      checkpoints.push({
        frames: i + 1,
        bytes: bytesOf(state),
        live: Object.keys(state.active).length,
        history: state.history.length,
        shown: Object.keys(state.shown).length,
      });
    }
  }
  return { checkpoints };
}
