// Carries out the core's notification ops with browser.notifications. No decisions here:
// which calls pop, and with what text, was decided by the pure core.
import { browser, type Notifications } from '../shared/browser-api';
import type { NotificationOp } from '../calls/types';
import { appendNotificationLog } from './notification-log';
import { noteNotificationTiming } from './timing-probe';
import type { NotificationButton } from '../calls/notification-buttons';
import { forgetButtons, rememberButtons } from './notification-buttons-store';

const ICON = 'icons/icon-128.png';

/** Chrome-only extras; Firefox refuses or ignores them, so they are tried and dropped on failure. */
let richOptionsWork = true;

function baseOptions(op: NotificationOp) {
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL(ICON),
    title: op.title,
    message: op.message || op.title,
  };
}

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

function richOptions(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras = {}) {
  return {
    ...baseOptions(op),
    contextMessage: op.context,
    // A ringing call stays up until it is answered or ends; a missed call until seen.
    requireInteraction: op.kind !== 'outgoing',
    priority: 2,
    // What each index means is remembered with the notification (notification-buttons-store.ts).
    buttons: (extras.buttons ?? []).map((button) => ({ title: t(BUTTON_TITLES[button]) })),
  };
}

async function create(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras): Promise<void> {
  if (richOptionsWork) {
    try {
      await browser.notifications.create(op.id, richOptions(op, t, extras) as Notifications.CreateNotificationOptions);
      return;
    } catch {
      // Firefox has no notification buttons, context line or requireInteraction: fall back once, for good.
      richOptionsWork = false;
    }
  }
  await browser.notifications.create(op.id, baseOptions(op));
}

export async function applyNotificationOp(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras = {}): Promise<void> {
  try {
    if (op.op === 'clear') {
      await browser.notifications.clear(op.id);
      forgetButtons(op.id);
    } else {
      if (op.op === 'create') noteNotificationTiming('request', op.id, op.call);
      await show(op, t, extras);
      if (op.op === 'create') noteNotificationTiming('pop', op.id, op.call);
      // Firefox draws no buttons: nothing to remember.
      if (richOptionsWork) rememberButtons(op.id, extras.buttons ?? []);
    }
    appendNotificationLog({ at: Date.now(), op: op.op, id: op.id, kind: op.kind });
  } catch (error) {
    // A notification that cannot be shown must not stop the pipeline; the popup still shows the call.
    console.warn('CallPop: notification failed', op.op, op.id, error instanceof Error ? error.message : String(error));
  }
}

async function show(op: NotificationOp, t: (key: string) => string, extras: NotificationExtras): Promise<void> {
  if (op.op === 'update') {
    // Firefox has no notifications.update: replacing under the same id is the portable update.
    const api = browser.notifications as unknown as { update?: (id: string, o: object) => Promise<boolean> };
    if (typeof api.update === 'function' && richOptionsWork) {
      const updated = await api.update(op.id, richOptions(op, t, extras));
      if (updated) return;
    }
    await browser.notifications.clear(op.id);
  }
  await create(op, t, extras);
}
