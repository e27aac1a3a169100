// A Translate over a messages.json catalog that gives the same strings as browser.i18n.getMessage,
// so Node tools (replay, simulator) and tests speak exactly like the extension.
// Chrome's rules: https://developer.chrome.com/docs/extensions/reference/api/i18n and
// extensions/common/message_bundle.cc (named $placeholder$ at load), base::ReplaceStringPlaceholders
// ($1..$9 and $$ at getMessage time).
import * as z from 'zod/mini';
import type { Translate } from './i18n-types';

const catalogEntrySchema = z.object({
  message: z.string(),
  placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))),
});
const catalogSchema = z.record(z.string(), catalogEntrySchema);

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type Catalog = z.infer<typeof catalogSchema>;

/**
 * The one way a messages.json catalog becomes a Catalog, whoever read the file (a page's fetch,
 * Node's readFileSync in tools/i18n/load-catalog.ts): checked, never cast. null when it is not one.
 */
export function parseCatalog(raw: unknown): Catalog | null {
  const parsed = catalogSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const NAME = /^[A-Za-z0-9_@]+$/;

/** `$name$` → the placeholder's content (names case-insensitive); unknown names are left as written. */
function inlinePlaceholders(entry: CatalogEntry): string {
  const byName = new Map<string, string>();
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) byName.set(name.toLowerCase(), placeholder.content);
  const message = entry.message;
  let out = '';
  let i = 0;
  while (i < message.length) {
    const begin = message.indexOf('$', i);
    if (begin < 0) break;
    const end = message.indexOf('$', begin + 1);
    if (end < 0) break;
    const name = message.slice(begin + 1, end);
    const content = NAME.test(name) ? byName.get(name.toLowerCase()) : undefined;
    if (content === undefined) {
      // Not a placeholder (e.g. "$$" or "$1 … $"): the second '$' may open the next one.
      out += message.slice(i, end);
      i = end;
      continue;
    }
    out += message.slice(i, begin) + content;
    i = end + 1;
  }
  return out + message.slice(i);
}

/** `$1`..`$9` → substitutions (missing ones become ''), `$$` → `$`, any other `$x` is dropped as Chrome does. */
function substitute(text: string, substitutions: readonly string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '$') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    i++;
    if (next === '$') {
      while (text[i] === '$') {
        out += '$';
        i++;
      }
      i--;
    } else if (next >= '1' && next <= '9') {
      out += substitutions[Number(next) - 1] ?? '';
    }
  }
  return out;
}

export function createCatalogTranslator(messages: Catalog): Translate {
  const inlined = new Map<string, string>();
  for (const [key, entry] of Object.entries(messages)) inlined.set(key.toLowerCase(), inlinePlaceholders(entry));
  return (key, substitutions = []) => {
    const text = inlined.get(key.toLowerCase());
    // Chrome answers '' for an unknown key, and undefined for more than nine substitutions.
    if (text === undefined || substitutions.length > 9) return '';
    return substitute(text, substitutions);
  };
}
