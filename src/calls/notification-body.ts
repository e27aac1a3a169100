// What a notification's body says where the browser draws no context line (Firefox): the line or
// group goes into the body, after company and number, so the agent sees the same three facts.
import { cleanText } from '../protocol/text-hygiene';
import { joinParts } from './notification-text';

/**
 * Firefox cuts a notification body longer than 200 UTF-16 code units and adds "…"
 * (BODY_TEXT_LIMIT in toolkit/components/alerts/resources/content/alert.js, Firefox ESR 153;
 * tests/e2e/notifications-firefox.e2e.ts reads the alert window: 200 shown whole, 201 cut).
 */
export const FIREFOX_BODY_LIMIT = 200;

const SEPARATOR = ' · ';
/** A cut part keeps at least this much ("Acme Corp…"), so no part shrinks to a bare ellipsis. */
const SHORTEST_CUT = 10;

/**
 * `message` (company · number) and `context` (line · group) as one body of at most `limit`
 * characters. When it does not fit, the longest part is cut first (a long company name), so the
 * short ones the agent acts on (the number, the line's label) stay whole. The message's second
 * line (the caller's story, notification-policy.ts) stays the last line, as Chrome shows it:
 * Firefox's alert keeps line breaks (white-space: pre-wrap in alert.css).
 */
export function bodyWithContext(message: string, context: string, limit = FIREFOX_BODY_LIMIT): string {
  const [first = '', ...rest] = message.split('\n');
  const story = cleanText(rest.join(' '), Math.floor(limit / 2)) ?? '';
  const head = oneLine(first, context, story === '' ? limit : limit - story.length - 1);
  return [head, story].filter((line) => line !== '').join('\n');
}

function oneLine(message: string, context: string, limit: number): string {
  const parts = [message, context].filter((text) => text !== '').flatMap((text) => text.split(SEPARATOR));
  const lengthOf = () => joinParts(parts).length;
  while (lengthOf() > limit) {
    const longest = parts.reduce((best, part, index) => (part.length > parts[best]!.length ? index : best), 0);
    const excess = lengthOf() - limit;
    const room = Math.max(SHORTEST_CUT, parts[longest]!.length - excess);
    if (room >= parts[longest]!.length) break; // nothing left to cut without losing a whole part
    parts[longest] = cleanText(parts[longest]!, room) ?? '';
  }
  return cleanText(joinParts(parts), limit) ?? '';
}

/** Which notification options the browser draws (probed by src/background/notification-features.ts). */
export interface NotificationFeatures {
  buttons: boolean;
  requireInteraction: boolean;
  /** A second, lighter line under the body (Chrome); where false the line goes into the body. */
  contextMessage: boolean;
  silent: boolean;
  /** notifications.update; where false an update is a clear and a create under the same id. */
  update: boolean;
}
