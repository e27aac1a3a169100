// Settings an administrator sets by policy (Chrome `storage.managed` with public/managed-schema.json,
// Firefox policies.json "3rdparty"). Each valid field wins over the agent's own and is locked on the
// options page; an invalid field is ignored and reported, never fatal.
import { checkUrlTemplate, normalizeDomain, validateApiKey, validateSubscriber } from './connection-url';
import { parseAllowList } from './settings-input';
import { dialPrefixesFromPolicy } from './dial-prefixes';
import { validFields, type SettingsFieldPath, type SettingsLayer } from './settings-migrations';
import { subscriberTemplateProblem } from './subscriber-from-email';

/** Policy-only keys (no agent setting behind them): how the subscriber is derived. */
export type PolicyOnlyKey = 'subscriberFrom' | 'subscriberTemplate';

export interface ManagedSettings {
  layer: SettingsLayer;
  /** Fields the policy set but we could not use, for diagnostics. */
  invalid: Array<SettingsFieldPath | PolicyOnlyKey>;
  /** `subscriberFrom: "profileEmail"` (and no `subscriber`): derive it from the agent's e-mail with this template. */
  subscriberFromEmail: { template: string } | null;
}

export const NO_POLICY: ManagedSettings = { layer: {}, invalid: [], subscriberFromEmail: null };

/** Pure: `subscriberFrom` / `subscriberTemplate`. An explicit `subscriber` wins over both. */
function subscriberDerivation(raw: Record<string, unknown>, invalid: ManagedSettings['invalid']): ManagedSettings['subscriberFromEmail'] {
  const { subscriberFrom: from, subscriberTemplate: template = '' } = raw;
  if (from === undefined) {
    // A template with nothing to apply it to: the admin most likely forgot subscriberFrom.
    if (raw.subscriberTemplate !== undefined) invalid.push('subscriberTemplate');
    return null;
  }
  if (from !== 'profileEmail') {
    invalid.push('subscriberFrom');
    return null;
  }
  if (typeof template !== 'string' || (template.trim() !== '' && subscriberTemplateProblem(template.trim()) !== null)) {
    // A broken template would give every agent a wrong subscriber: better none, and say so.
    invalid.push('subscriberTemplate');
    return null;
  }
  return { template: template.trim() };
}

/** Pure: the policy object as storage.managed returns it. */
export function parseManagedSettings(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_POLICY;
  const { layer, invalid: invalidFields } = validFields(raw as Record<string, unknown>);
  const invalid: ManagedSettings['invalid'] = invalidFields;
  // Policy values are typed by an admin, so they get the same normalization as the form.
  const refine = <K extends 'domain' | 'apiKey' | 'subscriber' | 'urlTemplate'>(key: K, fix: (v: string) => string | null) => {
    const value = layer[key];
    if (value === undefined) return;
    const fixed = fix(value);
    if (fixed === null) {
      delete layer[key];
      invalid.push(key);
    } else layer[key] = fixed as SettingsLayer[K];
  };
  refine('domain', (v) => {
    const r = normalizeDomain(v);
    return r.ok ? r.domain : null;
  });
  refine('apiKey', (v) => {
    const r = validateApiKey(v);
    return r.ok ? r.apiKey : null;
  });
  refine('subscriber', (v) => {
    const r = validateSubscriber(v);
    return r.ok ? r.subscriber : null;
  });
  refine('urlTemplate', (v) => {
    const r = checkUrlTemplate(v, layer.domain);
    return r.ok ? r.value : null;
  });
  if (layer.crmAllowList !== undefined) {
    const r = parseAllowList(layer.crmAllowList.join('\n'));
    if (r.ok) layer.crmAllowList = r.origins;
    else {
      delete layer.crmAllowList;
      invalid.push('crmAllowList');
    }
  }
  if (layer.dialPrefixes !== undefined) {
    // Invalid entries stay in (they match nothing): a restriction with typos refuses, never allows.
    const r = dialPrefixesFromPolicy(layer.dialPrefixes);
    layer.dialPrefixes = r.prefixes;
    if (r.invalid) invalid.push('dialPrefixes');
  }
  const derivation = subscriberDerivation(raw as Record<string, unknown>, invalid);
  return { layer, invalid, subscriberFromEmail: layer.subscriber === undefined ? derivation : null };
}

/** Every policy key but the API key: what an extension page asks for, so it never receives a policy key. */
export const MANAGED_KEYS_WITHOUT_API_KEY = ['domain', 'subscriber', 'urlTemplate', 'notifications', 'crmAllowList', 'dialPrefixes', 'historyLimit', 'language', 'silenceLimitSeconds', 'subscriberFrom', 'subscriberTemplate'];
