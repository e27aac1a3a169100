// What a click on a notification does: open the call's CRM card (or create-contact form).
import { browser } from '../shared/browser-api';
import type { CallsState } from '../calls/types';
import { findCall } from '../calls/find-call';
import type { Background } from './start-background';
import { announceCallResult, callNumber } from './call-back';

function urlFor(state: CallsState, notificationId: string): string | null {
  const shown = state.shown[notificationId];
  const uuid = shown?.call ?? notificationId.replace(/^(call|missed):/, '');
  return findCall(state, uuid)?.caller.url ?? null;
}

export async function handleNotificationClick(bg: Background, id: string): Promise<void> {
  const url = urlFor(bg.pipeline.getState(), id);
  if (url) await bg.openCrm(url, true);
  else await browser.action.openPopup?.().catch(() => undefined);
  if (id.startsWith('missed:')) await browser.notifications.clear(id);
}

export async function handleNotificationButton(bg: Background, id: string, index: number): Promise<void> {
  if (index === 0) await handleNotificationClick(bg, id);
  if (index === 1) await callBackFromNotification(bg, id);
}

/** Button 1 of a missed-call notification: the PBX rings the agent, then the caller. */
export async function callBackFromNotification(bg: Background, id: string): Promise<void> {
  const state = bg.pipeline.getState();
  const uuid = state.shown[id]?.call ?? id.replace(/^(call|missed):/, '');
  const number = findCall(state, uuid)?.caller.number;
  if (!number) return;
  await browser.notifications.clear(id);
  await announceCallResult(await callNumber(bg.settings(), number), bg.t);
}

/** The agent dismissed a notification: forget it, so the state does not claim it is still shown. */
export async function handleNotificationClosed(bg: Background, id: string, byUser: boolean): Promise<void> {
  if (!byUser) return;
  await bg.pipeline.mutate((state) => {
    // Keep the record for ringing calls so the same call never pops again; only missed ones are dropped.
    if (id.startsWith('missed:')) delete state.shown[id];
  }, false);
}
