// Do-not-disturb lives in storage.local (this machine only: it must not follow the agent to a
// colleague's desk through sync). The popup writes it; the background watches it.
import { dndItem } from '../storage/call-items';
import type { DndSetting } from '../calls/do-not-disturb';

export const readDnd = (): Promise<DndSetting | null> => dndItem.get();

/** `null` turns DND off. */
export async function writeDnd(setting: DndSetting | null): Promise<void> {
  if (setting === null) await dndItem.remove();
  else await dndItem.set(setting);
}

/** Calls `onChange` with the new value whenever it changes; returns the unsubscribe. */
export const watchDnd = (onChange: (setting: DndSetting | null) => void): (() => void) => dndItem.watch(onChange);
