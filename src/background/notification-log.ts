// The last notifications the extension actually showed, newest last: when an agent says "it
// did not pop", diagnostics can tell whether the browser was asked to show it. Session storage,
// so it survives the worker but not the browser. Carries no caller data, only ids and kinds.
//
// Entries wait in memory and are written once per batch of frames (flushNotificationLog at the
// end of the pipeline's effects): a read and a write per notification made a flood of 1,000
// frames a second fall minutes behind.
import { notificationLogItem } from '../storage/background-items';
import type { NotificationLogEntry } from '../storage/notification-log-schema';
import { createSerialQueue } from '../storage/serial-queue';

const LOG_LIMIT = 50;

let pending: NotificationLogEntry[] = [];
const inOrder = createSerialQueue();

export function appendNotificationLog(entry: NotificationLogEntry): void {
  pending.push(entry);
}

export function flushNotificationLog(): Promise<void> {
  return inOrder(async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const log = await notificationLogItem.get();
    let seq = log.at(-1)?.seq ?? 0;
    for (const entry of batch) log.push({ ...entry, seq: ++seq });
    // A batch longer than the limit is written whole once (a reader watching the writes sees
    // every entry); the next write trims it back.
    await notificationLogItem.set(log.slice(-Math.max(LOG_LIMIT, batch.length)));
  }).catch((error: unknown) => console.warn('CallPop: notification log', error instanceof Error ? error.message : String(error)));
}
