// Does this PBX accept client keep-alive frames? Pure, so the evidence rule and its expiry are
// unit-tested with a fake clock. Client traffic is what keeps a NAT or firewall mapping alive, so
// the extension sends frames unless the PBX has shown, beyond coincidence, that it closes on them.
import * as z from 'zod/mini';

/** A close this soon after a keep-alive frame is "right after" it. A strict PBX closes within milliseconds. */
export const AFTER_FRAME_WINDOW_MS = 1_000;
/**
 * Connections in a row that must each close right after their first keep-alive frame, with the same
 * close code. A reset unrelated to the frame lands in the 1 s window after a frame sent every 20 s
 * with a chance of about 1 in 20; three in a row, same code, about 1 in 8,000.
 */
export const STRICT_STREAK = 3;
/** A verdict of `api-calls` is retried with frames after this: a wrong verdict or a PBX that changed heals by itself. */
export const VERDICT_TTL_MS = 24 * 60 * 60_000;

export const keepAliveRecordSchema = z.object({
  mode: z.enum(['frames', 'api-calls']),
  /** Epoch ms the mode was chosen. */
  since: z.number(),
  /** Why: the default, the strict-PBX evidence, an expired verdict, new settings, or the agent's "Try frames again". */
  reason: z.enum(['default', 'strict-pbx', 'expired', 'settings-changed', 'manual']),
  /** Connections in a row closed right after a keep-alive frame, and the close code they shared. */
  streak: z.number(),
  streakCode: z.nullable(z.number()),
  /** Which settings the verdict is about (a fingerprint of the connection URL; never the key itself). */
  target: z.nullable(z.string()),
});

export type KeepAliveRecord = z.infer<typeof keepAliveRecordSchema>;
export type KeepAliveMode = KeepAliveRecord['mode'];

export function freshRecord(now: number, reason: KeepAliveRecord['reason'], target: string | null): KeepAliveRecord {
  return { mode: 'frames', since: now, reason, streak: 0, streakCode: null, target };
}

/**
 * The stored record as it applies to `target` now: a record for other settings, an expired verdict,
 * or anything unreadable (including the bare string an older version stored) starts from frames.
 */
export function currentRecord(stored: unknown, target: string | null, now: number): KeepAliveRecord {
  const parsed = keepAliveRecordSchema.safeParse(stored);
  if (!parsed.success) return freshRecord(now, 'default', target);
  const record = parsed.data;
  if (record.target !== target) return freshRecord(now, record.target === null ? 'default' : 'settings-changed', target);
  if (record.mode === 'api-calls' && now - record.since >= VERDICT_TTL_MS) return freshRecord(now, 'expired', target);
  return record;
}

/** What one connection's end says about keep-alive frames. */
export interface SocketEnd {
  /** Keep-alive frames sent on this connection. */
  framesSent: number;
  /** Ms from the last keep-alive frame to the close; null when none was sent. */
  msAfterLastFrame: number | null;
  code: number;
}

/** Folds one connection's end into the record. */
export function afterSocketEnd(record: KeepAliveRecord, end: SocketEnd, now: number): KeepAliveRecord {
  if (record.mode !== 'frames' || end.framesSent === 0 || end.msAfterLastFrame === null) return record;
  const rightAfterFirst = end.framesSent === 1 && end.msAfterLastFrame <= AFTER_FRAME_WINDOW_MS;
  // A frame that the connection outlived is proof the PBX accepts frames.
  if (!rightAfterFirst) return record.streak === 0 ? record : { ...record, streak: 0, streakCode: null };
  const streak = record.streak > 0 && record.streakCode === end.code ? record.streak + 1 : 1;
  if (streak >= STRICT_STREAK) return { ...record, mode: 'api-calls', since: now, reason: 'strict-pbx', streak, streakCode: end.code };
  return { ...record, streak, streakCode: end.code };
}

/** A keep-alive frame went out and the socket is still open at the next one: the PBX accepts frames. */
export function afterFrameSurvived(record: KeepAliveRecord): KeepAliveRecord {
  return record.streak === 0 ? record : { ...record, streak: 0, streakCode: null };
}

/**
 * A short, stable fingerprint of a connection URL, to tell "the same settings" from "new settings"
 * across worker restarts without storing the URL (it carries the key). 53 bits of cyrb53: enough to
 * tell settings apart, far too little to recover a key from.
 */
export function targetFingerprint(url: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i++) {
    const ch = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
