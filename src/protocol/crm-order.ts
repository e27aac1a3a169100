// Several CRMs may each describe the caller (docs/protocol.md decision 3). All cards are kept; the
// order and the primary card decide what the agent sees first.
import type { CrmCard } from './events';

/**
 * Ascending priority (1 is the first choice), stable for equal priorities, missing priority last.
 * The list itself comes back when it is in order already: pass one nobody else holds (a frame's).
 */
export function orderCrmCards(cards: CrmCard[]): CrmCard[] {
  // Usually already in order (one card, or the PBX lists them by priority): nothing to do.
  let ordered = true;
  for (let i = 1; i < cards.length && ordered; i++) ordered = comparePriority(cards[i - 1]!, cards[i]!) <= 0;
  if (ordered) return cards;
  // Array.prototype.sort is stable since ES2019, which is what keeps equal priorities in wire order.
  return [...cards].sort(comparePriority);
}

function comparePriority(a: CrmCard, b: CrmCard): number {
  if (a.priority === b.priority) return 0;
  if (a.priority === null) return 1;
  if (b.priority === null) return -1;
  return a.priority - b.priority;
}

/** The first card whose CRM knows the client; else the first card (its url is "create contact"); null without cards. */
export function primaryCardIndex(cards: readonly CrmCard[]): number | null {
  if (cards.length === 0) return null;
  const known = cards.findIndex((card) => card.id !== null);
  return known === -1 ? 0 : known;
}
