// One worker life on the fake browser, for the tests that boot the real background
// (start-background): boot with stored settings, let the PBX send frames, stop and restart.
// The test file itself must mock the browser seam and the socket factory (vi.mock is hoisted
// per file):
//   vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));
//   vi.mock('../../../src/background/socket-factory', async () => (await import('../support/fake-socket')).fakeSocketFactory);
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import * as fake from './fake-browser';
import { openedSockets as sockets } from './fake-socket';
import type * as StartModule from '../../../src/background/start-background';
import { LOCAL_KEYS } from '../../../src/storage/keys';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings-schema';

export const API_KEY = 'Secret-Key-42';

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, domain: 'pbx.example.com', apiKey: API_KEY, subscriber: '911', ...overrides };
}

export interface Worker {
  /** The worker of the running test (after boot). */
  readonly bg: StartModule.Background | null;
  /** A worker wakes with these stored settings (none: what storage already holds). */
  boot(settings?: Settings | null): Promise<StartModule.Background>;
  /** The worker stops (modules and memory go, storage stays) and a new one starts. */
  restart(): Promise<StartModule.Background>;
  /** The PBX accepts the socket and sends these frames; resolves once the background handled them. */
  pbxSends(...frames: unknown[]): Promise<void>;
}

/** Registers the hooks that give each test a fresh browser and worker. */
export function useWorker(): Worker {
  let bg: StartModule.Background | null = null;
  const boot = async (settings: Settings | null = settingsWith()) => {
    if (settings) fake.fakeBrowser.storage.local.data[LOCAL_KEYS.settings] = settings;
    const { startBackground } = await import('../../../src/background/start-background');
    bg = await startBackground();
    return bg;
  };
  beforeAll(async () => {
    // Resolve both mocks once, before any reset, so they hold the instances imported above.
    await import('../../../src/platform/browser-api');
    await import('../../../src/background/socket-factory');
  });
  beforeEach(() => {
    vi.resetModules();
    fake.resetFakeBrowser();
    sockets.length = 0;
  });
  afterEach(() => {
    bg?.connection.configure(null); // no timers of this worker outlive its test
    bg = null;
  });
  return {
    get bg() {
      return bg;
    },
    boot,
    async restart() {
      bg?.connection.configure(null);
      vi.resetModules();
      fake.fakeState.log = [];
      return boot(null);
    },
    async pbxSends(...frames) {
      const socket = sockets.at(-1);
      if (!socket || !bg) throw new Error('no socket open');
      if (socket.readyState === 0) socket.serverOpens();
      for (const frame of frames) socket.serverSends(frame);
      await bg.pipeline.idle();
    },
  };
}
