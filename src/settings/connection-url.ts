// The PBX event-stream URL (docs/protocol.md "Connection and authorization") and the domain a person
// types or pastes. Pure. Errors are locale keys so every caller can say exactly what is wrong.
import type { Settings } from './settings-schema';

export const DOCUMENTED_PATH = '/live/connector/v3/easy';

/** The URL uses plain ws:// on a non-loopback host (or http, ftp, …): the API key would travel in clear. */
export const INSECURE_URL_ERROR = 'settingsErrorInsecureUrl';

export type DomainResult = { ok: true; domain: string } | { ok: false; error: string };
export type ConnectionUrlResult = { ok: true; url: string } | { ok: false; error: string };

export type Checked<K extends string> = ({ ok: true } & Record<K, string>) | { ok: false; error: string };

const EXTENSION_NUMBER = /^\d{2,10}$/;
// Deliberately loose (one @, a dot in the domain, no spaces): the PBX is the judge of real addresses.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An extension number (2–10 digits) or an e-mail, trimmed. */
export function validateSubscriber(input: string): Checked<'subscriber'> {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'settingsErrorSubscriberEmpty' };
  if (EXTENSION_NUMBER.test(text) || EMAIL.test(text)) return { ok: true, subscriber: text };
  if (/^\d+$/.test(text)) return { ok: false, error: 'settingsErrorSubscriberDigits' };
  return { ok: false, error: 'settingsErrorSubscriberInvalid' };
}

/** The company API key, trimmed: a pasted key often carries a trailing newline. */
export function validateApiKey(input: string): Checked<'apiKey'> {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'settingsErrorApiKeyEmpty' };
  // A key with spaces or control characters is a paste accident, not a key.
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return { ok: false, error: 'settingsErrorApiKeyInvalid' };
  return { ok: true, apiKey: text };
}

const PASTED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Accepts `qwerty.pbx.vega.ua`, `https://qwerty.pbx.vega.ua/…` or the whole `wss://…/easy?…`
 * URL pasted from the PBX, and returns host[:port], trimmed and lowercased.
 */
export function normalizeDomain(input: string): DomainResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'settingsErrorDomainEmpty' };
  // Whitespace or control characters inside a host are never a typo we can fix.
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return { ok: false, error: 'settingsErrorDomainInvalid' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
  if (schemeMatch && !PASTED_SCHEMES.has(`${schemeMatch[1]}:`)) return { ok: false, error: 'settingsErrorDomainScheme' };
  let url: URL;
  try {
    url = new URL(schemeMatch ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'settingsErrorDomainInvalid' };
  }
  if (url.username || url.password) return { ok: false, error: 'settingsErrorDomainInvalid' };
  if (!isPlausibleHostname(url.hostname)) return { ok: false, error: 'settingsErrorDomainInvalid' };
  // `url.host` drops the scheme's default port, which is what the wss:// URL will use anyway.
  const port = url.port && !(schemeMatch && isDefaultPort(url)) ? `:${url.port}` : '';
  return { ok: true, domain: `${url.hostname}${port}` };
}

function isDefaultPort(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'wss:') && url.port === '443';
}

function isPlausibleHostname(hostname: string): boolean {
  if (hostname.startsWith('[') && hostname.endsWith(']')) return true; // IPv6, already validated by URL
  if (hostname.length === 0 || hostname.length > 253) return false;
  // A numeric last label has already been parsed as IPv4 by URL, so label syntax is all that is left.
  return hostname.replace(/\.$/, '').split('.').every((label) => LABEL.test(label));
}

/** Hosts where plain ws:// is allowed: the traffic never leaves the machine (the simulator). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

/** A ws(s) URL the extension may open: wss anywhere, ws only on loopback. */
export function checkSocketUrl(raw: string): ConnectionUrlResult {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'settingsErrorTemplateInvalid' };
  }
  if (url.protocol === 'wss:') return { ok: true, url: url.href };
  if (url.protocol === 'ws:' && isLoopbackHost(url.hostname)) return { ok: true, url: url.href };
  return { ok: false, error: INSECURE_URL_ERROR };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['domain', 'apiKey', 'subscriber']);

/** The documented URL, or the admin's template with each placeholder URL-encoded. */
export function buildConnectionUrl(settings: Pick<Settings, 'domain' | 'apiKey' | 'subscriber' | 'urlTemplate'>): ConnectionUrlResult {
  const domain = normalizeDomain(settings.domain);
  if (!domain.ok) return domain;
  const apiKey = validateApiKey(settings.apiKey);
  if (!apiKey.ok) return apiKey;
  const subscriber = validateSubscriber(settings.subscriber);
  if (!subscriber.ok) return subscriber;
  const values: Record<string, string> = { domain: domain.domain, apiKey: apiKey.apiKey, subscriber: subscriber.subscriber };

  const template = settings.urlTemplate.trim();
  if (template !== '') return fillTemplate(template, values);
  const host = new URL(`https://${domain.domain}`).hostname;
  const scheme = isLoopbackHost(host) ? 'ws' : 'wss'; // a local simulator has no TLS
  const url = new URL(`${scheme}://${domain.domain}${DOCUMENTED_PATH}`);
  // URLSearchParams encodes `+` and `@` so an e-mail subscriber reaches the PBX intact.
  url.search = new URLSearchParams(values).toString();
  return { ok: true, url: url.href };
}

/** Validates an advanced URL template on its own (empty = documented URL), with sample values. */
export function checkUrlTemplate(input: string, sampleDomain = 'pbx.example'): { ok: true; value: string } | { ok: false; error: string } {
  const template = input.trim();
  if (template === '') return { ok: true, value: '' };
  const filled = fillTemplate(template, { domain: sampleDomain, apiKey: 'key', subscriber: '101' });
  return filled.ok ? { ok: true, value: template } : filled;
}

function fillTemplate(template: string, values: Record<string, string>): ConnectionUrlResult {
  const unknown = [...template.matchAll(PLACEHOLDER)].find((m) => !KNOWN_PLACEHOLDERS.has(m[1] ?? ''));
  if (unknown) return { ok: false, error: 'settingsErrorTemplatePlaceholder' };
  if (!/^wss?:\/\//i.test(template)) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(template) ? { ok: false, error: INSECURE_URL_ERROR } : { ok: false, error: 'settingsErrorTemplateInvalid' };
  }
  // The domain is already host[:port] from normalizeDomain; encoding it would turn `:` into `%3A`
  // and break the host. The key and subscriber are free text and are encoded.
  const filled = template.replace(PLACEHOLDER, (_m, name: string) => (name === 'domain' ? (values.domain ?? '') : encodeURIComponent(values[name] ?? '')));
  return checkSocketUrl(filled);
}
