// The last notifications the extension actually showed, newest last: when an agent says "it
// did not pop", diagnostics can tell whether the browser was asked to show it. Session storage,
// so it survives the worker but not the browser. Carries no caller data, only ids and kinds.
import { browser } from '../shared/browser-api';
import { SESSION_KEYS } from '../shared/storage-keys';
import { notificationLogSchema, type NotificationLogEntry } from '../shared/notification-log-schema';

const LOG_LIMIT = 50;

export async function appendNotificationLog(entry: NotificationLogEntry): Promise<void> {
  const stored = await browser.storage.session.get(SESSION_KEYS.notificationLog);
  const parsed = notificationLogSchema.safeParse(stored[SESSION_KEYS.notificationLog]);
  const log = parsed.success ? parsed.data : [];
  log.push(entry);
  await browser.storage.session.set({ [SESSION_KEYS.notificationLog]: log.slice(-LOG_LIMIT) });
}
