// Wire text is shown to an agent who will act on it (call back, open a CRM card), so nothing
// invisible may survive: control characters, bidi overrides (the "Trojan Source" trick that
// makes "evil.com/moc.knab" read backwards) and zero-width characters that hide or splice words.
// Markup (<, >, &) stays as text on purpose: the UI renders text, never HTML.

/** C0 and C1 whitespace that separated words on the wire: keep the gap, lose the character. */
const CONTROL_WHITESPACE = /[\t\n\v\f\r\u0085]/g;
/** Every other C0/C1 control character, DEL included. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidi embeddings/overrides/isolates and marks; zero-width and invisible formatting characters
 * (soft hyphen, combining grapheme joiner, Hangul fillers, word joiner and invisible operators,
 * deprecated format characters, BOM, interlinear annotations) and Unicode tag characters
 * (invisible "ASCII smuggling").
 */
const INVISIBLE =
  /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\u00ad\u034f\u115f\u1160\u180e\u3164\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;
/** Half of a surrogate pair without its other half: it breaks encodeURIComponent and renders as garbage. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** "Zalgo" text stacks marks until they cover neighbouring lines; real scripts need a few at most. */
const MARK_RUN = /(\p{M}{4})\p{M}+/gu;
const ELLIPSIS = '…';
/**
 * Text that every step above would leave as it is: words of printable ASCII, Latin-1 letters and
 * signs, Cyrillic (its combining marks U+0483–0489 excluded), general punctuation U+2010–2027 and
 * "№", one plain space between words. Almost every wire value is like this, and one test is far
 * cheaper than six replaces (text-hygiene.test.ts checks it against the full pipeline).
 */
const PLAIN_WORD = '[\\x21-\\x7e\\u00a1-\\u00ac\\u00ae-\\u00ff\\u0400-\\u0482\\u048a-\\u04ff\\u2010-\\u2027\\u2116]+';
const PLAIN_TEXT = new RegExp(`^${PLAIN_WORD}(?: ${PLAIN_WORD})*$`);

/** Readable single-line text, at most `maxLength` UTF-16 code units (ellipsis included), or null when nothing is left. */
export function cleanText(value: string | null, maxLength = 500): string | null {
  if (typeof value !== 'string') return null;
  const cap = Math.max(1, Math.floor(maxLength));
  const cleaned = PLAIN_TEXT.test(value) ? value : cleanedOf(value);
  if (cleaned === '') return null;
  if (cleaned.length <= cap) return cleaned;
  return truncate(cleaned, cap - ELLIPSIS.length) + ELLIPSIS;
}

function cleanedOf(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL_WHITESPACE, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(MARK_RUN, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string, length: number): string {
  let end = length;
  // Never cut between the halves of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}

/** Longest dialable string we keep; longer ones are garbage and are dropped whole, never shortened. */
export const MAX_NUMBER_LENGTH = 64;
const DIALABLE = /^\+?[0-9*#]+$/;

/**
 * A phone number or extension reduced to what can be dialed: ASCII digits, '*', '#', and a '+'
 * only in front. Null when nothing dialable is left or when it is longer than 64 characters: a
 * shortened number would look right and call the wrong person.
 */
export function cleanNumber(value: string | null): string | null {
  if (typeof value !== 'string') return null;
  // Already dialable as it stands (the usual case): nothing to strip.
  if (DIALABLE.test(value)) return value.length <= MAX_NUMBER_LENGTH ? value : null;
  const trimmed = value.replace(CONTROL, '').replace(INVISIBLE, '').trim();
  const plus = trimmed.startsWith('+') ? '+' : '';
  const body = trimmed.replace(/[^0-9*#]/g, '');
  if (body === '') return null;
  const result = plus + body;
  return result.length <= MAX_NUMBER_LENGTH ? result : null;
}
