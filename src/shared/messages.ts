// The one declared map of messages from pages to the background. Every message is validated
// with zod on the receiving side; anything not from this extension is ignored.
import * as z from 'zod';

export const pageMessageSchema = z.discriminatedUnion('type', [
  /** Reconnect now (after saving settings, or the popup's "Retry now"). */
  z.object({ type: z.literal('reconnect') }),
  /** The popup was opened: missed calls count as seen. */
  z.object({ type: z.literal('mark-missed-seen') }),
  z.object({ type: z.literal('clear-history') }),
  /** Open a CRM link for a call (the background checks scheme and allow-list). */
  z.object({ type: z.literal('open-crm'), url: z.string(), call: z.string().nullable() }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageReplySchema = z.object({ ok: z.boolean(), error: z.string().optional() });
export type PageReply = z.infer<typeof pageReplySchema>;
