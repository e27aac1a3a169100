// An in-memory stand-in for src/shared/browser-api.ts in unit tests. Use it with
//   vi.mock('<path>/src/shared/browser-api', async () => ({ browser: (await import('<path>/tests/unit/support/fake-browser')).fakeBrowser }));
// and call resetFakeBrowser() in beforeEach. Storage behaves like the real areas: values are
// copied in and out (JSON), and onChanged fires after each write with { oldValue, newValue }.
import { createCatalogTranslator, type Catalog } from '../../../src/shared/catalog-translator';
import en from '../../../public/_locales/en/messages.json';
import uk from '../../../public/_locales/uk/messages.json';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: Changes, areaName: string) => void;
type AreaName = 'local' | 'sync' | 'session' | 'managed';

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const changeListeners = new Set<ChangeListener>();
const onChanged = {
  addListener: (fn: ChangeListener) => void changeListeners.add(fn),
  removeListener: (fn: ChangeListener) => void changeListeners.delete(fn),
  hasListener: (fn: ChangeListener) => changeListeners.has(fn),
};
function emit(changes: Changes, area: AreaName): void {
  if (Object.keys(changes).length === 0) return;
  for (const fn of [...changeListeners]) fn(clone(changes), area);
}

export class FakeStorageArea {
  data: Record<string, unknown> = {};
  /** Set to make every call reject, like Firefox's managed area without a policy. */
  failWith: Error | null = null;
  readonly onChanged = onChanged;
  constructor(readonly name: AreaName) {}

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.failWith) throw this.failWith;
    if (keys === null || keys === undefined) return clone(this.data);
    const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
    const out: Record<string, unknown> = {};
    for (const name of names) {
      if (name in this.data) out[name] = clone(this.data[name]);
      else if (name in defaults) out[name] = defaults[name];
    }
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWith) throw this.failWith;
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
      if (!(key in this.data)) continue;
      changes[key] = { oldValue: clone(this.data[key]) };
      delete this.data[key];
    }
    emit(changes, this.name);
  }
  async clear(): Promise<void> {
    await this.remove(Object.keys(this.data));
  }
}

export interface FakeBrowserState {
  uiLanguage: 'en' | 'uk';
  sentMessages: unknown[];
  /** What runtime.sendMessage answers. */
  reply: unknown;
  optionsPageOpened: number;
}

export const fakeState: FakeBrowserState = { uiLanguage: 'en', sentMessages: [], reply: { ok: true }, optionsPageOpened: 0 };
const catalogs = { en: createCatalogTranslator(en as Catalog), uk: createCatalogTranslator(uk as Catalog) };

export const fakeBrowser = {
  storage: {
    local: new FakeStorageArea('local'),
    sync: new FakeStorageArea('sync'),
    session: new FakeStorageArea('session'),
    managed: new FakeStorageArea('managed') as FakeStorageArea | undefined,
    onChanged,
  },
  runtime: {
    id: 'fake-extension-id',
    getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
    sendMessage: async (message: unknown) => {
      fakeState.sentMessages.push(clone(message));
      return clone(fakeState.reply);
    },
    openOptionsPage: async () => void fakeState.optionsPageOpened++,
  },
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) =>
      catalogs[fakeState.uiLanguage](key, typeof substitutions === 'string' ? [substitutions] : substitutions),
    getUILanguage: () => fakeState.uiLanguage,
  },
};

/** A fresh browser: empty storage, no listeners, English UI, managed area present but empty. */
export function resetFakeBrowser(): void {
  for (const area of ['local', 'sync', 'session'] as const) {
    fakeBrowser.storage[area].data = {};
    fakeBrowser.storage[area].failWith = null;
  }
  fakeBrowser.storage.managed = new FakeStorageArea('managed');
  changeListeners.clear();
  Object.assign(fakeState, { uiLanguage: 'en', sentMessages: [], reply: { ok: true }, optionsPageOpened: 0 });
}

/** Sets the administrator's policy, as Chrome does when policies are refreshed. */
export async function setPolicy(policy: Record<string, unknown>): Promise<void> {
  const area = fakeBrowser.storage.managed ?? (fakeBrowser.storage.managed = new FakeStorageArea('managed'));
  await area.clear();
  await area.set(policy);
}
