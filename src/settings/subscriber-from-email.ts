// Pure: the managed setting `subscriberFrom: "profileEmail"` turns each agent's e-mail (the
// browser account's, or the one they typed once) into their PBX subscriber with the admin's
// `subscriberTemplate`, e.g. "{local}@company.ua" when PBX e-mails differ from browser accounts.
import { validateSubscriber } from './connection-url';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['email', 'local', 'domain']);
/** local@domain with exactly one @, no spaces: the shape every account e-mail has. */
const EMAIL = /^([^\s@]+)@([^\s@]+\.[^\s@]+)$/;

/** Why a template cannot be used, or null when it can. */
export function subscriberTemplateProblem(template: string): string | null {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) return `unknown placeholder {${unknown[0]}}`;
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) return 'an unmatched { or }';
  if (!validateSubscriber(fill(template, 'agent', 'example.com')).ok) return 'the result is neither an e-mail nor an extension number';
  return null;
}

function fill(template: string, local: string, domain: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (name === 'local' ? local : name === 'domain' ? domain : `${local}@${domain}`));
}

/**
 * The subscriber for `email` under `template` (empty = the e-mail itself), or null when the
 * e-mail is not one or the result is not a valid subscriber.
 */
export function subscriberFromEmail(email: string, template = ''): string | null {
  const match = EMAIL.exec(email.trim());
  if (!match) return null;
  const [, local, domain] = match as unknown as [string, string, string];
  // Mail domains are case-insensitive; the PBX compares subscribers as text, so send one spelling.
  const result = template.trim() === '' ? `${local}@${domain.toLowerCase()}` : fill(template.trim(), local, domain.toLowerCase());
  if (subscriberTemplateProblem(template.trim() === '' ? '{email}' : template.trim()) !== null) return null;
  const checked = validateSubscriber(result);
  return checked.ok ? checked.subscriber : null;
}
