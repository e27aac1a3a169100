// What each button of a shown notification means, by notification id. Chrome reports only the
// index of the pressed button, and the second button of a missed call is "Call back" or "Copy
// number" depending on what worked when it popped: guessing at click time could dial when the
// agent asked to copy. Session storage, so a restarted worker still knows.
import * as z from 'zod/mini';
import { browser } from '../shared/browser-api';
import { SESSION_KEYS } from '../shared/storage-keys';
import type { NotificationButton } from '../calls/notification-buttons';

const buttonSchema = z.enum(['open-crm', 'create-contact', 'show-calls', 'copy-number', 'call-back']);
// A list of plain objects: z.record or z.tuple would add to every page's share of zod for this alone.
const storedSchema = z.array(z.object({ id: z.string(), buttons: z.array(buttonSchema) }));
type Stored = Record<string, NotificationButton[]>;

async function read(): Promise<Stored> {
  const stored = await browser.storage.session.get(SESSION_KEYS.notificationButtons);
  const parsed = storedSchema.safeParse(stored[SESSION_KEYS.notificationButtons]);
  return parsed.success ? Object.fromEntries(parsed.data.map((entry) => [entry.id, entry.buttons])) : {};
}

function write(all: Stored): Promise<void> {
  return browser.storage.session.set({ [SESSION_KEYS.notificationButtons]: Object.entries(all).map(([id, buttons]) => ({ id, buttons })) });
}

export async function rememberButtons(id: string, buttons: NotificationButton[]): Promise<void> {
  const all = await read();
  if (buttons.length === 0 && !(id in all)) return;
  if (buttons.length === 0) delete all[id];
  else all[id] = buttons;
  await write(all);
}

export async function forgetButtons(id: string): Promise<void> {
  const all = await read();
  if (!(id in all)) return;
  delete all[id];
  await write(all);
}

/** The meaning of button `index` of notification `id`, or null when it is not known. */
export async function buttonAt(id: string, index: number): Promise<NotificationButton | null> {
  return (await read())[id]?.[index] ?? null;
}
