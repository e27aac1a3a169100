// What a click on a notification does: open the call's CRM card (or create-contact form).
import { browser } from '../shared/browser-api';
import type { CallsState } from '../calls/types';
import { findCall } from '../calls/find-call';
import type { Background } from './start-background';

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
}

/** The agent dismissed a notification: forget it, so the state does not claim it is still shown. */
export async function handleNotificationClosed(bg: Background, id: string, byUser: boolean): Promise<void> {
  if (!byUser) return;
  await bg.pipeline.mutate((state) => {
    // Keep the record for ringing calls so the same call never pops again; only missed ones are dropped.
    if (id.startsWith('missed:')) delete state.shown[id];
  }, false);
}
