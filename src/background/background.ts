// Background entry: wiring only. Every listener is registered synchronously at the top level,
// because a stopped worker is woken by the event and only sees listeners added on its first turn.
import '../platform/zod-config';
import { browser, type Runtime } from '../platform/browser-api';
import { onStorageChanged } from '../storage/area';
import { startBackground, WATCHDOG_ALARM, type Background } from './start-background';
import { handlePageMessage, isFromThisExtension } from './page-messages';
import { handleNotificationClick, handleNotificationButton, handleNotificationClosed } from './notification-clicks';
import { handleCommand } from './commands';
import { DND_ALARM } from './dnd-alarm';
import { exposeTestHandlers } from './test-hooks';
import { notificationFeatures } from './notification-features';
import { notificationShownEvent, onNotificationShown } from './clear-after-show';
import { contextMenuOnShown, handleContextMenuClick, handleMenuShown } from './context-menu';

let started: Promise<Background> | null = null;
/** One background per worker life, however many events wake it at once. */
const background = (): Promise<Background> => (started ??= startBackground());

browser.runtime.onInstalled.addListener((details) => {
  void background().then((bg) => bg.onInstalled(details.reason, details.previousVersion));
});
browser.runtime.onStartup.addListener(() => void background());
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DND_ALARM) void background().then((bg) => bg.onDndAlarm());
  if (alarm.name !== WATCHDOG_ALARM) return;
  void background().then((bg) => {
    bg.onWatchdog(alarm.scheduledTime);
    return bg.expireStaleCalls();
  });
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isFromThisExtension(sender)) return undefined; // web pages and other extensions are ignored
  return background().then((bg) => handlePageMessage(bg, message));
});
browser.notifications.onClicked.addListener((id) => void background().then((bg) => handleNotificationClick(bg, id)));
browser.notifications.onClosed.addListener((id, byUser) => void background().then((bg) => handleNotificationClosed(bg, id, byUser)));
// Firefox only: a clear asked before its alert was on screen happens once it is (clear-after-show.ts).
notificationShownEvent()?.addListener((id) => void onNotificationShown(id));
// Firefox lists onButtonClicked but does not implement it, and warns at every start when a
// listener is added: only a browser that accepts notification buttons gets one (notification-features.ts).
if (notificationFeatures().buttons) {
  browser.notifications.onButtonClicked.addListener((id, index) => void background().then((bg) => handleNotificationButton(bg, id, index)));
}
// Keyboard shortcuts; the API is missing on Firefox for Android (feature detection).
browser.commands?.onCommand.addListener((command) => void background().then((bg) => handleCommand(bg, command)));
// Calling from a page: the browser hands the selection or the tel: link to the click (no content scripts).
browser.contextMenus.onClicked.addListener((info) => void background().then((bg) => handleContextMenuClick(bg, info)));
// Firefox only: the title can show the number before the menu opens (feature detection).
contextMenuOnShown()?.addListener((info) => void background().then((bg) => handleMenuShown(bg, info)));
// Host access for the PBX is granted or revoked at run time: the REST features follow.
browser.permissions.onAdded.addListener(() => void background().then((bg) => bg.onPermissionsChanged()));
browser.permissions.onRemoved.addListener(() => void background().then((bg) => bg.onPermissionsChanged()));
// Signals that the socket may have gone stale while it still reads open (docs/connection.md).
// The idle API is missing on Firefox for Android (feature detection).
browser.idle?.onStateChanged.addListener((state) => void background().then((bg) => bg.onIdleState(state)));
// Firefox's event page fires `online`; Chromium's worker does not (the connection polls navigator.onLine).
if ('ononline' in globalThis) globalThis.addEventListener('online', () => void background().then((bg) => bg.connection.suspect('online')));
onStorageChanged((changes, area) => void background().then((bg) => bg.onStorageChanged(changes, area)));

// Test build only (compiled away in release): a test cannot press a shortcut, open a context
// menu or press a notification button, so it calls the same handlers (with exposeHandlers in
// the test tuning).
if (__CALLPOP_TEST__) {
  exposeTestHandlers({
    command: (command: string) => background().then((bg) => handleCommand(bg, command)),
    contextMenuClick: (info: { menuItemId: string; selectionText?: string; linkUrl?: string }) => background().then((bg) => handleContextMenuClick(bg, info)),
    notificationButton: (id: string, index: number) => background().then((bg) => handleNotificationButton(bg, id, index)),
  });
}

// Waking for any reason also restores state and the socket.
void background();
