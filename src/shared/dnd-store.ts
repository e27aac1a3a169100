// Do-not-disturb lives in storage.local (this machine only: it must not follow the agent to a
// colleague's desk through sync). The popup writes it; the background watches it.
import { browser } from './browser-api';
import { LOCAL_KEYS } from './storage-keys';
import { parseDnd, type DndSetting } from '../calls/do-not-disturb';

export async function readDnd(): Promise<DndSetting | null> {
  return parseDnd((await browser.storage.local.get(LOCAL_KEYS.dnd))[LOCAL_KEYS.dnd]);
}

/** `null` turns DND off. */
export async function writeDnd(setting: DndSetting | null): Promise<void> {
  if (setting === null) await browser.storage.local.remove(LOCAL_KEYS.dnd);
  else await browser.storage.local.set({ [LOCAL_KEYS.dnd]: setting });
}

/** Calls `onChange` with the new value whenever it changes; returns the unsubscribe. */
export function watchDnd(onChange: (setting: DndSetting | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && LOCAL_KEYS.dnd in changes) onChange(parseDnd(changes[LOCAL_KEYS.dnd]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
