// Builds the background for one worker life: restores state first, then connects.
import { browser } from '../shared/browser-api';
import type { Health } from '../shared/health';
import { LOCAL_KEYS } from '../shared/storage-keys';
import type { Settings } from '../shared/settings-schema';
import { readEffectiveSettings, isConfigured } from '../shared/settings-store';
import { buildConnectionUrl, INSECURE_URL_ERROR } from '../shared/connection-url';
import { redactUrl } from '../shared/redact';
import { createUiTranslator } from '../shared/ui-strings';
import type { Translate } from '../shared/i18n-types';
import type { CallsState, Effect } from '../calls/types';
import { badgeFor } from '../calls/badge';
import { ConnectionManager, DEFAULT_TUNING, type ConnectionTuning } from './connection';
import { CallPipeline } from './call-pipeline';
import { loadCallsState, loadHealth, saveHealth } from './state-persistence';
import { applyNotificationOp } from './notifications-adapter';
import { openCrmLink } from './crm-tabs';
import { applyBadge } from './badge-adapter';
import { createSocket, probeHost } from './socket-factory';

export const WATCHDOG_ALARM = 'callpop-watchdog';
/** Test-only tuning (shorter keep-alive and silence limits), read from local storage. */
const TUNING_KEY = 'callpop.testTuning';

export interface Background {
  settings(): Settings;
  pipeline: CallPipeline;
  connection: ConnectionManager;
  t: Translate;
  ensureConnected(): void;
  onInstalled(reason: string): Promise<void>;
  onStorageChanged(changes: Record<string, unknown>, area: string): Promise<void>;
  openCrm(url: string, focused: boolean): Promise<'opened' | 'focused' | 'refused'>;
  refreshBadge(): void;
}

export async function startBackground(): Promise<Background> {
  // Chrome 120+ allows 30 s alarms; older versions clamp to a minute (fine for a backstop).
  void browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });

  const [effective, state, health, tuning] = await Promise.all([readEffectiveSettings(), loadCallsState(), loadHealth(), readTuning()]);
  let settings = effective.settings;
  let t = await createUiTranslator(settings.language);

  let healthSaveTimer: ReturnType<typeof setTimeout> | null = null;
  const persistHealthSoon = () => {
    healthSaveTimer ??= setTimeout(() => {
      healthSaveTimer = null;
      void saveHealth(connection.getHealth());
    }, 500);
  };

  const applyEffects = async (effects: Effect[]) => {
    for (const effect of effects) {
      if (effect.type === 'notification') await applyNotificationOp(effect.notification, t);
      else await openCrmLink(effect.url, settings.crmAllowList, effect.focused).catch(() => 'refused');
    }
  };

  const refreshBadge = () => {
    const h = connection.getHealth();
    const link = h.state === 'connected' ? 'connected' : h.state === 'not-configured' ? 'not-configured' : 'disconnected';
    void applyBadge(badgeFor(pipeline.getState(), link), t, h);
  };

  const pipeline: CallPipeline = new CallPipeline(state, {
    config: () => ({ policy: settings.notifications, historyLimit: settings.historyLimit, subscriber: settings.subscriber, t }),
    applyEffects,
    onResult: (result) => {
      connection.countFrame(result.kind !== 'rejected', result.kind === 'rejected' ? result.reason : null);
      if (result.kind === 'error') {
        connection.notePbxError(result.message);
        connection.noteErrorFrame();
      }
      persistHealthSoon();
    },
    onState: (_s: CallsState) => refreshBadge(),
  });

  const connection: ConnectionManager = new ConnectionManager(
    health,
    {
      createSocket,
      probe: probeHost,
      now: () => Date.now(),
      random: () => Math.random(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      onFrame: (data) => pipeline.push(data),
      onHealth: (next: Health) => {
        void saveHealth(next);
        refreshBadge();
      },
      // Any extension API call resets Chrome's 30 s idle timer (Chrome 110+): this keeps the worker
      // alive even when the server refuses client frames.
      keepWorkerBusy: () => void browser.runtime.getPlatformInfo(),
      onKeepAliveRejected: () => {
        connection.setKeepAliveMode('api-calls');
        void browser.storage.local.set({ [LOCAL_KEYS.keepAliveMode]: 'api-calls' });
      },
    },
    tuning,
  );
  const storedMode = (await browser.storage.local.get(LOCAL_KEYS.keepAliveMode))[LOCAL_KEYS.keepAliveMode];
  if (storedMode === 'api-calls' || storedMode === 'frames') connection.setKeepAliveMode(storedMode);

  const applySettings = (next: Settings) => {
    settings = next;
    if (!isConfigured(next)) return connection.configure(null);
    const built = buildConnectionUrl(next);
    if (!built.ok) return connection.configure(null, built.error === INSECURE_URL_ERROR ? 'insecure-url' : 'invalid-settings');
    connection.configure({ url: built.url, displayUrl: redactUrl(built.url, next.apiKey) });
  };
  applySettings(settings);
  refreshBadge();

  return {
    settings: () => settings,
    pipeline,
    connection,
    get t() {
      return t;
    },
    ensureConnected: () => connection.ensure(),
    refreshBadge,
    openCrm: (url, focused) => openCrmLink(url, settings.crmAllowList, focused),
    async onInstalled(reason) {
      if (reason === 'install' && !isConfigured(settings)) await browser.runtime.openOptionsPage();
    },
    async onStorageChanged(changes, area) {
      const settingsChanged =
        area === 'managed' || (area === 'sync' && Object.keys(changes).length > 0) || (area === 'local' && LOCAL_KEYS.settings in changes);
      if (area === 'local' && TUNING_KEY in changes) connection.setTuning(await readTuning());
      if (!settingsChanged) return;
      const next = await readEffectiveSettings();
      if (next.settings.language !== settings.language) t = await createUiTranslator(next.settings.language);
      applySettings(next.settings);
    },
  };
}

async function readTuning(): Promise<ConnectionTuning> {
  const raw = (await browser.storage.local.get(TUNING_KEY))[TUNING_KEY] as Partial<ConnectionTuning> | undefined;
  const pick = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 200 ? v : fallback);
  return {
    keepAliveMs: pick(raw?.keepAliveMs, DEFAULT_TUNING.keepAliveMs),
    silenceLimitMs: pick(raw?.silenceLimitMs, DEFAULT_TUNING.silenceLimitMs),
  };
}
