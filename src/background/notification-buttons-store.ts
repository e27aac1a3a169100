// What each button of a shown notification means, by notification id. Chrome reports only the
// index of the pressed button, and the second button of a missed call is "Call back" or "Copy
// number" depending on what worked when it popped: guessing at click time could dial when the
// agent asked to copy. Session storage, so a restarted worker still knows.
//
// Changes wait in memory and are written once per batch of frames (flushButtons at the end of
// the pipeline's effects, like the notification log); a click reads storage plus what waits.
import { notificationButtonsItem } from '../storage/background-items';
import type { NotificationButton } from '../calls/notification-buttons';
import { createSerialQueue } from '../storage/serial-queue';

type Stored = Map<string, NotificationButton[]>;

/** By id: the buttons drawn, or null once the notification is gone. */
let changes = new Map<string, NotificationButton[] | null>();
const inOrder = createSerialQueue();

async function read(): Promise<Stored> {
  return new Map((await notificationButtonsItem.get()).map((entry) => [entry.id, entry.buttons]));
}

/** True when `all` changed (forgetting an id it never held is no change). */
function applyChanges(all: Stored, pending: Map<string, NotificationButton[] | null>): boolean {
  let changed = false;
  for (const [id, buttons] of pending) {
    if (buttons) all.set(id, buttons);
    changed = (buttons ? true : all.delete(id)) || changed;
  }
  return changed;
}

export function rememberButtons(id: string, buttons: NotificationButton[]): void {
  changes.set(id, buttons.length > 0 ? buttons : null);
}

export function forgetButtons(id: string): void {
  changes.set(id, null);
}

export function flushButtons(): Promise<void> {
  return inOrder(async () => {
    if (changes.size === 0) return;
    const pending = changes;
    changes = new Map();
    const all = await read();
    if (!applyChanges(all, pending)) return;
    await notificationButtonsItem.set([...all].map(([id, buttons]) => ({ id, buttons })));
  }).catch((error: unknown) => console.warn('CallPop: notification buttons', error instanceof Error ? error.message : String(error)));
}

/** The meaning of button `index` of notification `id`, or null when it is not known. */
export function buttonAt(id: string, index: number): Promise<NotificationButton | null> {
  // In the queue, after any write under way: storage plus what still waits is the whole truth.
  return inOrder(async () => {
    const all = await read();
    applyChanges(all, changes);
    return all.get(id)?.[index] ?? null;
  });
}
