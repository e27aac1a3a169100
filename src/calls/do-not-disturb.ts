// Do not disturb on this machine: pop-ups and the ring sound stay quiet, the PBX presence is
// untouched, and calls are still tracked (missed ones still counted). Pure: the stored value and
// the clock come in, the decision goes out; the background and popup do the storage.
import type { CallsState, Effect } from './types';
import { findCall } from './find-call';

/** What 'callpop.dnd' in storage.local holds: `until` a time (ms), or null = until turned off. */
export interface DndSetting {
  until: number | null;
}

export type DndChoice = 'hour' | 'indefinite';

export const DND_HOUR_MS = 60 * 60 * 1000;

/** A corrupt or missing stored value means DND is off. */
export function parseDnd(raw: unknown): DndSetting | null {
  if (typeof raw !== 'object' || raw === null || !('until' in raw)) return null;
  const until = (raw as { until: unknown }).until;
  if (until === null) return { until: null };
  return typeof until === 'number' && Number.isFinite(until) ? { until } : null;
}

export function dndActive(setting: DndSetting | null, now: number): boolean {
  if (!setting) return false;
  return setting.until === null || setting.until > now;
}

export function dndFor(choice: DndChoice, now: number): DndSetting {
  return { until: choice === 'hour' ? now + DND_HOUR_MS : null };
}

/**
 * Drops what would interrupt the agent: notifications appearing or changing, and a CRM tab
 * auto-opened while the call still rings. Clearing a notification is kept (it only removes
 * something already on screen), and so is opening the card of a call the agent answered.
 */
export function applyDoNotDisturb(effects: readonly Effect[], dnd: boolean, state: CallsState): Effect[] {
  if (!dnd) return [...effects];
  const kept = effects.filter((effect) => {
    if (effect.type === 'notification') return effect.notification.op === 'clear';
    const record = findCall(state, effect.call);
    return record !== null && (record.status === 'answered' || record.outcome === 'answered');
  });
  // A notification DND kept off the screen was never shown: the reducer already counted it in
  // `shown`, which would turn the next change into an update of nothing and keep it off for good.
  for (const effect of effects) {
    if (effect.type === 'notification' && effect.notification.op === 'create' && !kept.includes(effect)) delete state.shown[effect.notification.id];
  }
  return kept;
}
