// Feeds events through the reducer one by one and keeps what a user would see.
import type { PbxEvent } from '../../../src/protocol/events';
import type { CallsState, Effect, NotificationOp } from '../../../src/calls/types';
import type { ReducerConfig } from '../../../src/calls/reducer-config';
import { applyEvent } from '../../../src/calls/reducer';
import { createInitialState } from '../../../src/calls/initial-state';
import { T0 } from './call-events';

export interface Run {
  state: CallsState;
  effects: Effect[];
  ops: NotificationOp[];
}

export function runEvents(events: readonly PbxEvent[], config: ReducerConfig, state: CallsState = createInitialState()): Run {
  const effects: Effect[] = [];
  events.forEach((event, i) => effects.push(...applyEvent(state, event, T0 + 1_000 * (i + 1), config)));
  return { state, effects, ops: notificationOps(effects) };
}

export function notificationOps(effects: readonly Effect[]): NotificationOp[] {
  return effects.flatMap((effect) => (effect.type === 'notification' ? [effect.notification] : []));
}

/** "create call:x", "clear missed:y"… — the sequence of what happened on screen. */
export function opSummary(ops: readonly NotificationOp[]): string[] {
  return ops.map((op) => `${op.op} ${op.id}`);
}
