// Which CRM links may be opened. Pure: the background checks every link here before a tab opens.
//
// Without an allow-list only https: links open; http: needs its origin on the list. Loopback,
// link-local and private-network hosts never open by themselves (auto-open on ring or answer),
// and open on a click only when their origin is on the list (issue 16, finding 5).
import { isPrivateNetworkHost } from './private-host';

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

/** How a link is being opened: by the agent's click (or shortcut), or by itself as a call rings or is answered. */
export type OpenMode = 'click' | 'auto';

/** The link to open, or null when it is unsafe or the rules above refuse it. */
export function crmLinkOrNull(raw: string | null | undefined, allowList: readonly string[], mode: OpenMode = 'click'): string | null {
  const url = safeHttpUrlOrNull(raw);
  if (!url) return null;
  const listed = allowList.some((entry) => {
    const origin = safeHttpUrlOrNull(entry)?.origin;
    return origin !== undefined && origin === url.origin;
  });
  if (allowList.length > 0 && !listed) return null;
  if (allowList.length === 0 && url.protocol !== 'https:') return null;
  if (isPrivateNetworkHost(url.hostname) && (mode === 'auto' || !listed)) return null;
  return url.href;
}
