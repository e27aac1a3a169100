// Click-to-call through the PBX (docs/protocol.md REST makeCall): the PBX rings the agent's own phone,
// then dials the number. Used by the popup's "Call back", the missed-call notification's button
// and the page context menu.
import { showAnnouncement } from './notifications-adapter';
import type { Translate } from '../i18n/i18n-types';
import type { Settings } from '../settings/settings-schema';
import { phoneNumberIn } from '../protocol/phone-number';
import { dialAllowed } from '../settings/dial-prefixes';
import { RestError, restErrorKindOf, restErrorMessageKey, type RestErrorKind } from '../rest/rest-errors';
import { agentExtension, noteRestFailure, noteRestSuccess, restClientFor } from './pbx-rest';

export type CallResult = { ok: true; number: string; uuid: string } | { ok: false; number: string | null; error: RestErrorKind };

export async function callNumber(settings: Settings, raw: string): Promise<CallResult> {
  const number = phoneNumberIn(raw);
  if (!number) return { ok: false, number: null, error: 'invalid-number' };
  // Every path (popup, notification button, confirmed page number) obeys the admin's prefixes.
  if (!dialAllowed(number, settings.dialPrefixes)) return { ok: false, number, error: 'dial-refused' };
  try {
    const client = await restClientFor(settings);
    const legExt = await agentExtension(client, settings);
    const { uuid } = await client.makeCall(legExt, number);
    await noteRestSuccess();
    return { ok: true, number, uuid };
  } catch (error) {
    // A missing permission or setting is the agent's to fix, not the PBX's fault: no status change.
    if (!(error instanceof RestError && (error.kind === 'no-permission' || error.kind === 'not-configured'))) await noteRestFailure(error);
    return { ok: false, number, error: restErrorKindOf(error) };
  }
}

/** Pages outside the popup (context menu, notification button) hear the outcome as a notification. */
export async function announceCallResult(result: CallResult, t: Translate): Promise<void> {
  const id = `dial:${Date.now()}`;
  const title = result.ok
    ? t('dialStartedTitle', [result.number])
    : result.number === null
      ? t('dialNoNumber')
      : t('dialFailedTitle', [result.number]);
  const message = result.ok ? t('dialStartedMessage') : t(restErrorMessageKey(result.error));
  await showAnnouncement(id, title, message);
}
