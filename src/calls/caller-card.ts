// The card shown first for a call (docs/protocol.md decisions 2 and 3).
import type { CrmCard, Party } from '../protocol/events';
import type { CallerCard } from './types';

export interface CallerSource {
  crm: CrmCard[];
  trunkNum: string | null;
  trunkName: string | null;
  /** For internal calls, the colleague on the other end (they have no CRM card). */
  colleague: Party | null;
}

/** The first card whose CRM knows the client, else the first card (its url is "create contact"). */
export function primaryCard(crm: readonly CrmCard[]): CrmCard | null {
  return crm.find((card) => card.id !== null) ?? crm[0] ?? null;
}

/**
 * Name falls back to the CRM name, the number, the trunk label (decision 2). Internal calls
 * carry no CRM cards, so the colleague's name and extension stand in before the trunk label.
 */
export function callerCardFor(source: CallerSource): CallerCard {
  const primary = primaryCard(source.crm);
  const number = primary?.number ?? source.crm.find((card) => card.number !== null)?.number ?? source.colleague?.ext ?? null;
  const trunkLabel = source.trunkName ?? source.trunkNum;
  return {
    name: primary?.name ?? source.colleague?.displayName ?? number ?? trunkLabel ?? null,
    company: primary?.company ?? null,
    number,
    url: primary?.url ?? null,
    unknown: primary !== null && primary.id === null,
  };
}
