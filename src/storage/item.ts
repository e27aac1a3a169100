// One storage item: where it lives, how what is stored becomes a value (migrate, then parse,
// else the fallback), and get/set/update/remove/watch. Writes to one item run one at a time in
// this context (set and update share a queue), so two read-modify-writes never lose each other.
// Pages and the background are different contexts: each item has one writing context (items.ts).
import type * as z from 'zod/mini';
import { onStorageChanged, readRaw, removeRaw, writeRaw, type WritableArea } from './area';
import { createSerialQueue } from './serial-queue';

export interface StorageItem<T> {
  readonly area: WritableArea;
  readonly key: string;
  /** Pure: what `raw` (as stored, any version) means; never throws. */
  parse(raw: unknown): T;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read, change, write, with no other write to this item in between. Resolves to what was written. */
  update(change: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  /** Calls `onChange` with each new value; returns the unsubscribe. */
  watch(onChange: (value: T) => void): () => void;
}

export interface ItemSpec<T> {
  area: WritableArea;
  key: string;
  /** The shape written today. Older shapes are brought up to it by `migrate`. */
  version: number;
  fallback: () => T;
  /** Turns any older stored shape into today's (idempotent on today's). */
  migrate?: (raw: unknown) => unknown;
  /** Either a schema (all or nothing: what does not parse is the fallback) or a parser of its own. */
  schema?: z.ZodMiniType<T>;
  parse?: (raw: unknown) => T;
}

export function defineItem<T>(spec: ItemSpec<T>): StorageItem<T> {
  const inOrder = createSerialQueue();
  const parseValue = (raw: unknown): T => {
    if (raw === undefined) return spec.fallback();
    const migrated = spec.migrate ? spec.migrate(raw) : raw;
    if (spec.parse) return spec.parse(migrated);
    const parsed = spec.schema?.safeParse(migrated);
    return parsed?.success ? parsed.data : spec.fallback();
  };
  const read = async (): Promise<T> => parseValue((await readRaw(spec.area, spec.key))[spec.key]);
  return {
    area: spec.area,
    key: spec.key,
    parse: parseValue,
    get: read,
    set: (value) => inOrder(() => writeRaw(spec.area, { [spec.key]: value })),
    update: (change) =>
      inOrder(async () => {
        const next = change(await read());
        await writeRaw(spec.area, { [spec.key]: next });
        return next;
      }),
    remove: () => inOrder(() => removeRaw(spec.area, spec.key)),
    watch: (onChange) =>
      onStorageChanged((changes, area) => {
        if (area === spec.area && spec.key in changes) onChange(parseValue(changes[spec.key]?.newValue));
      }),
  };
}
