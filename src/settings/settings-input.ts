// What a person types on the options page, parsed and validated. Pure. Every error is a locale
// key naming the exact problem, so the page can show it next to the field.
import type { NotificationPolicy, Settings } from './settings-schema';
import { checkUrlTemplate, normalizeDomain, validateApiKey, validateSubscriber } from './connection-url';
import { safeHttpUrlOrNull } from '../protocol/crm-link';

export type AllowListResult = { ok: true; origins: string[] } | { ok: false; error: string; line: string };

/** One origin per line (a full URL is reduced to its origin); blank lines ignored; empty = any https. */
export function parseAllowList(text: string): AllowListResult {
  const origins: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const url = safeHttpUrlOrNull(line);
    if (!url) return { ok: false, error: 'settingsErrorAllowListEntry', line };
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { ok: true, origins };
}

export const HISTORY_LIMIT_MIN = 10;
export const HISTORY_LIMIT_MAX = 5000;

export type HistoryLimitResult = { ok: true; historyLimit: number } | { ok: false; error: string };

export function parseHistoryLimit(text: string): HistoryLimitResult {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'settingsErrorHistoryLimit' };
  const value = Number(trimmed);
  if (value < HISTORY_LIMIT_MIN || value > HISTORY_LIMIT_MAX) return { ok: false, error: 'settingsErrorHistoryLimit' };
  return { ok: true, historyLimit: value };
}

/** The options form as typed: text fields stay strings until Save. */
export interface OptionsForm {
  domain: string;
  apiKey: string;
  subscriber: string;
  urlTemplate: string;
  notifications: NotificationPolicy;
  crmAllowList: string;
  historyLimit: string;
  language: Settings['language'];
}

export type FormField = 'domain' | 'apiKey' | 'subscriber' | 'urlTemplate' | 'crmAllowList' | 'historyLimit';
/** A locale key and its substitutions (the offending allow-list line, for instance). */
export interface FieldError {
  key: string;
  args: string[];
}
export type FormErrors = Partial<Record<FormField, FieldError>>;
/** What the options form saves: everything but the version and the policy-only settings (connection tuning, dialling restriction). */
export type SavableSettings = Omit<Settings, 'version' | 'silenceLimitSeconds' | 'dialPrefixes'>;
export type FormResult = { ok: true; settings: SavableSettings } | { ok: false; errors: FormErrors };

export function formFromSettings(settings: Settings): OptionsForm {
  return {
    domain: settings.domain,
    apiKey: settings.apiKey,
    subscriber: settings.subscriber,
    urlTemplate: settings.urlTemplate,
    notifications: { ...settings.notifications },
    crmAllowList: settings.crmAllowList.join('\n'),
    historyLimit: String(settings.historyLimit),
    language: settings.language,
  };
}

/**
 * Validates the whole form. Connection fields may all be empty (not configured yet), but a
 * half-filled connection names each missing piece. `skip` lists fields set by policy: not validated.
 */
export function parseOptionsForm(form: OptionsForm, skip: ReadonlySet<string> = new Set()): FormResult {
  const errors: FormErrors = {};
  const check = <T>(field: FormField, result: { ok: true; value: T } | { ok: false; error: string; line?: string }, fallback: T): T => {
    if (skip.has(field)) return fallback;
    if (result.ok) return result.value;
    errors[field] = { key: result.error, args: result.line === undefined ? [] : [result.line] };
    return fallback;
  };
  const connectionEmpty = [form.domain, form.apiKey, form.subscriber].every((v) => v.trim() === '');
  const domainResult = normalizeDomain(form.domain);
  const apiKeyResult = validateApiKey(form.apiKey);
  const subscriberResult = validateSubscriber(form.subscriber);
  const allowResult = parseAllowList(form.crmAllowList);
  const limitResult = parseHistoryLimit(form.historyLimit);
  const settings: SavableSettings = {
    domain: connectionEmpty ? '' : check('domain', domainResult.ok ? { ok: true, value: domainResult.domain } : domainResult, form.domain.trim()),
    apiKey: connectionEmpty ? '' : check('apiKey', apiKeyResult.ok ? { ok: true, value: apiKeyResult.apiKey } : apiKeyResult, form.apiKey.trim()),
    subscriber: connectionEmpty ? '' : check('subscriber', subscriberResult.ok ? { ok: true, value: subscriberResult.subscriber } : subscriberResult, form.subscriber.trim()),
    urlTemplate: check('urlTemplate', checkUrlTemplate(form.urlTemplate, domainResult.ok ? domainResult.domain : undefined), form.urlTemplate.trim()),
    notifications: { ...form.notifications },
    crmAllowList: check('crmAllowList', allowResult.ok ? { ok: true, value: allowResult.origins } : allowResult, []),
    historyLimit: check('historyLimit', limitResult.ok ? { ok: true, value: limitResult.historyLimit } : limitResult, HISTORY_LIMIT_MIN),
    language: form.language,
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
