// Which CRM links may be opened. Pure: the background checks every link here before a tab opens.

/** An absolute http(s) URL without credentials, or null. Control characters anywhere disqualify it. */
export function safeHttpUrlOrNull(raw: string | null | undefined): URL | null {
  if (typeof raw !== 'string') return null;
  // Tabs/newlines inside a scheme are a classic filter bypass ("java\tscript:").
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  // The one rule that stops `javascript://host/%0aalert(1)`: it has a host and no raw control character.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url;
}

/** The link to open, or null when it is unsafe or its origin is not on a non-empty allow-list. */
export function crmLinkOrNull(raw: string | null | undefined, allowList: readonly string[]): string | null {
  const url = safeHttpUrlOrNull(raw);
  if (!url) return null;
  if (allowList.length === 0) return url.href;
  const allowed = allowList.some((entry) => {
    const origin = safeHttpUrlOrNull(entry)?.origin;
    return origin !== undefined && origin === url.origin;
  });
  return allowed ? url.href : null;
}
