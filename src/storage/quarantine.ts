// Stored records that no longer parse are set aside here instead of being lost with a whole
// list: diagnostics counts them, and a later version (or a developer) can still read them.
// Kept for one version: an update drops what versions before the previous one set aside.
// Local storage, bounded by count and bytes like every growing item.
import * as z from 'zod/mini';
import { defineItem } from './item';
import { LOCAL_KEYS } from './keys';
import { newestWithin } from './byte-budget';

/** A corrupt list can hold thousands of bad records: the first 50 tell the story. */
export const QUARANTINE_MAX_RECORDS = 50;
/** Small next to the 10 MiB local quota: the quarantine must never crowd out the history. */
export const QUARANTINE_BUDGET_BYTES = 256 * 1024;

const entrySchema = z.object({
  /** The storage key the record was read from. */
  key: z.string(),
  /** The extension version that set it aside. */
  version: z.string(),
  at: z.number(),
  problem: z.string(),
  record: z.unknown(),
});
export type QuarantineEntry = z.infer<typeof entrySchema>;

const quarantineSchema = z.object({
  entries: z.array(entrySchema),
  /** Every record ever set aside, also those no longer kept (diagnostics shows it). */
  total: z.number(),
});
export type Quarantine = z.infer<typeof quarantineSchema>;

export const quarantineItem = /* @__PURE__ */ defineItem<Quarantine>({
  area: 'local',
  key: LOCAL_KEYS.quarantine,
  version: 1,
  schema: quarantineSchema,
  fallback: () => ({ entries: [], total: 0 }),
});

/** Pure: `rejected` added, the same record (by its JSON) never twice, bounded. */
export function withRejected(current: Quarantine, key: string, rejected: Array<{ record: unknown; problem: string }>, version: string, now: number): Quarantine {
  const seen = new Set(current.entries.map((entry) => `${entry.key}\n${JSON.stringify(entry.record)}`));
  const added: QuarantineEntry[] = [];
  for (const { record, problem } of rejected) {
    const id = `${key}\n${JSON.stringify(record)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    added.push({ key, version, at: now, problem, record });
  }
  if (added.length === 0) return current;
  const entries = newestWithin([...current.entries, ...added].slice(-QUARANTINE_MAX_RECORDS), QUARANTINE_BUDGET_BYTES);
  return { entries, total: current.total + added.length };
}

/** Pure: after an update to `version` from `previous`, only what those two versions set aside stays. */
export function prunedFor(current: Quarantine, version: string, previous: string | null): Quarantine {
  const entries = current.entries.filter((entry) => entry.version === version || entry.version === previous);
  return entries.length === current.entries.length ? current : { ...current, entries };
}

export function quarantineRecords(key: string, rejected: Array<{ record: unknown; problem: string }>, version: string): Promise<Quarantine> {
  return quarantineItem.update((current) => withRejected(current, key, rejected, version, Date.now()));
}
