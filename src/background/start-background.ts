// Builds the background for one worker life: restores state first, then connects.
import { browser } from '../shared/browser-api';
import type { Health } from '../shared/health';
import { LOCAL_KEYS } from '../shared/storage-keys';
import type { Settings } from '../shared/settings-schema';
import { readEffectiveSettings, isConfigured } from '../shared/settings-store';
import { buildConnectionUrl, INSECURE_URL_ERROR } from '../shared/connection-url';
import { redactUrl } from '../shared/redact';
import { createUiTranslator, uiLanguageTag } from '../shared/ui-strings';
import type { Translate } from '../shared/i18n-types';
import type { CallsState, Effect, NotificationOp } from '../calls/types';
import { findCall } from '../calls/find-call';
import { notificationButtons, type NotificationButton } from '../calls/notification-buttons';
import { badgeFor } from '../calls/badge';
import { expireStaleCalls } from '../calls/expire-stale';
import { expireCallBacks } from '../calls/call-backs';
import { ConnectionManager, DEFAULT_TUNING, type ConnectionTuning } from './connection';
import { CallPipeline } from './call-pipeline';
import { loadCallsState, loadHealth, saveHealth } from './state-persistence';
import { applyNotificationOp } from './notifications-adapter';
import { flushNotificationLog } from './notification-log';
import { flushButtons } from './notification-buttons-store';
import { openCrmLink } from './crm-tabs';
import { applyBadge } from './badge-adapter';
import { createSocket } from './socket-factory';
import { createCatchUp } from './catch-up';
import { ensureContextMenus, setContextMenusVisible } from './context-menu';
import { resetRestStatus, restFeaturesAvailable } from './pbx-rest';
import { REST_STATUS_KEY } from '../shared/rest-status';
import { setTimingProbe } from './timing-probe';
import { applyDoNotDisturb, dndActive } from '../calls/do-not-disturb';
import { shouldRing } from '../calls/ring-decision';
import { readDnd } from '../shared/dnd-store';
import { setRinging } from './ring-sound';
import { scheduleDndEnd } from './dnd-alarm';
import { dropOtherPbxAccess } from './pbx-permissions';

export const WATCHDOG_ALARM = 'callpop-watchdog';
/** Test-only tuning (shorter keep-alive and silence limits), read from local storage. */
const TUNING_KEY = 'callpop.testTuning';

export interface Background {
  settings(): Settings;
  pipeline: CallPipeline;
  connection: ConnectionManager;
  t: Translate;
  ensureConnected(): void;
  /** The watchdog alarm fired (a late one means the machine slept). */
  onWatchdog(scheduledTime: number): void;
  /** `idle.onStateChanged`: back from idle or locked, the socket is suspect. */
  onIdleState(state: string): void;
  /** Ends live calls whose hangup never came (see src/calls/expire-stale.ts). */
  expireStaleCalls(): Promise<void>;
  onInstalled(reason: string): Promise<void>;
  onStorageChanged(changes: Record<string, unknown>, area: string): Promise<void>;
  openCrm(url: string, focused: boolean): Promise<'opened' | 'focused' | 'refused'>;
  refreshBadge(): void;
  /** Host permission or REST status changed: the REST features show or hide themselves. */
  syncRestFeatures(): Promise<void>;
  /** A permission was granted or removed: REST features, and the account e-mail behind subscriberFrom. */
  onPermissionsChanged(): Promise<void>;
  /** Do-not-disturb ended by its alarm: the badge and the sound follow. */
  onDndAlarm(): void;
}

export async function startBackground(): Promise<Background> {
  // Chrome 120+ allows 30 s alarms; older versions clamp to a minute (fine for a backstop).
  void browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });

  const [effective, state, health, testTuning, storedKeepAlive] = await Promise.all([
    readEffectiveSettings(),
    loadCallsState(),
    loadHealth(),
    readTestTuning(),
    browser.storage.local.get(LOCAL_KEYS.keepAliveMode).then((items) => items[LOCAL_KEYS.keepAliveMode]),
    syncTimingProbe(),
  ]);
  let settings = effective.settings;
  let tuningOverrides = testTuning;
  /** When the user went idle or locked the screen (in this worker's life). */
  let idleSince: number | null = null;
  let t = await createUiTranslator(settings.language);
  let dnd = await readDnd();
  const quiet = () => dndActive(dnd, Date.now());

  let healthSaveTimer: ReturnType<typeof setTimeout> | null = null;
  const persistHealthSoon = () => {
    healthSaveTimer ??= setTimeout(() => {
      healthSaveTimer = null;
      void saveHealth(connection.getHealth());
    }, 500);
  };

  const applyEffects = async (all: Effect[]) => {
    const effects = applyDoNotDisturb(all, quiet(), pipeline.getState());
    for (const effect of effects) {
      if (effect.type === 'notification') await applyNotificationOp(effect.notification, t, { buttons: await buttonsFor(effect.notification) });
      else await openCrmLink(effect.url, settings.crmAllowList, effect.focused, 'auto').catch(() => 'refused');
    }
    // The bookkeeping of what was shown: one write per batch, after the pop-ups are out.
    if (effects.length > 0) await Promise.all([flushNotificationLog(), flushButtons()]);
  };

  const refreshBadge = () => {
    const h = connection.getHealth();
    const link = h.state === 'connected' ? 'connected' : h.state === 'not-configured' ? 'not-configured' : 'disconnected';
    void applyBadge(badgeFor(pipeline.getState(), link, { dnd: quiet() }), t, h);
  };
  const syncRing = () => void setRinging(shouldRing(pipeline.getState(), settings.notifications, quiet()));

  const pipeline: CallPipeline = new CallPipeline(state, {
    config: () => ({
      policy: settings.notifications,
      historyLimit: settings.historyLimit,
      subscriber: settings.subscriber,
      t,
      secrets: [settings.apiKey],
      story: { languageTag: uiLanguageTag(settings.language) },
    }),
    applyEffects,
    onResult: (result) => {
      if (result.kind === 'error') {
        connection.notePbxError(result.message);
        connection.noteErrorFrame();
      }
    },
    // Counted once handled: "N frames processed" in health means their pop-ups are out too.
    onHandled: (result) => {
      connection.countFrame(result.kind !== 'rejected', result.kind === 'rejected' ? result.reason : null);
      persistHealthSoon();
    },
    onState: (_s: CallsState) => {
      refreshBadge();
      syncRing();
    },
  });

  const catchUp = createCatchUp({ settings: () => settings, config: () => pipeline.currentConfig(), pipeline, now: () => Date.now() }, health.state);
  const syncRestFeatures = async () => setContextMenusVisible(await restFeaturesAvailable(settings));
  // A missed call offers "Call back" (Chrome button 1) only while calling works; else "Copy number".
  const buttonsFor = async (op: NotificationOp): Promise<NotificationButton[]> => {
    if (op.op === 'clear') return [];
    const known = op.call ? findCall(pipeline.getState(), op.call)?.caller : undefined;
    const caller = { url: op.url, unknown: known?.unknown ?? false, number: known?.number ?? null };
    const callBackOffered = op.kind === 'missed' && caller.number !== null && (await restFeaturesAvailable(settings));
    return notificationButtons({ kind: op.kind, caller, callBackOffered });
  };

  const connection: ConnectionManager = new ConnectionManager(
    health,
    {
      createSocket,
      now: () => Date.now(),
      random: () => Math.random(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      // Feature detection: a context without navigator (none ships today) is taken as online.
      isOnline: () => globalThis.navigator?.onLine ?? true,
      onFrame: (data) => pipeline.push(data),
      onHealth: (next: Health) => {
        void saveHealth(next);
        void catchUp.onHealth(next);
        refreshBadge();
      },
      // Any extension API call resets Chrome's 30 s idle timer (Chrome 110+): this keeps the worker
      // alive even when the server refuses client frames.
      keepWorkerBusy: () => void browser.runtime.getPlatformInfo(),
      onKeepAliveRecord: (record) => void browser.storage.local.set({ [LOCAL_KEYS.keepAliveMode]: record }),
      // Asleep or offline, the PBX may have rung: those calls come back as missed (where calling through
      // the PBX is allowed). A silence replacement on a quiet PBX is routine and asks nothing.
      onReplaced: (reason, since) => {
        if (reason !== 'silence') void catchUp.after(since);
      },
    },
    tuningFor(settings, tuningOverrides),
    storedKeepAlive,
  );

  const applySettings = (next: Settings) => {
    settings = next;
    connection.setTuning(tuningFor(next, tuningOverrides));
    if (!isConfigured(next)) return connection.configure(null);
    const built = buildConnectionUrl(next);
    if (!built.ok) return connection.configure(null, built.error === INSECURE_URL_ERROR ? 'insecure-url' : 'invalid-settings');
    connection.configure({ url: built.url, displayUrl: redactUrl(built.url, next.apiKey) });
  };
  applySettings(settings);
  // A worker stopped while the domain changed wakes with the new one: drop any other host then.
  if (isConfigured(settings)) void dropOtherPbxAccess(settings.domain).catch(() => []);
  refreshBadge();
  void restFeaturesAvailable(settings).then((available) => ensureContextMenus(t, available)).catch(() => undefined);
  syncRing(); // a worker stopped mid-ring wakes to the same decision

  return {
    settings: () => settings,
    pipeline,
    connection,
    get t() {
      return t;
    },
    ensureConnected: () => connection.ensure(),
    onWatchdog: (scheduledTime) => connection.noteAlarm(scheduledTime),
    onIdleState(idleState) {
      if (idleState !== 'active') {
        idleSince ??= Date.now();
        return;
      }
      connection.suspect('idle-active', idleSince ?? Date.now());
      idleSince = null;
    },
    expireStaleCalls: () =>
      pipeline.mutate((s) => {
        expireCallBacks(s, Date.now());
        return expireStaleCalls(s, Date.now(), pipeline.currentConfig());
      }, true),
    refreshBadge,
    syncRestFeatures,
    onDndAlarm: () => {
      refreshBadge();
      syncRing();
    },
    openCrm: (url, focused) => openCrmLink(url, settings.crmAllowList, focused),
    async onInstalled(reason) {
      if (reason === 'install' && !isConfigured(settings)) await browser.runtime.openOptionsPage();
    },
    async onStorageChanged(changes, area) {
      // The agent's e-mail is a settings source too: the managed subscriberFrom derives the subscriber from it.
      const localSettings = area === 'local' && (LOCAL_KEYS.settings in changes || LOCAL_KEYS.agentEmail in changes);
      const settingsChanged = area === 'managed' || (area === 'sync' && Object.keys(changes).length > 0) || localSettings;
      if (area === 'local' && TUNING_KEY in changes) {
        tuningOverrides = await readTestTuning();
        connection.setTuning(tuningFor(settings, tuningOverrides));
        await syncTimingProbe();
      }
      if (area === 'local' && LOCAL_KEYS.dnd in changes) {
        dnd = await readDnd();
        await scheduleDndEnd(dnd);
        refreshBadge();
        syncRing();
      }
      if (area === 'local' && REST_STATUS_KEY in changes) await syncRestFeatures();
      if (settingsChanged) await rereadSettings();
    },
    async onPermissionsChanged() {
      // "identity.email" granted on the options page: subscriberFrom now reads the account e-mail.
      await rereadSettings();
      await syncRestFeatures();
    },
  };

  /** Reads every settings source again (policy, local, sync, the agent e-mail) and applies the result. */
  async function rereadSettings(): Promise<void> {
    const next = await readEffectiveSettings();
    // Another PBX or key: what the old one answered says nothing about the new one.
    if (next.settings.domain !== settings.domain || next.settings.apiKey !== settings.apiKey) await resetRestStatus();
    // Another PBX: the old one's host access goes.
    if (next.settings.domain !== settings.domain) await dropOtherPbxAccess(next.settings.domain).catch(() => []);
    if (next.settings.language !== settings.language) t = await createUiTranslator(next.settings.language);
    applySettings(next.settings);
    syncRing();
  }
}

/** Bench-only: `recordTimings: true` in the test tuning turns the timing probe on. */
async function syncTimingProbe(): Promise<void> {
  const raw = (await browser.storage.local.get(TUNING_KEY))[TUNING_KEY] as { recordTimings?: unknown } | undefined;
  setTimingProbe(raw?.recordTimings === true);
}

/** Test-only overrides, clamped to [200 ms, 10 min]: a stray value can neither spin the worker nor silence it. */
async function readTestTuning(): Promise<Partial<ConnectionTuning>> {
  const raw = (await browser.storage.local.get(TUNING_KEY))[TUNING_KEY] as Partial<Record<keyof ConnectionTuning, unknown>> | undefined;
  const out: Partial<ConnectionTuning> = {};
  for (const key of ['keepAliveMs', 'silenceLimitMs', 'wakeCheckMs'] as const) {
    const v = raw?.[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = Math.min(600_000, Math.max(200, v));
  }
  return out;
}

/** The silence limit is the admin's (settings, policy-settable); tests may shorten any of the three. */
function tuningFor(settings: Settings, overrides: Partial<ConnectionTuning>): ConnectionTuning {
  return { ...DEFAULT_TUNING, silenceLimitMs: settings.silenceLimitSeconds * 1000, ...overrides };
}
