// Merges the notification ops of one batch per notification id, so the browser is asked only
// for each notification's end state. Measured under a flood (tools/fuzz/flood.ts): unmerged, a
// busy second produced ~600 create/update/clear calls at ~30 ms each, and the worker fell a
// minute behind; batches grow as the worker lags, so merging lets it catch up by itself.
// Pure: the reducer already decided which ops happen; this only drops the ones nobody could see.
import type { Effect, NotificationOp } from './types';

type NotificationEffect = Extract<Effect, { type: 'notification' }>;

const notificationEffect = (notification: NotificationOp): NotificationEffect => ({ type: 'notification', notification });

/** The ops that take a notification from its state before the batch to its state after it. */
function netOps(ops: readonly NotificationOp[]): NotificationOp[] {
  const first = ops[0];
  const last = ops[ops.length - 1];
  if (!first || !last) return [];
  // The reducer creates only what is not shown, and updates or clears only what is.
  const shownBefore = first.op !== 'create';
  const shownAfter = last.op !== 'clear';
  if (!shownAfter) return shownBefore ? [last] : [];
  const endState: NotificationOp = { ...last, op: 'create' };
  if (!shownBefore) return [endState];
  // Cleared and created again within the batch: a new notification, not an edit of the old one.
  const clear = ops.find((op) => op.op === 'clear');
  return clear ? [clear, endState] : [{ ...last, op: 'update' }];
}

/**
 * Same effects, with each notification id's ops replaced by its net ops at the position of its
 * last op (the newest notification still lands last); other effects keep their order.
 */
export function coalesceNotificationOps(effects: readonly Effect[]): Effect[] {
  const byId = new Map<string, NotificationOp[]>();
  const lastIndex = new Map<string, number>();
  effects.forEach((effect, index) => {
    if (effect.type !== 'notification') return;
    const id = effect.notification.id;
    const ops = byId.get(id) ?? [];
    ops.push(effect.notification);
    byId.set(id, ops);
    lastIndex.set(id, index);
  });
  const out: Effect[] = [];
  effects.forEach((effect, index) => {
    if (effect.type !== 'notification') {
      out.push(effect);
      return;
    }
    const id = effect.notification.id;
    if (lastIndex.get(id) !== index) return;
    out.push(...netOps(byId.get(id) ?? []).map(notificationEffect));
  });
  return out;
}
