// The one file that touches `browser.storage` (a lint rule keeps it so). Everything else goes
// through the items declared in items.ts and its siblings, which carry the key, the schema and the fallback.
import { browser } from '../platform/browser-api';

export type WritableArea = 'local' | 'session' | 'sync';
export type Area = WritableArea | 'managed';

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export async function readRaw(area: Area, keys: string | string[] | null): Promise<Record<string, unknown>> {
  if (area === 'managed') {
    // No managed area (Firefox without policies.json) means no policy; Firefox also rejects with
    // "Managed storage manifest not found" when no policy names us.
    const managed = browser.storage.managed as typeof browser.storage.managed | undefined;
    if (!managed) return {};
    return managed.get(keys).catch(() => ({}));
  }
  return browser.storage[area].get(keys);
}

export async function writeRaw(area: WritableArea, items: Record<string, unknown>): Promise<void> {
  await browser.storage[area].set(items);
}

export async function removeRaw(area: WritableArea, keys: string | string[]): Promise<void> {
  await browser.storage[area].remove(keys);
}

/** Every change in every area; returns the unsubscribe. */
export function onStorageChanged(listener: (changes: StorageChanges, area: string) => void): () => void {
  const wrapped = (changes: StorageChanges, area: string) => listener(changes, area);
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

/** True when a write failed because the area is full (Chrome: "QUOTA_BYTES quota exceeded"). */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message);
}

/** The running version (quarantined records carry it). */
export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}
