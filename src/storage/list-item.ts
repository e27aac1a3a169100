// A growing list in storage: parsed record by record (what does not parse goes to the quarantine,
// never taking the rest with it) and written within a byte budget, oldest records first to go.
// A write the browser refuses for quota trims further and says how many records went.
import type * as z from 'zod/mini';
import { extensionVersion, isQuotaError, readRaw, type WritableArea } from './area';
import { defineItem, type StorageItem } from './item';
import { jsonBytes, newestWithin } from './byte-budget';
import { parseRecordList } from './record-list';
import { quarantineRecords } from './quarantine';

export interface ListSave<T> {
  /** What is stored now (the same array when nothing had to go). */
  kept: T[];
  /** Oldest records left out to stay within the budget or the quota. */
  dropped: number;
  /** Why records were left out: our own budget, or the browser's quota refusing the write. */
  reason: 'budget' | 'quota' | null;
}

export interface ListItem<T> extends StorageItem<T[]> {
  readonly budgetBytes: number;
  /** Reads the list; records that no longer parse are set aside in the quarantine. */
  load(): Promise<T[]>;
  /** Writes the newest records that fit the budget; on a quota refusal, half of that, once. */
  save(records: T[]): Promise<ListSave<T>>;
}

export function defineListItem<T>(spec: { area: WritableArea; key: string; version: number; record: z.ZodMiniType<T>; budgetBytes: number }): ListItem<T> {
  const item = defineItem<T[]>({
    area: spec.area,
    key: spec.key,
    version: spec.version,
    fallback: () => [],
    parse: (raw) => parseRecordList(raw, spec.record).records,
  });
  return {
    ...item,
    budgetBytes: spec.budgetBytes,
    async load() {
      const raw = (await readRaw(spec.area, spec.key))[spec.key];
      const parsed = parseRecordList(raw, spec.record);
      if (parsed.rejected.length > 0) await quarantineRecords(spec.key, parsed.rejected, extensionVersion()).catch(() => undefined);
      return parsed.records;
    },
    async save(records) {
      const kept = newestWithin(records, spec.budgetBytes);
      try {
        await item.set(kept);
        const dropped = records.length - kept.length;
        return { kept, dropped, reason: dropped > 0 ? 'budget' : null };
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // Something else fills the area: give up the older half of what we hold, once.
        const half = newestWithin(kept, Math.floor(jsonBytes(kept) / 2));
        await item.set(half);
        return { kept: half, dropped: records.length - half.length, reason: 'quota' };
      }
    },
  };
}
