// What a click on a notification does: open the call's CRM card (or create-contact form).
import { browser } from '../platform/browser-api';
import type { CallsState } from '../calls/types';
import { findCall } from '../calls/find-call';
import type { Background } from './start-background';
import { announceCallResult, callNumber } from './call-back';
import { buttonAt, flushButtons, forgetButtons } from './notification-buttons-store';
import { copyText } from './clipboard';
import { notificationFeatures } from './notification-features';
import { markMissedNotificationSeen } from '../calls/seen-and-clear';

/** The call a notification is about: the one recorded when it was shown, else the one its id names. */
function callerFor(state: CallsState, notificationId: string) {
  const uuid = state.shown[notificationId]?.call ?? notificationId.replace(/^(call|missed):/, '');
  return findCall(state, uuid)?.caller ?? null;
}

export async function handleNotificationClick(bg: Background, id: string): Promise<void> {
  const url = callerFor(bg.pipeline.getState(), id)?.url ?? null;
  if (url) await bg.openCrm(url, true);
  else await browser.action.openPopup?.().catch(() => undefined);
  // A click is the agent seeing the missed call: the badge and the popup stop counting it.
  if (id.startsWith('missed:')) {
    await bg.pipeline.mutate((state) => markMissedNotificationSeen(state, id).map((notification) => ({ type: 'notification' as const, notification })), true);
  }
}

export async function handleNotificationButton(bg: Background, id: string, index: number): Promise<void> {
  // Unknown meaning (shown by an older version): button 0 was always the CRM; never dial on a guess.
  const button = (await buttonAt(id, index)) ?? (index === 0 ? 'open-crm' : 'copy-number');
  if (button === 'copy-number') await copyNumberFromNotification(bg, id);
  else if (button === 'call-back') await callBackFromNotification(bg, id);
  else await handleNotificationClick(bg, id);
}

/** "Copy number": the notification stays (the phone may still be ringing). */
export async function copyNumberFromNotification(bg: Background, id: string): Promise<boolean> {
  const number = callerFor(bg.pipeline.getState(), id)?.number;
  if (!number) return false;
  const copied = await copyText(number);
  if (!copied) console.warn('CallPop: copying the number failed');
  return copied;
}

/** Button 1 of a missed-call notification: the PBX rings the agent, then the caller. */
export async function callBackFromNotification(bg: Background, id: string): Promise<void> {
  const number = callerFor(bg.pipeline.getState(), id)?.number;
  if (!number) return;
  await browser.notifications.clear(id);
  await announceCallResult(await callNumber(bg.settings(), number), bg.t);
}

/**
 * The agent dismissed a notification: forget it, so the state does not claim it is still shown.
 * Closing is never "seen" (only opening the popup or clicking is). A browser that closes
 * notifications by itself (no requireInteraction: Firefox, after 20 s) reports every close as
 * byUser (https://bugzilla.mozilla.org/show_bug.cgi?id=1413188), so there nothing is forgotten:
 * the notification may still sit in the system's notification centre, and opening the popup
 * must still be able to clear it.
 */
export async function handleNotificationClosed(bg: Background, id: string, byUser: boolean): Promise<void> {
  if (!byUser || !notificationFeatures().requireInteraction) return;
  forgetButtons(id);
  await flushButtons();
  await bg.pipeline.mutate((state) => {
    // Keep the record for ringing calls so the same call never pops again; only missed ones are dropped.
    if (id.startsWith('missed:')) delete state.shown[id];
  }, false);
}
