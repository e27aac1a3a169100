// One settings schema for every place that reads settings. A stored value that is
// corrupt or from an older version falls back to defaults field by field.
import * as z from 'zod/mini';
import { UI_LANGUAGES } from './ui-languages';

export const SETTINGS_VERSION = 1;

/** What `z.int()` accepts (a safe integer), without pulling zod's number-format checks into every bundle. */
const safeInt = () => z.refine<number>(Number.isSafeInteger);

export const notificationPolicySchema = z.object({
  /** Incoming external calls pop while ringing. */
  incoming: z.boolean(),
  /** Incoming internal calls (a colleague calling) pop while ringing. */
  internal: z.boolean(),
  /** Outgoing calls pop (off by default: the agent knows whom they dialed). */
  outgoing: z.boolean(),
  /** An incoming call that ended unanswered pops a "missed call" notification. */
  missed: z.boolean(),
  /** What the ringing notification does once answered. */
  onAnswer: z.enum(['update', 'clear']),
  /** Open the CRM card by itself: never, as it rings, or once answered. */
  autoOpen: z.enum(['off', 'ring', 'answer']),
  /** Auto-opened tabs come to the front, or stay in the background. */
  autoOpenFocused: z.boolean(),
  /** A short sound repeats while a call that pops rings here (off by default: many desk phones ring anyway). */
  ringSound: z.boolean(),
});

export const settingsSchema = z.object({
  version: z.number(),
  /** PBX domain, e.g. `qwerty.pbx.vega.ua` (host[:port] only, already normalized). */
  domain: z.string(),
  /** Company-wide secret. Lives in local storage only, never synced, never logged. */
  apiKey: z.string(),
  /** Extension number or e-mail of the employee whose events are wanted. */
  subscriber: z.string(),
  /** Advanced: full URL with {domain}, {apiKey}, {subscriber} placeholders; empty = documented URL. */
  urlTemplate: z.string(),
  notifications: notificationPolicySchema,
  /** Origins whose CRM links may open; empty = any public https origin (see src/protocol/crm-link.ts). */
  crmAllowList: z.array(z.string()),
  /** Policy only: numbers calling through the PBX may dial start with one of these (`+380`); empty = any. */
  dialPrefixes: z.array(z.string()),
  historyLimit: z.number().check(safeInt(), z.gte(10), z.lte(5000)),
  language: z.enum(UI_LANGUAGES),
  /**
   * Seconds of PBX silence after which the socket is replaced make-before-break (a zombie no wake or
   * network signal announced). Policy only: each replacement is one handshake on the PBX.
   */
  silenceLimitSeconds: z.number().check(safeInt(), z.gte(30), z.lte(600)),
});

export type Settings = z.infer<typeof settingsSchema>;
export type NotificationPolicy = z.infer<typeof notificationPolicySchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  domain: '',
  apiKey: '',
  subscriber: '',
  urlTemplate: '',
  notifications: {
    incoming: true,
    internal: true,
    outgoing: false,
    missed: true,
    onAnswer: 'update',
    autoOpen: 'off',
    autoOpenFocused: false,
    ringSound: false,
  },
  crmAllowList: [],
  dialPrefixes: [],
  historyLimit: 500,
  language: 'browser',
  silenceLimitSeconds: 60,
};
