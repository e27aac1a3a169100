// Who may open the stream: the documented URL, path plus domain/apiKey/subscriber query.

export const WS_PATH = '/live/connector/v3/easy';

export interface Credentials {
  domain: string;
  apiKey: string;
  subscribers: readonly string[];
}

export type CredentialCheck =
  | { ok: true }
  | { ok: false; status: 404 | 403; reason: string };

export function checkRequest(url: URL, credentials: Credentials): CredentialCheck {
  if (url.pathname !== WS_PATH) return { ok: false, status: 404, reason: `unknown path ${url.pathname}` };
  const query = url.searchParams;
  if (query.get('domain') !== credentials.domain) return { ok: false, status: 403, reason: 'wrong domain' };
  if (query.get('apiKey') !== credentials.apiKey) return { ok: false, status: 403, reason: 'wrong apiKey' };
  const subscriber = query.get('subscriber');
  if (subscriber === null || !credentials.subscribers.includes(subscriber)) {
    return { ok: false, status: 403, reason: 'unknown subscriber' };
  }
  return { ok: true };
}

const REDACTED = 'REDACTED';

/** A request target safe to log: every apiKey-like parameter and the configured key itself hidden. */
export function redactUrl(rawUrl: string, apiKey: string): string {
  let text = rawUrl;
  try {
    const url = new URL(rawUrl, 'http://simulator.invalid');
    for (const name of [...url.searchParams.keys()]) {
      if (name.toLowerCase() === 'apikey') url.searchParams.set(name, REDACTED);
    }
    text = `${url.pathname}${url.search}`;
  } catch {
    // Unparseable targets are still logged, just with the literal key removed below.
  }
  if (apiKey === '') return text;
  // The key may also appear elsewhere in the target: raw, percent-encoded or form-encoded.
  const formEncoded = new URLSearchParams({ k: apiKey }).toString().slice(2);
  for (const form of new Set([apiKey, encodeURIComponent(apiKey), formEncoded])) text = text.split(form).join(REDACTED);
  return text;
}
