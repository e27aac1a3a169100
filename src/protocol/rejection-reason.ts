// Rejection reasons are read by whoever can fix the PBX side, in the diagnostics panel and the
// replay tool, so they name the field path and quote the offending value — cleaned, because a
// value from the wire must not smuggle bidi tricks into the diagnostics either.
import { maskKeyParams } from './redact';
import type * as z from 'zod/mini';
import { cleanText } from './text-hygiene';

const QUOTE_LIMIT = 60;

/** A short, safe rendering of a wire value for a reason: `"high"`, `5`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.trim() === '') return value === '' ? 'an empty string' : 'a blank string';
    // Masked before it is cut, so a quoted URL cannot leave a piece of an apiKey value behind.
    return JSON.stringify(cleanText(maskKeyParams(value), QUOTE_LIMIT) ?? '');
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `["otherLegs", 1, "priority"]` → `otherLegs[1].priority`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? 'frame' : text;
}

/** One line from zod's issues: the first one in full, then how many more there were. */
export function reasonFromIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'frame: invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${formatPath(first.path)}: ${first.message}${more}`;
}
