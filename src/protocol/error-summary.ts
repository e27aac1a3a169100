// The payload of an `error` event is undocumented (docs/protocol.md, Transport), so the summary
// takes whatever usual fields are there and falls back to the frame itself, compacted.
// Every text is masked before it is shortened: a cut inside the API key would leave a prefix that
// no longer matches the key (issue 16, finding 1).
import { cleanText } from './text-hygiene';
import { redactText } from './redact';

export const MAX_ERROR_MESSAGE_LENGTH = 500;
const TEXT_FIELDS = ['message', 'error', 'description', 'reason'] as const;
const NESTING_LIMIT = 2;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Only a frame nested deeper than the stack can get here; it has nothing readable to say.
    return '';
  }
}

/**
 * Cleaned, masked, then cut to `maxLength`. The secrets are masked as given and as cleaning
 * leaves them (a key holding a zero-width character loses it in the text too).
 */
function maskedText(value: string | null, maxLength: number, secrets: readonly string[]): string | null {
  if (value === null) return null;
  const cleanSecrets = secrets.map((s) => cleanText(s, Infinity) ?? '');
  const whole = cleanText(redactText(value, secrets), Infinity);
  return whole === null ? null : cleanText(redactText(whole, [...secrets, ...cleanSecrets]), maxLength);
}

function textOf(value: unknown, depth: number, secrets: readonly string[]): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // `{"error": {"code": 401, "message": "…"}}` reads better summarized than as JSON.
  if (isObject(value) && depth < NESTING_LIMIT) return summarizeFields(value, depth + 1, secrets) ?? compactJson(value);
  if (value !== null && value !== undefined) return compactJson(value);
  return null;
}

function summarizeFields(frame: JsonObject, depth: number, secrets: readonly string[]): string | null {
  const parts: string[] = [];
  for (const key of TEXT_FIELDS) {
    if (!Object.hasOwn(frame, key)) continue;
    const text = maskedText(textOf(frame[key], depth, secrets), MAX_ERROR_MESSAGE_LENGTH, secrets);
    if (text !== null && !parts.includes(text)) parts.push(text);
  }
  const code = Object.hasOwn(frame, 'code') ? maskedText(textOf(frame.code, depth, secrets), 100, secrets) : null;
  const summary = parts.join(' — ');
  if (code === null) return summary === '' ? null : summary;
  return summary === '' ? `code ${code}` : `${summary} (code ${code})`;
}

/**
 * A human-readable, single-line summary of an `error` frame, at most 500 characters, with every
 * `secrets` entry and every apiKey parameter masked.
 */
export function summarizeErrorFrame(frame: JsonObject, secrets: readonly string[] = []): string {
  const summary = summarizeFields(frame, 0, secrets) ?? compactJson(frame);
  return maskedText(summary, MAX_ERROR_MESSAGE_LENGTH, secrets) ?? 'the PBX reported an error without details';
}
