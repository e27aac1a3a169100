// Growing lists are bounded by bytes as well as by count: storage.local holds 10 MiB in Chrome
// (QUOTA_BYTES, counted as the UTF-8 JSON of keys and values), and a count alone lets 20 calls
// carrying the largest fields the wire allows fill it. Pure.

/** UTF-8 bytes of a string, without allocating an encoder buffer. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of `value` as the browser counts them against the quota (its JSON, in UTF-8). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? 0 : utf8Length(text);
}

/**
 * Sizes of records already measured. A history save measures every record; records are objects
 * the reducer keeps, so each is measured once. A record changed in place later (a note added, seen)
 * keeps its first size: the budget is then off by that change, and the quota path still holds.
 */
const measured = new WeakMap<object, number>();

function recordBytes(record: unknown): number {
  if (typeof record !== 'object' || record === null) return jsonBytes(record);
  let bytes = measured.get(record);
  if (bytes === undefined) {
    bytes = jsonBytes(record);
    measured.set(record, bytes);
  }
  return bytes;
}

/**
 * The newest records of `records` (oldest first) whose JSON fits `budget` bytes. Returns the same
 * array when everything fits, so callers can tell by identity that nothing was dropped.
 */
export function newestWithin<T>(records: T[], budget: number): T[] {
  let total = 2; // "[]"
  for (let i = records.length - 1; i >= 0; i--) {
    total += recordBytes(records[i]) + (i < records.length - 1 ? 1 : 0);
    if (total > budget) return records.slice(i + 1);
  }
  return records;
}
