// Carries out the core's notification ops with browser.notifications. No decisions here:
// which calls pop, and with what text, was decided by the pure core.
import { browser, type Notifications } from '../platform/browser-api';
import type { NotificationOp } from '../calls/types';
import { appendNotificationLog, flushNotificationLog } from './notification-log';
import { noteNotificationTiming } from './timing-probe';
import type { NotificationButton } from '../calls/notification-buttons';
import { forgetButtons, rememberButtons } from './notification-buttons-store';
import { notificationFeatures } from './notification-features';
import { bodyWithContext } from '../calls/notification-body';
import { clearNotification, noteCreated } from './clear-after-show';

const ICON = 'icons/icon-128.png';

/** Choices made outside the call state (they depend on permissions): the buttons to draw. */
export interface NotificationExtras {
  /** From notificationButtons() (src/calls/notification-buttons.ts); Chrome draws at most two. */
  buttons?: NotificationButton[];
}

const BUTTON_TITLES: Record<NotificationButton, string> = {
  'open-crm': 'notifButtonOpen',
  'create-contact': 'notifButtonCreateContact',
  'show-calls': 'notifButtonShowCalls',
  'copy-number': 'notifButtonCopyNumber',
  'call-back': 'notifButtonCallBack',
};

/** Only the options this browser draws (notification-features.ts): no create is sent to fail. */
function optionsFor(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras): Notifications.CreateNotificationOptions {
  const features = notificationFeatures();
  const body = features.contextMessage ? op.message : bodyWithContext(op.message, op.context);
  const options: Notifications.CreateNotificationOptions & Record<string, unknown> = {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title: op.title,
    message: body || op.title,
    priority: 2,
  };
  if (features.contextMessage && op.context !== '') options.contextMessage = op.context;
  // A ringing call stays up until it is answered or ends; a missed call until seen.
  if (features.requireInteraction) options.requireInteraction = op.kind !== 'outgoing';
  // What each index means is remembered with the notification (notification-buttons-store.ts).
  if (features.buttons) options.buttons = (extras.buttons ?? []).map((button) => ({ title: t(BUTTON_TITLES[button]) }));
  return options;
}

export async function applyNotificationOp(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras = {}): Promise<void> {
  try {
    if (op.op === 'clear') {
      await clearNotification(op.id); // once on screen: a Firefox alert not loaded yet ignores a close
      forgetButtons(op.id);
    } else {
      if (op.op === 'create') noteNotificationTiming('request', op.id, op.call);
      await show(op, t, extras);
      if (op.op === 'create') noteNotificationTiming('pop', op.id, op.call);
      // A browser without buttons has nothing to remember.
      if (notificationFeatures().buttons) rememberButtons(op.id, extras.buttons ?? []);
    }
    appendNotificationLog({ at: Date.now(), op: op.op, id: op.id, kind: op.kind });
  } catch (error) {
    // A notification that cannot be shown must not stop the pipeline; the popup still shows the call.
    console.warn('CallPop: notification failed', op.op, op.id, error instanceof Error ? error.message : String(error));
  }
}

async function show(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras): Promise<void> {
  const options = optionsFor(op, t, extras);
  if (op.op === 'update') {
    if (notificationFeatures().update) {
      const api = browser.notifications as unknown as { update(id: string, o: object): Promise<boolean> };
      if (await api.update(op.id, options)) return;
    } else {
      // No notifications.update (Firefox): replacing under the same id is the portable update.
      await browser.notifications.clear(op.id);
    }
  }
  noteCreated(op.id); // before the create: the browser may report the show at any time after it
  await browser.notifications.create(op.id, options);
}

/**
 * A notification that is no call's: the outcome of a call the agent asked for from a page or a
 * button. Through here so it reaches the notification log like every other pop-up.
 */
export async function showAnnouncement(id: string, title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL(ICON), title, message: message || title });
    appendNotificationLog({ at: Date.now(), op: 'create', id, kind: 'dial' });
    await flushNotificationLog();
  } catch (error) {
    console.warn('CallPop: notification failed', 'create', id, error instanceof Error ? error.message : String(error));
  }
}
