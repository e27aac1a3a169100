// What the background records of each notification it showed (see background/notification-log.ts).
import * as z from 'zod/mini';

export const notificationLogEntrySchema = z.object({
  at: z.number(),
  op: z.enum(['create', 'update', 'clear']),
  id: z.string(),
  kind: z.enum(['incoming', 'outgoing', 'internal', 'missed']),
});

export const notificationLogSchema = z.array(notificationLogEntrySchema);
export type NotificationLogEntry = z.infer<typeof notificationLogEntrySchema>;
