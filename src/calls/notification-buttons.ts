// Which buttons a call notification offers (Chrome shows at most two; Firefox none, and there a
// click on the notification opens the CRM). Pure: the adapter draws them, the click handler
// looks up what the pressed one meant.
import type { CallerCard, NotificationKind } from './types';

export type NotificationButton = 'open-crm' | 'create-contact' | 'show-calls' | 'copy-number' | 'call-back';

export interface ButtonInputs {
  kind: NotificationKind;
  /** The caller as the state knows it now; null when the call is not found. */
  caller: Pick<CallerCard, 'url' | 'unknown' | 'number'> | null;
  /** Calling through the PBX works (REST granted and reachable) and the call has a number. */
  callBackOffered: boolean;
}

/**
 * Button 0 goes to the caller (the CRM card, the create-contact form, or the popup when there is
 * no link); button 1 is "Call back" on a missed call when calling works, else "Copy number".
 * A call with neither link nor number gets no buttons: the click on the body opens the popup.
 */
export function notificationButtons({ kind, caller, callBackOffered }: ButtonInputs): NotificationButton[] {
  const url = caller?.url ?? null;
  const number = caller?.number ?? null;
  const second: NotificationButton | null = kind === 'missed' && callBackOffered && number ? 'call-back' : number ? 'copy-number' : null;
  const first: NotificationButton = url ? (caller?.unknown ? 'create-contact' : 'open-crm') : 'show-calls';
  if (!second) return url ? [first] : [];
  return [first, second];
}
