// The connection room: one socket to the PBX, kept alive and replaced when suspect (connection.ts
// has the policy), wired to the browser: the socket factory, timers, the keep-alive record in
// storage. Frames go out to the pipeline room untouched; health comes back to the assembler.
import { browser } from '../platform/browser-api';
import type { Health, SuspectReason } from '../connection/health';
import type { Settings } from '../settings/settings-schema';
import type { KeepAliveRecord } from '../connection/keep-alive-verdict';
import { isConfigured } from '../storage/settings-store';
import { buildConnectionUrl, INSECURE_URL_ERROR } from '../settings/connection-url';
import { redactUrl } from '../protocol/redact';
import { keepAliveItem, type TestTuning } from '../storage/background-items';
import { ConnectionManager, DEFAULT_TUNING, type ConnectionTuning } from './connection';
import { createSocket } from './socket-factory';

export interface ConnectionRoomDeps {
  tuning: ConnectionTuning;
  onFrame(data: unknown): void;
  onHealth(health: Health): void;
  onReplaced(reason: SuspectReason, since: number): void;
}

export function createConnectionRoom(stored: Health, storedKeepAlive: KeepAliveRecord | null, deps: ConnectionRoomDeps): ConnectionManager {
  return new ConnectionManager(
    stored,
    {
      createSocket,
      now: () => Date.now(),
      random: () => Math.random(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      // Feature detection: a context without navigator (none ships today) is taken as online.
      isOnline: () => globalThis.navigator?.onLine ?? true,
      onFrame: deps.onFrame,
      onHealth: deps.onHealth,
      // Any extension API call resets Chrome's 30 s idle timer (Chrome 110+): this keeps the worker
      // alive even when the server refuses client frames.
      keepWorkerBusy: () => void browser.runtime.getPlatformInfo(),
      onKeepAliveRecord: (record) => void keepAliveItem.set(record),
      onReplaced: deps.onReplaced,
    },
    deps.tuning,
    storedKeepAlive,
  );
}

/** Points the connection at what the settings name, or nowhere (and says why) when they cannot. */
export function configureConnection(connection: ConnectionManager, settings: Settings, tuning: ConnectionTuning): void {
  connection.setTuning(tuning);
  if (!isConfigured(settings)) return connection.configure(null);
  const built = buildConnectionUrl(settings);
  if (!built.ok) return connection.configure(null, built.error === INSECURE_URL_ERROR ? 'insecure-url' : 'invalid-settings');
  connection.configure({ url: built.url, displayUrl: redactUrl(built.url, settings.apiKey) });
}

/** The silence limit is the admin's (settings, policy-settable); tests may shorten any of the three. */
export function tuningFor(settings: Settings, tuning: TestTuning): ConnectionTuning {
  return { ...DEFAULT_TUNING, silenceLimitMs: settings.silenceLimitSeconds * 1000, ...tuning.connection };
}
