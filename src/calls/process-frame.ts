// One frame from the socket, start to finish: normalize, then reduce. Rejections change nothing.
import type { NormalizeResult } from '../protocol/events';
import { normalizeFrame } from '../protocol/normalize-frame';
import type { CallsState, Effect } from './types';
import type { ReducerConfig } from './reducer-config';
import { applyEvent } from './reducer';
import { redactText } from '../shared/redact';

export function processFrame(
  state: CallsState,
  data: unknown,
  now: number,
  config: ReducerConfig,
): { result: NormalizeResult; effects: Effect[] } {
  const result = normalizeFrame(data);
  if (result.kind === 'rejected') return { result, effects: [] };
  // Before it reaches state, health and the diagnostics panel: a PBX error may quote the API key.
  if (result.kind === 'error' && config.secrets?.length) result.message = redactText(result.message, config.secrets);
  return { result, effects: applyEvent(state, result, now, config) };
}
