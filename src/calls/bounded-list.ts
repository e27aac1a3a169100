// Lists that must not grow with the number of calls ever seen (the state lives in storage).

/** Appends, then drops from the front until at most `limit` (at least 1; Infinity = no bound) remain. */
export function pushBounded<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  const max = Number.isNaN(limit) ? 1 : Math.max(1, Math.floor(limit));
  while (list.length > max) list.shift();
}
