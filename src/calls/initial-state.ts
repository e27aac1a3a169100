// The state of a worker that has seen nothing yet.
import type { CallsState } from './types';

export function createInitialState(): CallsState {
  return {
    active: {},
    history: [],
    presence: null,
    clockOffsetMs: null,
    shown: {},
    autoOpened: [],
    nextSeq: 0,
    lastError: null,
    callBacks: [],
  };
}
