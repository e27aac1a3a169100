// Lists that must not grow with the number of calls ever seen (the state lives in storage).

/**
 * Membership counts of a list, so `includesBounded` is O(1) instead of a scan of up to
 * `historyLimit` items per ring. Derived from the list and never stored; it is rebuilt whenever
 * the list no longer matches it (restored from storage, or changed other than by pushBounded).
 */
interface Membership {
  counts: Map<unknown, number>;
  length: number;
  first: unknown;
  last: unknown;
}

const memberships = new WeakMap<readonly unknown[], Membership>();

function matches(list: readonly unknown[], membership: Membership | undefined): membership is Membership {
  return (
    membership !== undefined &&
    membership.length === list.length &&
    membership.first === list[0] &&
    membership.last === list[list.length - 1]
  );
}

function count(counts: Map<unknown, number>, item: unknown, by: number): void {
  const next = (counts.get(item) ?? 0) + by;
  if (next > 0) counts.set(item, next);
  else counts.delete(item);
}

function remember(list: readonly unknown[], membership: Membership): void {
  membership.length = list.length;
  membership.first = list[0];
  membership.last = list[list.length - 1];
  memberships.set(list, membership);
}

/** `list.includes(item)`, in O(1) for lists only changed through pushBounded. */
export function includesBounded<T>(list: readonly T[], item: T): boolean {
  let membership = memberships.get(list);
  if (!matches(list, membership)) {
    membership = { counts: new Map(), length: 0, first: undefined, last: undefined };
    for (const member of list) count(membership.counts, member, 1);
    remember(list, membership);
  }
  return membership.counts.has(item);
}

/** Appends, then drops from the front until at most `limit` (at least 1; Infinity = no bound) remain. */
export function pushBounded<T>(list: T[], item: T, limit: number): void {
  const before = memberships.get(list);
  const membership = matches(list, before) ? before : undefined;
  list.push(item);
  if (membership) count(membership.counts, item, 1);
  const max = Number.isNaN(limit) ? 1 : Math.max(1, Math.floor(limit));
  while (list.length > max) {
    const dropped = list.shift();
    if (membership) count(membership.counts, dropped, -1);
  }
  if (membership) remember(list, membership);
  else memberships.delete(list);
}
