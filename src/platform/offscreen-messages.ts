// Messages from the background to Chrome's offscreen document (the one page that may play
// sound and write the clipboard for a service worker). Validated with zod on arrival; the
// offscreen page ignores everything else, including the pages' messages to the background.
import * as z from 'zod/mini';

export const offscreenMessageSchema = z.union([
  /** Start or stop the ring sound (looping until stopped). */
  z.object({ target: z.literal('offscreen'), type: z.literal('ring'), on: z.boolean() }),
  /** Put a caller's number on the clipboard (a notification's "Copy number" button). */
  z.object({ target: z.literal('offscreen'), type: z.literal('copy'), text: z.string().check(z.maxLength(200)) }),
]);

export type OffscreenMessage = z.infer<typeof offscreenMessageSchema>;

export const offscreenReplySchema = z.object({ ok: z.boolean() });
export type OffscreenReply = z.infer<typeof offscreenReplySchema>;
