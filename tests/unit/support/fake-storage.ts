// In-memory storage areas that behave like the real ones: values are copied in and out (JSON),
// and storage.onChanged fires after each write with { oldValue, newValue } (absent, not null,
// when there was none). @webext-core/fake-browser was tried and not adopted: its get() hands
// out the stored objects themselves (a caller's mutation changes "storage"), its onChanged says
// null for a missing value, and it has no way to make an area fail like Firefox's managed area.
export type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
export type ChangeListener = (changes: Changes, areaName: string) => void;
export type AreaName = 'local' | 'sync' | 'session' | 'managed';

export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const changeListeners = new Set<ChangeListener>();
export const onChanged = {
  addListener: (fn: ChangeListener) => void changeListeners.add(fn),
  removeListener: (fn: ChangeListener) => void changeListeners.delete(fn),
  hasListener: (fn: ChangeListener) => changeListeners.has(fn),
};
export function clearChangeListeners(): void {
  changeListeners.clear();
}
function emit(changes: Changes, area: AreaName): void {
  if (Object.keys(changes).length === 0) return;
  for (const fn of [...changeListeners]) fn(clone(changes), area);
}

export class FakeStorageArea {
  data: Record<string, unknown> = {};
  /** Set to make every call reject, like Firefox's managed area without a policy. */
  failWith: Error | null = null;
  /** Like Chrome's QUOTA_BYTES: a write that would take the area over it is refused, changing nothing. */
  quotaBytes: number | null = null;
  readonly onChanged = onChanged;
  /** Called before each write with the keys written, so a test can see the order of writes and other calls. */
  onWrite: (area: AreaName, keys: string[]) => void = () => undefined;
  constructor(readonly name: AreaName) {}

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.failWith) throw this.failWith;
    if (keys === null || keys === undefined) return clone(this.data);
    const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
    const out: Record<string, unknown> = {};
    for (const name of names) {
      if (Object.hasOwn(this.data, name)) out[name] = clone(this.data[name]);
      else if (name in defaults) out[name] = defaults[name];
    }
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (this.quotaBytes !== null) {
      const after = { ...this.data, ...items };
      // Chrome counts each key's length plus its value's JSON, in UTF-8.
      const bytes = Object.entries(after).reduce((sum, [key, value]) => sum + new TextEncoder().encode(key + JSON.stringify(value)).length, 0);
      if (bytes > this.quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    }
    this.onWrite(this.name, Object.keys(items));
    const changes: Changes = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: clone(this.data[key]), newValue: clone(value) };
      this.data[key] = clone(value);
    }
    emit(changes, this.name);
  }
  async remove(keys: string | string[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    const changes: Changes = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!Object.hasOwn(this.data, key)) continue;
      changes[key] = { oldValue: clone(this.data[key]) };
      delete this.data[key];
    }
    emit(changes, this.name);
  }
  async clear(): Promise<void> {
    await this.remove(Object.keys(this.data));
  }
}
