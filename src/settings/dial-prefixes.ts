// Which numbers calling through the PBX may dial, by the `dialPrefixes` policy: an admin can allow
// only, say, `+380`, so a page (or a slip) cannot run up the company's bill on premium or
// satellite ranges (issue 16, finding 4). Pure.

/** `+380`, `00380`, `+38 0` → `+380`; null when the entry is not a `+` and 1–15 digits. */
export function normalizeDialPrefix(entry: string): string | null {
  const compact = entry.replace(/[\s\-().\u00a0]/g, '');
  const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+\d{1,15}$/.test(plus) ? plus : null;
}

/**
 * The list as a policy gave it: valid entries normalized, invalid ones kept as they are (they
 * match no number), so a list of typos refuses every number instead of allowing all of them.
 */
export function dialPrefixesFromPolicy(entries: readonly string[]): { prefixes: string[]; invalid: boolean } {
  const prefixes = entries.map((entry) => normalizeDialPrefix(entry) ?? entry);
  return { prefixes, invalid: entries.some((entry) => normalizeDialPrefix(entry) === null) };
}

/** An empty list allows every number; otherwise the normalized number must start with an entry. */
export function dialAllowed(number: string, prefixes: readonly string[]): boolean {
  return prefixes.length === 0 || prefixes.some((prefix) => prefix !== '' && number.startsWith(prefix));
}
