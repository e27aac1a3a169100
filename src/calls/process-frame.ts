// One frame from the socket, start to finish: normalize, then reduce. Rejections change nothing.
import type { NormalizeResult } from '../protocol/events';
import { normalizeFrame } from '../protocol/normalize-frame';
import type { CallsState, Effect } from './types';
import type { ReducerConfig } from './reducer-config';
import { applyEvent } from './reducer';
import { redactText } from '../protocol/redact';

export function processFrame(
  state: CallsState,
  data: unknown,
  now: number,
  config: ReducerConfig,
): { result: NormalizeResult; effects: Effect[] } {
  // A PBX error may quote the API key: normalizeFrame masks it before the text is shortened, so
  // neither state, health nor the diagnostics panel ever holds a piece of it.
  const result = normalizeFrame(data, config.secrets ?? []);
  if (result.kind === 'rejected') {
    result.reason = redactText(result.reason, config.secrets ?? []);
    return { result, effects: [] };
  }
  return { result, effects: applyEvent(state, result, now, config) };
}
