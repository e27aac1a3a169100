// A minimal in-memory browser for the popup's component tests. (tests/unit/support/fake-browser.ts
// loads its catalogs with `new URL(…, import.meta.url)`, which happy-dom's global URL breaks.)
type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: Changes, areaName: string) => void;

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const listeners = new Set<ChangeListener>();

class Area {
  data: Record<string, unknown> = {};
  constructor(readonly name: 'local' | 'session') {}
  async get(keys: string | string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) if (key in this.data) out[key] = clone(this.data[key]);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Changes = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: clone(this.data[key]), newValue: clone(value) };
      this.data[key] = clone(value);
    }
    for (const listener of [...listeners]) listener(clone(changes), this.name);
  }
}

export const popupFake = { sent: [] as unknown[], optionsOpened: 0 };

export const fakeBrowser = {
  storage: {
    local: new Area('local'),
    session: new Area('session'),
    onChanged: {
      addListener: (fn: ChangeListener) => void listeners.add(fn),
      removeListener: (fn: ChangeListener) => void listeners.delete(fn),
    },
  },
  runtime: {
    sendMessage: async (message: unknown) => {
      popupFake.sent.push(clone(message));
      return { ok: true };
    },
    openOptionsPage: async () => void popupFake.optionsOpened++,
  },
};

export function resetPopupFake(): void {
  fakeBrowser.storage.local.data = {};
  fakeBrowser.storage.session.data = {};
  listeners.clear();
  popupFake.sent = [];
  popupFake.optionsOpened = 0;
}
