// Background entry: wiring only. Every listener is registered synchronously at the top level,
// because a stopped worker is woken by the event and only sees listeners added on its first turn.
import { browser, type Runtime } from '../shared/browser-api';
import { startBackground, WATCHDOG_ALARM, type Background } from './start-background';
import { handlePageMessage, isFromThisExtension } from './page-messages';
import { handleNotificationClick, handleNotificationButton, handleNotificationClosed } from './notification-clicks';

let started: Promise<Background> | null = null;
/** One background per worker life, however many events wake it at once. */
const background = (): Promise<Background> => (started ??= startBackground());

browser.runtime.onInstalled.addListener((details) => {
  void background().then((bg) => bg.onInstalled(details.reason));
});
browser.runtime.onStartup.addListener(() => void background());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WATCHDOG_ALARM) void background().then((bg) => bg.ensureConnected());
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isFromThisExtension(sender)) return undefined; // web pages and other extensions are ignored
  return background().then((bg) => handlePageMessage(bg, message));
});
browser.notifications.onClicked.addListener((id) => void background().then((bg) => handleNotificationClick(bg, id)));
browser.notifications.onClosed.addListener((id, byUser) => void background().then((bg) => handleNotificationClosed(bg, id, byUser)));
// Firefox has no notification buttons; the event may be missing there (feature detection, not sniffing).
browser.notifications.onButtonClicked?.addListener((id, index) => void background().then((bg) => handleNotificationButton(bg, id, index)));
browser.storage.onChanged.addListener((changes, area) => void background().then((bg) => bg.onStorageChanged(changes, area)));

// Waking for any reason also restores state and the socket.
void background();
