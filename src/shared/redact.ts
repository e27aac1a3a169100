// Keeps the company-wide API key out of anything a person can see, copy or send (PROTOCOL.md:
// "redact it from any URL shown or reported"). Pure.

const MASK_CHARS = ['*', '•', '#', '~', 'x', '_'];

/** `***`, unless a secret itself contains `*`: then a mask no secret shares a character with, so a replacement can never form a secret again. */
function maskFor(secrets: readonly string[]): string {
  const used = (ch: string) => secrets.some((s) => s.includes(ch));
  const ch = MASK_CHARS.find((c) => !used(c));
  if (ch) return ch.repeat(3);
  for (let code = 0x2580; ; code++) {
    const candidate = String.fromCodePoint(code);
    if (!used(candidate)) return candidate.repeat(3);
  }
}

/** The forms a secret takes in URLs, forms and JSON: raw, percent-encoded, form-encoded, JSON-escaped. */
function variantsOf(secret: string): string[] {
  const forms = new Set([secret]);
  try {
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ k: secret }).toString().slice(2));
  } catch {
    // A lone surrogate cannot be percent-encoded: only the raw form can appear then.
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  // Longest first, so an encoded form is not half-replaced through a shorter raw match.
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret (in each of its encodings) with a mask. */
export function redactText(text: string, secrets: readonly string[]): string {
  const live = secrets.filter((s) => s.length > 0);
  if (live.length === 0) return text;
  const variants = [...new Set(live.flatMap(variantsOf))].sort((a, b) => b.length - a.length);
  const mask = maskFor(variants);
  let out = text;
  for (const variant of variants) out = out.split(variant).join(mask);
  return out;
}

/** The URL with its `apiKey` query value masked, and the key masked wherever else it appears. */
export function redactUrl(url: string, apiKey: string): string {
  const masked = url.replace(/([?&]apiKey=)[^&#]*/gi, '$1***');
  return redactText(masked, [apiKey]);
}
