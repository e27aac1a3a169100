// Folds what a later event knows into a call record: new facts win, known facts never vanish
// because a later frame left a field out (docs/protocol.md decision 2: absent means "not said").
import type { CallEvent, CrmCard, Party } from '../protocol/events';

function pick<T>(next: T | null, prev: T | null): T | null {
  return next ?? prev;
}

/** True when both objects hold the same value in every field of `a` (flat records only). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  for (const key in a) if (a[key] !== b[key]) return false;
  return true;
}

export function mergeParty(prev: Party | null, next: Party | null): Party | null {
  if (!next) return prev;
  if (!prev) return { ...next };
  const merged: Party = {
    id: pick(next.id, prev.id),
    type: next.type === 'unknown' ? prev.type : next.type,
    ext: pick(next.ext, prev.ext),
    displayName: pick(next.displayName, prev.displayName),
  };
  // Every frame of a call repeats its parties: keep the stored object when nothing changed, so a
  // long-lived record does not churn the heap with equal copies.
  return sameFields(merged, prev) ? prev : merged;
}

function mergeCard(prev: CrmCard | undefined, next: CrmCard): CrmCard {
  if (!prev || prev.priority !== next.priority) return { ...next };
  const merged: CrmCard = {
    id: pick(next.id, prev.id),
    name: pick(next.name, prev.name),
    number: pick(next.number, prev.number),
    company: pick(next.company, prev.company),
    url: pick(next.url, prev.url),
    urlRejected: next.url === null ? prev.urlRejected || next.urlRejected : next.urlRejected,
    priority: next.priority,
  };
  // Like mergeParty: every frame repeats the cards, so keep the stored one when nothing changed.
  return sameFields(merged, prev) ? prev : merged;
}

/**
 * Cards pair up by position when their CRM priority matches (both lists are priority-ordered).
 * Cards are never edited in place, so an unchanged one is kept, not copied.
 */
export function mergeCrm(prev: readonly CrmCard[], next: readonly CrmCard[]): CrmCard[] {
  if (next.length === 0) return prev.map((card) => ({ ...card }));
  const merged: CrmCard[] = [];
  for (let i = 0; i < next.length; i++) merged.push(mergeCard(prev[i], next[i]!));
  for (let i = next.length; i < prev.length; i++) {
    const card = prev[i];
    if (card) merged.push(card);
  }
  return merged;
}

/** The wire facts of a record that a later event may add to. */
export interface MergeableFacts {
  parentUuid: string | null;
  leg: Party | null;
  leg2: Party | null;
  crm: CrmCard[];
  dialAt: number | null;
  bridgeAt: number | null;
  trunkNum: string | null;
  trunkName: string | null;
}

export function mergeFacts(record: MergeableFacts, event: CallEvent): void {
  record.parentUuid = record.parentUuid ?? event.parentUuid;
  record.leg = mergeParty(record.leg, event.leg);
  record.leg2 = mergeParty(record.leg2, event.leg2);
  record.crm = mergeCrm(record.crm, event.crm);
  // The first time said is the time: a later frame cannot move a dial or an answer.
  record.dialAt = record.dialAt ?? event.dialAt;
  record.bridgeAt = record.bridgeAt ?? event.bridgeAt;
  record.trunkNum = pick(event.trunkNum, record.trunkNum);
  record.trunkName = pick(event.trunkName, record.trunkName);
}
