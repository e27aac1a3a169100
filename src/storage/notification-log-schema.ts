// What the background records of each notification it showed (see background/notification-log.ts).
import * as z from 'zod/mini';

export const notificationLogEntrySchema = z.object({
  at: z.number(),
  op: z.enum(['create', 'update', 'clear']),
  id: z.string(),
  /** A call's notification, or `dial`: the outcome of a call the agent asked for (background/call-back.ts). */
  kind: z.enum(['incoming', 'outgoing', 'internal', 'missed', 'dial']),
  /** 1, 2, 3 … in the order carried out (numbered when written), so a reader can tell new entries from old. */
  seq: z.optional(z.number()),
});

export const notificationLogSchema = z.array(notificationLogEntrySchema);
export type NotificationLogEntry = z.infer<typeof notificationLogEntrySchema>;
