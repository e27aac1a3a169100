// The one declared map of messages from pages to the background. Every message is validated
// with zod on the receiving side; anything not from this extension is ignored.
import * as z from 'zod/mini';
import { connectionTestReportSchema } from '../connection/connection-test-report';
import { NOTE_MAX_LENGTH } from '../calls/call-note';

// A plain union, not z.discriminatedUnion: the literals already tell the options apart, and the
// discriminated variant adds ~0.5 KB gzip of zod to every bundle for nothing here.
export const pageMessageSchema = z.union([
  /** Reconnect now (after saving settings, or the popup's "Retry now"). */
  z.object({ type: z.literal('reconnect') }),
  /** The popup was opened: missed calls count as seen. */
  z.object({ type: z.literal('mark-missed-seen') }),
  z.object({ type: z.literal('clear-history') }),
  /** Diagnostics' "Try keep-alive frames again": forget the verdict that the PBX refuses client frames. */
  z.object({ type: z.literal('retry-keep-alive-frames') }),
  /** Open a CRM link of a call: the background opens it only when that call carries it, then checks scheme, host and allow-list. */
  z.object({ type: z.literal('open-crm'), url: z.string(), call: z.nullable(z.string()) }),
  /** Click-to-call through the PBX: rings the agent's phone, then dials `number` (normalized by the background). */
  z.object({ type: z.literal('call-back'), number: z.string().check(z.maxLength(200)) }),
  /** The confirmation window asks which number waits under its token (a page asked to call it). */
  z.object({ type: z.literal('dial-pending'), token: z.string().check(z.maxLength(100)) }),
  /** The agent confirmed: the background dials the number it stored under the token, never one from the message. */
  z.object({ type: z.literal('dial-confirm'), token: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('dial-cancel'), token: z.string().check(z.maxLength(100)) }),
  /** The options page: does a policy set the API key? (The page never reads the key itself.) */
  z.object({ type: z.literal('policy-key') }),
  /**
   * "Test connection" with the values on screen; fields a policy sets are taken from the policy by
   * the background. Run there so a failed handshake's URL (with the key) never lands in the page's console.
   */
  z.object({
    type: z.literal('test-connection'),
    domain: z.string().check(z.maxLength(2000)),
    apiKey: z.string().check(z.maxLength(2000)),
    subscriber: z.string().check(z.maxLength(2000)),
    urlTemplate: z.string().check(z.maxLength(4000)),
  }),
  /** "Done" on a to-call-back entry: `key` is its normalized number. */
  z.object({ type: z.literal('dismiss-call-back'), key: z.string().check(z.maxLength(200)) }),
  /** The agent's note on a call in history ('' removes it); `call` is the conversation's root uuid. */
  z.object({ type: z.literal('set-note'), call: z.string().check(z.maxLength(200)), note: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;

export const pageReplySchema = z.object({
  ok: z.boolean(),
  error: z.optional(z.string()),
  /** dial-pending / dial-confirm: the number waiting under the token. */
  number: z.optional(z.string()),
  /** policy-key: whether a policy sets the API key. */
  policyKey: z.optional(z.boolean()),
  /** policy-key: whether a policy sets an API key that CallPop cannot use (pages never read it to find out). */
  policyKeyIgnored: z.optional(z.boolean()),
  /** test-connection: what the test found. */
  report: z.optional(connectionTestReportSchema),
});
export type PageReply = z.infer<typeof pageReplySchema>;
