// The exact JSON shapes replay prints (one object per line), built from the core's types.
import type { NormalizeResult } from '../../src/protocol/events';
import type { Effect } from '../../src/calls/types';

export function frameLine(index: number, result: NormalizeResult, effects: readonly Effect[]) {
  const rejected = result.kind === 'rejected';
  return {
    frame: index,
    accepted: !rejected,
    kind: rejected ? null : result.kind,
    problem: rejected ? result.reason : null,
    notifications: effects.flatMap((effect) =>
      effect.type === 'notification'
        ? [
            {
              op: effect.notification.op,
              id: effect.notification.id,
              call: effect.notification.call,
              kind: effect.notification.kind,
              title: effect.notification.title,
              message: effect.notification.message,
              url: effect.notification.url,
            },
          ]
        : [],
    ),
  };
}
