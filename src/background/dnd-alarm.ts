// "For 1 hour" must end even if the worker sleeps through it: an alarm wakes it at the end time
// to put the badge (and the ring sound) back.
import { browser } from '../platform/browser-api';
import type { DndSetting } from '../calls/do-not-disturb';

export const DND_ALARM = 'callpop-dnd-end';

export async function scheduleDndEnd(setting: DndSetting | null): Promise<void> {
  await browser.alarms.clear(DND_ALARM);
  if (setting?.until != null && setting.until > Date.now()) await browser.alarms.create(DND_ALARM, { when: setting.until });
}
