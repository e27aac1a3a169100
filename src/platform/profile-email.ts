// The e-mail of the account signed in to this browser profile, for the managed setting
// `subscriberFrom: "profileEmail"`. Chrome and Edge give it through identity.getProfileUserInfo,
// and only with the "identity" and "identity.email" permissions. Both are optional (asked on the
// options page with one click) because "identity.email" shows the install warning "Know your
// email address" to everyone, and adding it to an installed extension would disable CallPop on
// every desk until each agent re-approved it. Firefox has no getProfileUserInfo.
import { browser } from './browser-api';

export const PROFILE_EMAIL_PERMISSIONS = ['identity', 'identity.email'] as const;

interface IdentityWithProfile {
  getProfileUserInfo(details: { accountStatus: 'ANY' | 'SYNC' }): Promise<{ email: string; id: string }>;
}

/** The signed-in account's e-mail, or null (no permission, not signed in, or no such API). */
export async function readProfileEmail(): Promise<string | null> {
  const identity = (browser as unknown as { identity?: Partial<IdentityWithProfile> }).identity;
  if (typeof identity?.getProfileUserInfo !== 'function') return null;
  try {
    // 'ANY': signed in to the browser is enough; sync need not be on.
    const info = await identity.getProfileUserInfo({ accountStatus: 'ANY' });
    return info.email.trim() === '' ? null : info.email.trim();
  } catch {
    return null;
  }
}

/** Feature detection: this build can ask for the account e-mail (Chrome's manifest lists it as optional). */
export function canAskForProfileEmail(): boolean {
  const optional = (browser.runtime.getManifest() as { optional_permissions?: string[] }).optional_permissions ?? [];
  return PROFILE_EMAIL_PERMISSIONS.every((p) => optional.includes(p));
}

/** Asks for the permissions (needs a click). True when granted. */
export async function requestProfileEmailPermission(): Promise<boolean> {
  try {
    // The polyfill's types predate "identity.email"; Chrome accepts both names.
    type Request = Parameters<typeof browser.permissions.request>[0];
    return await browser.permissions.request({ permissions: [...PROFILE_EMAIL_PERMISSIONS] } as unknown as Request);
  } catch {
    return false;
  }
}
