// What each button of a shown notification means, by notification id. Chrome reports only the
// index of the pressed button, and the second button of a missed call is "Call back" or "Copy
// number" depending on what worked when it popped: guessing at click time could dial when the
// agent asked to copy. Session storage, so a restarted worker still knows.
//
// Changes wait in memory and are written once per batch of frames (flushButtons at the end of
// the pipeline's effects, like the notification log); a click reads storage plus what waits.
import * as z from 'zod/mini';
import { browser } from '../shared/browser-api';
import { SESSION_KEYS } from '../shared/storage-keys';
import type { NotificationButton } from '../calls/notification-buttons';
import { createSerialQueue } from './serial-queue';

const buttonSchema = z.enum(['open-crm', 'create-contact', 'show-calls', 'copy-number', 'call-back']);
// A list of plain objects: z.record or z.tuple would add to every page's share of zod for this alone.
const storedSchema = z.array(z.object({ id: z.string(), buttons: z.array(buttonSchema) }));
type Stored = Map<string, NotificationButton[]>;

/** By id: the buttons drawn, or null once the notification is gone. */
let changes = new Map<string, NotificationButton[] | null>();
const inOrder = createSerialQueue();

async function read(): Promise<Stored> {
  const stored = await browser.storage.session.get(SESSION_KEYS.notificationButtons);
  const parsed = storedSchema.safeParse(stored[SESSION_KEYS.notificationButtons]);
  return new Map(parsed.success ? parsed.data.map((entry) => [entry.id, entry.buttons]) : []);
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
    await browser.storage.session.set({ [SESSION_KEYS.notificationButtons]: [...all].map(([id, buttons]) => ({ id, buttons })) });
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
