// Host access follows the settings (issue 16, finding 6): the only host the extension may ask
// for is the configured PBX's (manifest optional_host_permissions), so once the domain changes,
// access granted for any other host is given back. Checked against what the browser reports as
// granted, not against a remembered old domain, so a worker stopped during the change still
// cleans up when it wakes.
import { browser } from '../platform/browser-api';
import { restOriginFor } from '../rest/rest-origin';

/** Removes every granted host but the one `domain` needs; returns what was removed. */
export async function dropOtherPbxAccess(domain: string): Promise<string[]> {
  const permissions = browser.permissions as typeof browser.permissions | undefined;
  if (!permissions?.getAll) return [];
  const keep = restOriginFor(domain)?.permissionPattern;
  const granted = (await permissions.getAll()).origins ?? [];
  const stale = granted.filter((origin) => origin !== keep);
  if (stale.length > 0) await permissions.remove({ origins: stale });
  return stale;
}
