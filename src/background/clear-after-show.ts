// A notification cleared before the browser has put it on screen must still go away.
//
// Firefox's notifications.create resolves before its alert window has loaded, and the window
// listens for the close only from its load event (onAlertLoad in toolkit's alerts/alert.js, ESR
// 153): the close of a clear sent in between is lost, and the window stays until Firefox's own
// 20 s timeout. A call that ends within that moment (a short ring, or dial and hangup arriving
// together after a reconnect) would leave its "ringing" alert beside the missed-call one.
// Firefox reports the show (notifications.onShown; Chrome has no such event and nothing here
// runs there), so a clear of a notification not shown yet is held until the show.
//
// The memory is per background life, like the windows it is about: a background that unloads
// loses nothing the next one needs (a notification shown long ago clears at once).
import { browser } from '../platform/browser-api';

/** Should the show never be reported (a system notification backend that does not), clear anyway. */
export const SHOW_WAIT_LIMIT_MS = 2_000;

interface ShownEvent {
  addListener(fn: (id: string) => void): void;
}

/** Created in this background's life, not reported shown yet. */
const awaitingShow = new Set<string>();
/** Clears held until the show: id → the timer that gives up waiting. */
const heldClears = new Map<string, ReturnType<typeof setTimeout>>();

/** The browser's onShown event, where it has one (feature detection: Firefox). */
export function notificationShownEvent(): ShownEvent | undefined {
  return (browser.notifications as { onShown?: ShownEvent }).onShown;
}

function release(id: string): boolean {
  const timer = heldClears.get(id);
  if (timer === undefined) return false;
  clearTimeout(timer);
  heldClears.delete(id);
  return true;
}

/** A notification was just created: until it is shown, a clear of it waits. A create also replaces whatever clear was held for that id. */
export function noteCreated(id: string): void {
  release(id);
  if (notificationShownEvent()) awaitingShow.add(id);
}

/** Clears `id` now, or once the browser has shown it. */
export async function clearNotification(id: string): Promise<void> {
  if (!awaitingShow.has(id)) {
    await browser.notifications.clear(id);
    return;
  }
  release(id);
  heldClears.set(
    id,
    setTimeout(() => {
      heldClears.delete(id);
      awaitingShow.delete(id);
      void browser.notifications.clear(id);
    }, SHOW_WAIT_LIMIT_MS),
  );
}

/** The browser reports `id` on screen (the listener background.ts registers): a held clear happens now. */
export async function onNotificationShown(id: string): Promise<void> {
  awaitingShow.delete(id);
  if (release(id)) await browser.notifications.clear(id);
}
