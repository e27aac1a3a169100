// Firefox ESR 153's notifications as its code behaves (toolkit/components/extensions/parent/
// ext-notifications.js and toolkit/components/alerts/resources/content/alert.js), for wiring tests
// of what only Firefox does. Install it on the fake browser with useFirefoxNotifications().
//  - create rejects the options Firefox lacks with its own messages (what the feature probe reads),
//    resolves at once, and the alert window opens later;
//  - the window listens for a close only from its load event: a clear before that forgets the
//    notification (getAll) but the window stays on screen;
//  - once loaded, the window reports the show (notifications.onShown), cleared or not, and closes
//    the window it replaces (a create under an id still on screen);
//  - no notifications.update.
import { fakeBrowser } from './fake-browser';

export interface AlertWindow {
  id: string;
  title: string;
  message: string;
  loaded: boolean;
  open: boolean;
}

export interface FirefoxAlerts {
  /** Alert windows on screen now. */
  onScreen(): AlertWindow[];
  /** The ids notifications.getAll lists now. */
  listed(): string[];
  /** Every window opened so far finishes loading, and each reports its show. */
  loadWindows(): Promise<void>;
}

const REJECTED: Record<string, string> = {
  requireInteraction: 'Type error for parameter options (Unexpected property "requireInteraction") for notifications.create.',
  silent: 'Type error for parameter options (Unexpected property "silent") for notifications.create.',
  buttons: 'Type error for parameter options (Property "buttons" is unsupported by Firefox) for notifications.create.',
};

export function useFirefoxNotifications(): FirefoxAlerts {
  const windows: AlertWindow[] = [];
  /** The API's own record: what getAll lists and clear can reach. */
  const known = new Map<string, AlertWindow>();
  const shownListeners = new Set<(id: string) => unknown>();
  const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined, hasListener: () => false });

  const closeWindow = (window: AlertWindow) => {
    // alert.js adds its XULAlertClose listener in onAlertLoad: a close before the load is lost.
    if (window.loaded) window.open = false;
  };

  const notifications = {
    create: (id: string, options: Record<string, unknown>): Promise<string> => {
      for (const key of Object.keys(options)) if (REJECTED[key]) throw new Error(REJECTED[key]);
      if (typeof options.contextMessage !== 'undefined' && typeof options.contextMessage !== 'string') {
        throw new Error('Type error for parameter options (Error processing contextMessage: Expected string instead of 0) for notifications.create.');
      }
      const previous = known.get(id);
      if (previous) closeWindow(previous);
      const window: AlertWindow = { id, title: String(options.title), message: String(options.message), loaded: false, open: true };
      windows.push(window);
      known.set(id, window);
      return Promise.resolve(id);
    },
    clear: async (id: string): Promise<boolean> => {
      const window = known.get(id);
      if (!window) return false;
      closeWindow(window);
      known.delete(id);
      return true;
    },
    getAll: async () => Object.fromEntries([...known.keys()].map((id) => [id, {}])),
    onClicked: listeners(),
    onClosed: listeners(),
    onButtonClicked: listeners(),
    onShown: {
      addListener: (fn: (id: string) => unknown) => void shownListeners.add(fn),
      removeListener: (fn: (id: string) => unknown) => void shownListeners.delete(fn),
      hasListener: (fn: (id: string) => unknown) => shownListeners.has(fn),
    },
  };
  (fakeBrowser as unknown as { notifications: unknown }).notifications = notifications;

  return {
    onScreen: () => windows.filter((w) => w.open),
    listed: () => [...known.keys()],
    async loadWindows() {
      for (const window of windows.filter((w) => w.open && !w.loaded)) {
        window.loaded = true;
        // A window opened under the name of one still on screen takes its place (alert.js, gReplacedWindow).
        for (const other of windows) if (other !== window && other.id === window.id) other.open = false;
        await Promise.all([...shownListeners].map((fn) => fn(window.id)));
      }
    },
  };
}
