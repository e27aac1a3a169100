// The one in-memory stand-in for src/shared/browser-api.ts in unit tests (background, popup,
// options). Use it with
//   vi.mock('<path>/src/shared/browser-api', async () => ({ browser: (await import('<path>/tests/unit/support/fake-browser')).fakeBrowser }));
// and call resetFakeBrowser() in beforeEach. `fakeState` shows what the extension asked of the
// browser: notifications shown, tabs opened, the badge, alarms, menus, and `log`, the order of
// storage writes and visible effects (to prove state is saved before a pop-up shows).
import { createCatalogTranslator, type Catalog } from '../../../src/shared/catalog-translator';
import en from '../../../public/_locales/en/messages.json';
import uk from '../../../public/_locales/uk/messages.json';
import { FakeStorageArea, clearChangeListeners, clone, onChanged, type AreaName } from './fake-storage';

export { FakeStorageArea } from './fake-storage';

/** A browser event: listeners are kept until resetFakeBrowser(); `trigger` calls each one. */
export interface FakeEvent<A extends unknown[]> {
  addListener(fn: (...args: A) => unknown): void;
  removeListener(fn: (...args: A) => unknown): void;
  hasListener(fn: (...args: A) => unknown): boolean;
  trigger(...args: A): Promise<unknown[]>;
}
const events: Array<Set<unknown>> = [];
function fakeEvent<A extends unknown[]>(): FakeEvent<A> {
  const listeners = new Set<(...args: A) => unknown>();
  events.push(listeners as Set<unknown>);
  return {
    addListener: (fn) => void listeners.add(fn),
    removeListener: (fn) => void listeners.delete(fn),
    hasListener: (fn) => listeners.has(fn),
    trigger: async (...args) => Promise.all([...listeners].map((fn) => fn(...args))),
  };
}

export interface FakeTab {
  id: number;
  url: string;
  active: boolean;
  windowId: number;
}

export interface FakeBrowserState {
  uiLanguage: 'en' | 'uk';
  sentMessages: unknown[];
  /** What runtime.sendMessage answers. */
  reply: unknown;
  optionsPageOpened: number;
  /** Storage writes ("set session callpop.state") and visible effects ("notify <id>", "tab <url>"), in order. */
  log: string[];
  notifications: Record<string, Record<string, unknown>>;
  tabs: FakeTab[];
  focusedWindows: number[];
  alarms: Record<string, Record<string, unknown>>;
  badge: { text?: string; color?: string; title?: string };
  menus: Record<string, Record<string, unknown>>;
  /** What permissions.contains answers (host access to the PBX for the REST features). */
  hostPermission: boolean;
}

const freshState = (): FakeBrowserState => ({
  uiLanguage: 'en',
  sentMessages: [],
  reply: { ok: true },
  optionsPageOpened: 0,
  log: [],
  notifications: {},
  tabs: [],
  focusedWindows: [],
  alarms: {},
  badge: {},
  menus: {},
  hostPermission: false,
});

export const fakeState: FakeBrowserState = freshState();
const catalogs = { en: createCatalogTranslator(en as Catalog), uk: createCatalogTranslator(uk as Catalog) };
const logWrite = (area: AreaName, keys: string[]) => fakeState.log.push(...keys.map((key) => `set ${area} ${key}`));
const area = (name: AreaName) => Object.assign(new FakeStorageArea(name), { onWrite: logWrite });

export const fakeBrowser = {
  storage: {
    local: area('local'),
    sync: area('sync'),
    session: area('session'),
    managed: area('managed') as FakeStorageArea | undefined,
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
    getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64' }),
    getManifest: () => ({ manifest_version: 3, name: 'CallPop', version: '0.1.0' }),
    onInstalled: fakeEvent<[{ reason: string }]>(),
    onStartup: fakeEvent<[]>(),
    onMessage: fakeEvent<[unknown, { id?: string; url?: string }]>(),
  },
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) =>
      catalogs[fakeState.uiLanguage](key, typeof substitutions === 'string' ? [substitutions] : substitutions),
    getUILanguage: () => fakeState.uiLanguage,
  },
  notifications: {
    // Like Chrome: the arguments are checked synchronously, a wrong type throws before anything shows
    // (what src/background/notification-features.ts probes at start).
    create: (id: string, options: Record<string, unknown>): Promise<string> => {
      const types: Record<string, (v: unknown) => boolean> = {
        buttons: Array.isArray,
        requireInteraction: (v) => typeof v === 'boolean',
        silent: (v) => typeof v === 'boolean',
        contextMessage: (v) => typeof v === 'string',
      };
      for (const [key, ok] of Object.entries(types)) {
        if (key in options && !ok(options[key])) throw new TypeError(`Error in invocation of notifications.create: Invalid type for ${key}`);
      }
      fakeState.log.push(`notify ${id}`);
      fakeState.notifications[id] = clone(options);
      return Promise.resolve(id);
    },
    update: async (id: string, options: Record<string, unknown>) => {
      const shown = fakeState.notifications[id];
      if (!shown) return false;
      fakeState.log.push(`update ${id}`);
      fakeState.notifications[id] = { ...shown, ...clone(options) };
      return true;
    },
    clear: async (id: string) => {
      const had = id in fakeState.notifications;
      if (had) fakeState.log.push(`clear ${id}`);
      delete fakeState.notifications[id];
      return had;
    },
    onClicked: fakeEvent<[string]>(),
    onClosed: fakeEvent<[string, boolean]>(),
    onButtonClicked: fakeEvent<[string, number]>(),
  },
  tabs: {
    create: async ({ url, active }: { url: string; active?: boolean }) => {
      const tab = { id: 100 + fakeState.tabs.length, url, active: active ?? true, windowId: 1 };
      fakeState.log.push(`tab ${url}`);
      fakeState.tabs.push(tab);
      return { ...tab };
    },
    update: async (id: number, { active }: { active?: boolean }) => {
      const tab = fakeState.tabs.find((t) => t.id === id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      if (active !== undefined) tab.active = active;
      fakeState.log.push(`focus tab ${tab.url}`);
      return { ...tab };
    },
  },
  windows: {
    update: async (id: number, { focused }: { focused?: boolean }) => {
      if (focused) fakeState.focusedWindows.push(id);
      return { id };
    },
  },
  alarms: {
    create: async (name: string, info: Record<string, unknown>) => void (fakeState.alarms[name] = { ...info }),
    clear: async (name: string) => delete fakeState.alarms[name],
    onAlarm: fakeEvent<[{ name: string }]>(),
  },
  action: {
    setBadgeText: async ({ text }: { text: string }) => void (fakeState.badge.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (fakeState.badge.color = color),
    setTitle: async ({ title }: { title: string }) => void (fakeState.badge.title = title),
  },
  contextMenus: {
    removeAll: async () => void (fakeState.menus = {}),
    create: (props: { id: string } & Record<string, unknown>) => void (fakeState.menus[props.id] = { ...props }),
    update: async (id: string, props: Record<string, unknown>) => {
      const menu = fakeState.menus[id];
      if (!menu) throw new Error(`Cannot find menu item with id ${id}`);
      Object.assign(menu, props);
    },
    onClicked: fakeEvent<[{ menuItemId: string; selectionText?: string; linkUrl?: string }]>(),
  },
  permissions: {
    contains: async () => fakeState.hostPermission,
    onAdded: fakeEvent<[unknown]>(),
    onRemoved: fakeEvent<[unknown]>(),
  },
  commands: { onCommand: fakeEvent<[string]>() },
};

/** A fresh browser: empty storage, no listeners, English UI, managed area present but empty, nothing shown. */
export function resetFakeBrowser(): void {
  for (const name of ['local', 'sync', 'session'] as const) {
    fakeBrowser.storage[name].data = {};
    fakeBrowser.storage[name].failWith = null;
  }
  fakeBrowser.storage.managed = area('managed');
  clearChangeListeners();
  for (const listeners of events) listeners.clear();
  Object.assign(fakeState, freshState());
}

/** Sets the administrator's policy, as Chrome does when policies are refreshed. */
export async function setPolicy(policy: Record<string, unknown>): Promise<void> {
  const managed = fakeBrowser.storage.managed ?? (fakeBrowser.storage.managed = area('managed'));
  await managed.clear();
  await managed.set(policy);
}
