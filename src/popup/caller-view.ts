// The caller card as the popup shows it, for live and ended calls alike. Every field is plain
// text from the wire: components render it as text nodes only.
import type { CrmCard } from '../protocol/events';
import type { Translate } from '../i18n/i18n-types';
import type { Conversation } from './conversations';

export interface CrmCardView {
  key: string;
  /** The CRM's host name, to tell several CRMs apart; null without a usable link. */
  source: string | null;
  name: string | null;
  company: string | null;
  number: string | null;
  url: string | null;
  /** The CRM does not know the client: its link is a "create contact" form. */
  unknown: boolean;
  /** The wire carried a link that was dropped as unsafe. */
  urlRejected: boolean;
  actionLabel: string;
}

export interface CallerView {
  /** The call whose CRM link is opened (the background checks it against this call). */
  callUuid: string;
  title: string;
  company: string | null;
  number: string | null;
  /** The company line (trunk label) the call came through. */
  line: string | null;
  groupName: string | null;
  /** The first choice: "Open in CRM", or "Create contact" for an unknown caller. */
  primary: { url: string; unknown: boolean; actionLabel: string } | null;
  /** Every CRM's card, the primary first, the rest by priority. */
  crm: CrmCardView[];
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

// docs/protocol.md decision 3: cards arrive ordered by priority; the first known client is primary.
function primaryFirst(cards: readonly CrmCard[]): CrmCard[] {
  const primary = cards.findIndex((card) => card.id !== null);
  if (primary <= 0) return [...cards];
  return [cards[primary]!, ...cards.slice(0, primary), ...cards.slice(primary + 1)];
}

function crmCardView(card: CrmCard, index: number, t: Translate): CrmCardView {
  const unknown = card.id === null;
  return {
    key: `${index}:${card.id ?? ''}:${card.url ?? ''}`,
    source: hostOf(card.url),
    name: card.name,
    company: card.company,
    number: card.number,
    url: card.url,
    unknown,
    urlRejected: card.urlRejected,
    actionLabel: t(unknown ? 'popupCreateContact' : 'popupOpenInCrm'),
  };
}

export function callerView(conversation: Conversation, t: Translate): CallerView {
  const { main, members } = conversation;
  // A leg with no caller details (a group leg, a hangup seen alone) borrows them from its siblings.
  const withCaller = [main, ...members].find((record) => record.caller.name !== null || record.crm.length > 0) ?? main;
  const caller = withCaller.caller;
  const withLine = [main, ...members].find((record) => record.trunkName !== null || record.trunkNum !== null);
  const url = caller.url;
  return {
    callUuid: main.uuid,
    title: caller.name ?? caller.number ?? t('popupUnknownCaller'),
    company: caller.company,
    number: caller.number,
    line: withLine ? (withLine.trunkName ?? withLine.trunkNum) : null,
    groupName: conversation.groupName,
    primary: url === null ? null : { url, unknown: caller.unknown, actionLabel: t(caller.unknown ? 'popupCreateContact' : 'popupOpenInCrm') },
    crm: primaryFirst(withCaller.crm).map((card, index) => crmCardView(card, index, t)),
  };
}
