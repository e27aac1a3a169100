// A dialable number from what an agent selects on a page or a `tel:` link. Pure.
// Ukrainian numbers are written many ways ("067 123 45 67", "(044) 123-45-67", "+38 067…",
// "8 067…"); the PBX wants one: `+380XXXXXXXXX`. Anything else must carry its own country
// code (`+` or `00`), because a bare foreign number cannot be told from a date or an order id.

/** Longer selections are cut: a number is never hidden deep inside a novel. */
const MAX_INPUT = 2_000;
/** A run of digits with the separators people type between them; `+` only in front. */
const CANDIDATE = /\+?\(?\d[\d\s().\-\u00a0\u2010-\u2015]{5,24}\d/g;
/** E.164: at most 15 digits after the `+`; fewer than 8 is no international number. */
const INTERNATIONAL = /^\d{8,15}$/;
const UKRAINE = /^380\d{9}$/;

/** `+380XXXXXXXXX`, `+<8–15 digits>`, or null when the digits are no plausible number. */
function fromDigits(digits: string, hasPlus: boolean): string | null {
  let full: string | null = null;
  if (hasPlus) full = digits;
  else if (digits.startsWith('00')) full = digits.slice(2);
  else if (/^380\d{9}$/.test(digits)) full = digits;
  else if (/^0\d{9}$/.test(digits)) full = `38${digits}`;
  // The old trunk prefix "8 0XX…" still appears on signs and e-mail signatures.
  else if (/^80\d{9}$/.test(digits)) full = `3${digits}`;
  // "+38 067…" and "38 067…" are the same number written with the country code split.
  if (full !== null && /^380/.test(full) && !UKRAINE.test(full)) return null;
  if (full === null || !INTERNATIONAL.test(full) || full.startsWith('0')) return null;
  return `+${full}`;
}

/** One candidate as written ("+38 (067) 123-45-67") → normalized, or null. */
function normalizeCandidate(text: string): string | null {
  const hasPlus = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  return fromDigits(digits, hasPlus);
}

/** The value of a `tel:` link (RFC 3966): percent-decoded, parameters after `;` dropped. */
function telValue(text: string): string | null {
  const match = /^\s*tel:([^;?#]*)/i.exec(text);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return match[1] ?? '';
  }
}

/**
 * The first plausible phone number in `text` (selected text or a `tel:` URL), as `+` and
 * digits only; null when there is none. Never throws.
 */
export function phoneNumberIn(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const input = text.slice(0, MAX_INPUT);
  const tel = telValue(input);
  if (tel !== null) return normalizeCandidate(tel.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, ''));
  for (const match of input.matchAll(CANDIDATE)) {
    // A digit run glued to letters ("order A0671234567") is an id, not a number.
    const before = input[match.index - 1] ?? ' ';
    const after = input[match.index + match[0].length] ?? ' ';
    if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after)) continue;
    const found = normalizeCandidate(match[0].trim());
    if (found) return found;
  }
  return null;
}

/** True for what phoneNumberIn returns: `+` then 8–15 digits. */
export function isNormalizedNumber(value: string): boolean {
  return /^\+\d{8,15}$/.test(value);
}
