// Shifts a frame's time fields so a recorded scenario "happens now". Pure: text in, text out.

export const TIME_FIELDS = ['dialAt', 'bridgeAt', 'serverTime'] as const;

// docs/protocol.md decision 1: a time below 10^12 is seconds (the platform's REST API uses them).
const SECONDS_LIMIT = 1e12;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(frame: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(frame);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function mapValue(value: unknown, mapMs: (ms: number) => number): unknown {
  const time = numericValue(value);
  if (time === null) return value;
  const seconds = time < SECONDS_LIMIT;
  const mapped = mapMs(seconds ? time * 1000 : time);
  const result = Math.round(seconds ? mapped / 1000 : mapped);
  // The wire mixes numbers and numeric strings; keep whichever type the frame used.
  return typeof value === 'string' ? String(result) : result;
}

/**
 * Passes `dialAt`, `bridgeAt` and `serverTime` of a JSON-object frame through `mapMs` (epoch ms
 * in and out; second-valued times stay in seconds). Anything else (not JSON, not an object, no
 * numeric time field) comes back untouched, byte for byte, so malformed fixtures stay malformed.
 */
export function mapFrameTimes(frame: string, mapMs: (ms: number) => number): string {
  const object = parseObject(frame);
  if (object === null) return frame;
  let changed = false;
  for (const field of TIME_FIELDS) {
    if (!Object.hasOwn(object, field)) continue;
    const next = mapValue(object[field], mapMs);
    if (next !== object[field]) {
      object[field] = next;
      changed = true;
    }
  }
  return changed ? JSON.stringify(object) : frame;
}

/** Adds `shiftMs` to a frame's time fields (see `mapFrameTimes` for what is left alone). */
export function rewriteTimes(frame: string, shiftMs: number): string {
  return shiftMs === 0 ? frame : mapFrameTimes(frame, (ms) => ms + shiftMs);
}

/** A frame's `serverTime` (else `dialAt`) in epoch ms, or null: the anchor for rewriting. */
export function frameTimeMs(frame: string): number | null {
  const object = parseObject(frame);
  if (object === null) return null;
  for (const field of ['serverTime', 'dialAt'] as const) {
    const time = numericValue(object[field]);
    if (time !== null) return time < SECONDS_LIMIT ? time * 1000 : time;
  }
  return null;
}
