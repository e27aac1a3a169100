// The background's way to the PBX's REST API: host permission first (asked at run time for the
// PBX origin only), then a client; every outcome is recorded so the features can hide themselves
// and the diagnostics panel can say why.
import { browser } from '../platform/browser-api';
import type { Settings } from '../settings/settings-schema';
import { restOriginFor } from '../rest/rest-origin';
import { createRestClient, type RestClient } from '../rest/rest-client';
import { RestError, UNDOCUMENTED_KINDS, restErrorKindOf } from '../rest/rest-errors';
import type { RestStatus } from '../rest/rest-status';
import { restStatusItem } from '../storage/items';
import { validateApiKey } from '../settings/connection-url';

export async function hasRestPermission(settings: Settings): Promise<boolean> {
  const origin = restOriginFor(settings.domain);
  if (!origin) return false;
  // Firefox may lack permissions.contains in some contexts; no API means no permission.
  return (await browser.permissions?.contains({ origins: [origin.permissionPattern] }).catch(() => false)) ?? false;
}

/** A client for the configured PBX, or a RestError saying what is missing. */
export async function restClientFor(settings: Settings): Promise<RestClient> {
  const origin = restOriginFor(settings.domain);
  const key = validateApiKey(settings.apiKey);
  if (!origin || !key.ok) throw new RestError('not-configured', 'domain or API key missing');
  if (!(await hasRestPermission(settings))) throw new RestError('no-permission', `no host access to ${origin.permissionPattern}`);
  return createRestClient({ baseUrl: origin.baseUrl, domain: settings.domain.trim().toLowerCase(), apiKey: key.apiKey });
}

/** legExt: the subscriber when it is an extension, else the user whose e-mail it is (GET /rest/users). */
export async function agentExtension(client: RestClient, settings: Settings): Promise<string> {
  const subscriber = settings.subscriber.trim();
  if (/^\d+$/.test(subscriber)) return subscriber;
  const users = await client.users();
  const me = users.find((user) => user.email?.toLowerCase() === subscriber.toLowerCase());
  if (!me?.ext) throw new RestError('not-configured', 'no PBX user with the subscriber e-mail');
  return me.ext;
}

export const readRestStatus = (): Promise<RestStatus> => restStatusItem.get();

/** Read-modify-write in the item's queue: a failure and a catch-up noted at once both stay. */
async function writeRestStatus(patch: Partial<RestStatus> | ((current: RestStatus) => Partial<RestStatus>)): Promise<void> {
  await restStatusItem.update((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
}

/** Success: the API answers as documented. */
export async function noteRestSuccess(): Promise<void> {
  await writeRestStatus({ state: 'ok', reason: null, detail: null, at: Date.now() });
}

/** Failure: undocumented answers hide the features; transient ones (network, 5xx) only say so. */
export async function noteRestFailure(error: unknown): Promise<void> {
  const kind = restErrorKindOf(error);
  const detail = error instanceof RestError ? error.detail : 'unexpected failure';
  await writeRestStatus((current) => ({ state: UNDOCUMENTED_KINDS.has(kind) ? 'unavailable' : current.state, reason: kind, detail, at: Date.now() }));
}

export async function noteCatchUp(added: number, error: string | null): Promise<void> {
  await writeRestStatus({ catchUp: { at: Date.now(), added, error } });
}

/** New settings are a new PBX (or key): what the old one answered says nothing about it. */
export async function resetRestStatus(): Promise<void> {
  await writeRestStatus({ state: 'unknown', reason: null, detail: null, at: null });
}

/** The features show when the permission is granted and the API has not answered otherwise than documented. */
export async function restFeaturesAvailable(settings: Settings): Promise<boolean> {
  if (!(await hasRestPermission(settings))) return false;
  return (await readRestStatus()).state !== 'unavailable';
}
