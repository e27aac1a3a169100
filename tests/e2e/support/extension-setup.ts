// Points the loaded extension at a simulator the way an agent would after saving the options
// page: by writing the settings item the background watches.
import { createServer } from 'node:net';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../tools/simulator/simulator';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings-schema';
import { LOCAL_KEYS } from '../../../src/storage/keys';
import type { ExtensionContext } from './extension-state';

export const DEMO_API_KEY = 'demo-key';
export const AGENT_EXT = '101';

/** A free loopback port, so the simulator's `domain` can be `127.0.0.1:<port>` like a real host. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A simulator whose domain is its own loopback address, as the extension's documented URL needs. */
export async function startLoopbackSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const port = options.port ?? (await freePort());
  return startSimulator({ apiKey: DEMO_API_KEY, subscribers: [AGENT_EXT, 'agent@example.com'], ...options, port, domain: `127.0.0.1:${port}` });
}

export function settingsFor(sim: Simulator, overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, domain: `127.0.0.1:${sim.port}`, apiKey: DEMO_API_KEY, subscriber: AGENT_EXT, ...overrides };
}

/** Writes settings from inside the worker (what the options page's Save does). */
export async function configureExtension(ext: ExtensionContext, settings: Settings): Promise<void> {
  await setLocal(ext, LOCAL_KEYS.settings, settings);
}

/** Writes one item of the extension's local storage from inside the extension. */
export async function setLocal(ext: ExtensionContext, key: string, value: unknown): Promise<void> {
  await ext.evalInWorker(
    async ([k, v]) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ [k]: v });
    },
    [key, value] as const,
  );
}
