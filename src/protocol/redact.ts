// Keeps the company-wide API key out of anything a person can see, copy or send (docs/protocol.md:
// "redact it from any URL shown or reported"). Pure.
//
// Two layers: the known key is masked wherever it appears (raw, percent-, form- or JSON-encoded),
// and any `apiKey=` value is masked whatever it is (a key typed but not saved, an old key the PBX
// echoes back). Text is always masked before it is shortened: a cut inside a key would leave a
// prefix that no longer matches (issue 16, finding 1).

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
    // A whole URL quoted inside another URL's parameter is encoded twice.
    forms.add(encodeURIComponent(encodeURIComponent(secret)));
  } catch {
    // A lone surrogate cannot be percent-encoded: only the raw form can appear then.
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  // Longest first, so an encoded form is not half-replaced through a shorter raw match.
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * `apiKey=<value>` (also `api_key`, `api-key`, any case), with `=` raw or percent-encoded once or
 * twice; the value runs to the next separator (`&`, `#`, space, quote, or an encoded `&`).
 */
const KEY_PARAM = /(api[_-]?key(?:=|%(?:25)*3d))((?:(?!%(?:25)*26)[^&#\s"'<>\\])+)/gi;
/** `"apiKey": "<value>"` in JSON, the value with its escapes. */
const KEY_JSON = /("api[_-]?key"\s*:\s*")((?:[^"\\]|\\.)+)(")/gi;

/** Masks the value of every apiKey parameter, whatever the key is. */
export function maskKeyParams(text: string, mask = '***'): string {
  return text.replace(KEY_PARAM, (_all, name: string) => `${name}${mask}`).replace(KEY_JSON, (_all, open: string, _value: string, close: string) => `${open}${mask}${close}`);
}

/** Replaces every occurrence of every secret (in each of its encodings), and every apiKey parameter's value, with a mask. */
export function redactText(text: string, secrets: readonly string[]): string {
  const live = secrets.filter((s) => s.length > 0);
  const variants = [...new Set(live.flatMap(variantsOf))].sort((a, b) => b.length - a.length);
  const mask = maskFor(variants);
  let out = text;
  for (const variant of variants) out = out.split(variant).join(mask);
  return maskKeyParams(out, mask);
}

/** The URL with its `apiKey` query value masked, and the key masked wherever else it appears. */
export function redactUrl(url: string, apiKey: string): string {
  return redactText(url, [apiKey]);
}
