// One frame from the socket, start to finish: normalize, then reduce. Rejections change nothing.
import type { NormalizeResult } from '../protocol/events';
import { normalizeFrame } from '../protocol/normalize-frame';
import type { CallsState, Effect } from './types';
import type { ReducerConfig } from './reducer-config';
import { applyEvent } from './reducer';

export function processFrame(
  state: CallsState,
  data: unknown,
  now: number,
  config: ReducerConfig,
): { result: NormalizeResult; effects: Effect[] } {
  const result = normalizeFrame(data);
  if (result.kind === 'rejected') return { result, effects: [] };
  return { result, effects: applyEvent(state, result, now, config) };
}
