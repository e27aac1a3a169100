// Connection health, written by the background only, read by the popup and options pages.
import * as z from 'zod/mini';
import { keepAliveRecordSchema } from './keep-alive-verdict';

export const connectionStateSchema = z.enum([
  'not-configured', // settings are incomplete: nothing to connect to
  'connecting',
  'connected',
  'reconnecting', // waiting `retryAt` before the next attempt
  'stopped', // gave up fast retries; `stopReason` says why (e.g. refused: check settings)
]);

/** Why a connection that looks open was replaced: the world changed under it. */
export const suspectReasonSchema = z.enum(['silence', 'wake', 'online', 'idle-active']);

export const healthSchema = z.object({
  state: connectionStateSchema,
  /** Why it stopped or why the last attempt failed, as a message key plus details. */
  stopReason: z.nullable(z.enum(['refused', 'invalid-settings', 'insecure-url', 'pbx-error'])),
  /** Epoch ms of the next attempt when reconnecting. */
  retryAt: z.nullable(z.number()),
  connectedSince: z.nullable(z.number()),
  lastFrameAt: z.nullable(z.number()),
  reconnectCount: z.number(),
  framesAccepted: z.number(),
  framesRejected: z.number(),
  /** The last few rejection reasons, newest last. */
  lastRejections: z.array(z.object({ at: z.number(), reason: z.string() })),
  lastPbxError: z.nullable(z.object({ at: z.number(), message: z.string() })),
  /** How the worker is kept alive: client keep-alive frames, or API calls when the server refuses client frames. */
  keepAlive: z.enum(['frames', 'api-calls']),
  /** When and why the keep-alive mode was chosen (src/connection/keep-alive-verdict.ts). */
  keepAliveSince: z.nullable(z.number()),
  keepAliveReason: z.nullable(keepAliveRecordSchema.shape.reason),
  /** The URL in use with the API key redacted. */
  displayUrl: z.nullable(z.string()),
  lastCloseCode: z.nullable(z.number()),
  /** Failed attempts since the last stable connection (drives the backoff; survives the worker). */
  failedAttempts: z.number(),
  /** Connections in a row the PBX rejected with an `error` frame and a quick close (positive evidence of wrong settings). */
  refusals: z.number(),
  /** Fingerprint of the connection URL the backoff above is about: a restarted worker continues it for the same settings. */
  target: z.nullable(z.string()),
  /** Sockets replaced make-before-break (silence, wake, network back, idle back), and the last one. */
  replacements: z.number(),
  lastReplacement: z.nullable(z.object({ at: z.number(), reason: suspectReasonSchema })),
});

export type SuspectReason = z.infer<typeof suspectReasonSchema>;

export type Health = z.infer<typeof healthSchema>;
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const INITIAL_HEALTH: Health = {
  state: 'not-configured',
  stopReason: null,
  retryAt: null,
  connectedSince: null,
  lastFrameAt: null,
  reconnectCount: 0,
  framesAccepted: 0,
  framesRejected: 0,
  lastRejections: [],
  lastPbxError: null,
  keepAlive: 'frames',
  keepAliveSince: null,
  keepAliveReason: null,
  displayUrl: null,
  lastCloseCode: null,
  failedAttempts: 0,
  refusals: 0,
  target: null,
  replacements: 0,
  lastReplacement: null,
};
