// The one declared map of messages from pages to the background. Every message is validated
// with zod on the receiving side; anything not from this extension is ignored.
import * as z from 'zod/mini';
import { NOTE_MAX_LENGTH } from '../calls/call-note';

// A plain union, not z.discriminatedUnion: the literals already tell the options apart, and the
// discriminated variant adds ~0.5 KB gzip of zod to every bundle for nothing here.
export const pageMessageSchema = z.union([
  /** Reconnect now (after saving settings, or the popup's "Retry now"). */
  z.object({ type: z.literal('reconnect') }),
  /** The popup was opened: missed calls count as seen. */
  z.object({ type: z.literal('mark-missed-seen') }),
  z.object({ type: z.literal('clear-history') }),
  /** Open a CRM link for a call (the background checks scheme and allow-list). */
  z.object({ type: z.literal('open-crm'), url: z.string(), call: z.nullable(z.string()) }),
  /** Click-to-call through the PBX: rings the agent's phone, then dials `number` (normalized by the background). */
  z.object({ type: z.literal('call-back'), number: z.string().check(z.maxLength(200)) }),
  /** "Done" on a to-call-back entry: `key` is its normalized number. */
  z.object({ type: z.literal('dismiss-call-back'), key: z.string().check(z.maxLength(200)) }),
  /** The agent's note on a call in history ('' removes it); `call` is the conversation's root uuid. */
  z.object({ type: z.literal('set-note'), call: z.string().check(z.maxLength(200)), note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageReplySchema = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type PageReply = z.infer<typeof pageReplySchema>;
