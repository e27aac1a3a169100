// The payload of an `error` event is undocumented (PROTOCOL.md, Transport), so the summary
// takes whatever usual fields are there and falls back to the frame itself, compacted.
import { cleanText } from '../shared/text-hygiene';

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

function textOf(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // `{"error": {"code": 401, "message": "…"}}` reads better summarized than as JSON.
  if (isObject(value) && depth < NESTING_LIMIT) return summarizeFields(value, depth + 1) ?? compactJson(value);
  if (value !== null && value !== undefined) return compactJson(value);
  return null;
}

function summarizeFields(frame: JsonObject, depth: number): string | null {
  const parts: string[] = [];
  for (const key of TEXT_FIELDS) {
    if (!Object.hasOwn(frame, key)) continue;
    const text = cleanText(textOf(frame[key], depth), MAX_ERROR_MESSAGE_LENGTH);
    if (text !== null && !parts.includes(text)) parts.push(text);
  }
  const code = Object.hasOwn(frame, 'code') ? cleanText(textOf(frame.code, depth), 100) : null;
  const summary = parts.join(' — ');
  if (code === null) return summary === '' ? null : summary;
  return summary === '' ? `code ${code}` : `${summary} (code ${code})`;
}

/** A human-readable, single-line summary of an `error` frame, at most 500 characters. */
export function summarizeErrorFrame(frame: JsonObject): string {
  const summary = summarizeFields(frame, 0) ?? compactJson(frame);
  return cleanText(summary, MAX_ERROR_MESSAGE_LENGTH) ?? 'the PBX reported an error without details';
}
