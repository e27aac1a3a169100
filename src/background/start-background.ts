// Builds the background for one worker life from its rooms, restoring state before connecting:
//   settings room   — what the worker runs with, and what applies when it changes
//   connection room — the socket, keep-alive and backoff
//   pipeline room   — frame → state → effects, and the frame counters
//   effects room    — notifications, CRM tabs, badge, ring sound
// A frame goes connection room → pipeline room → effects room and never comes back.
import { browser } from '../platform/browser-api';
import { INITIAL_HEALTH, type Health } from '../connection/health';
import type { Settings } from '../settings/settings-schema';
import { isConfigured } from '../storage/settings-store';
import type { Translate } from '../i18n/i18n-types';
import { expireStaleCalls } from '../calls/expire-stale';
import { expireCallBacks } from '../calls/call-backs';
import { loadCallsState } from '../storage/call-state-store';
import { prunedFor, quarantineItem } from '../storage/quarantine';
import { extensionVersion } from '../storage/area';
import { healthItem } from '../storage/items';
import { keepAliveItem } from '../storage/background-items';
import type { ConnectionManager } from './connection';
import type { CallPipeline } from './call-pipeline';
import { createSettingsRoom } from './settings-room';
import { configureConnection, createConnectionRoom, tuningFor } from './connection-room';
import { createPipelineRoom } from './pipeline-room';
import { createEffectsRoom } from './effects-room';
import { openCrmLink } from './crm-tabs';
import { createCatchUp } from './catch-up';
import { ensureContextMenus, setContextMenusVisible } from './context-menu';
import { restFeaturesAvailable } from './pbx-rest';
import { dropOtherPbxAccess } from './pbx-permissions';

export const WATCHDOG_ALARM = 'callpop-watchdog';
/** Frames arrive in bursts: their counters are saved at most this often. */
const HEALTH_SAVE_DELAY_MS = 500;

export interface Background {
  settings(): Settings;
  pipeline: CallPipeline;
  connection: ConnectionManager;
  /** The connection's health with the pipeline's frame counters: what pages and the badge show. */
  health(): Health;
  t: Translate;
  ensureConnected(): void;
  /** The watchdog alarm fired (a late one means the machine slept). */
  onWatchdog(scheduledTime: number): void;
  /** `idle.onStateChanged`: back from idle or locked, the socket is suspect. */
  onIdleState(state: string): void;
  /** Ends live calls whose hangup never came (see src/calls/expire-stale.ts). */
  expireStaleCalls(): Promise<void>;
  onInstalled(reason: string, previousVersion?: string): Promise<void>;
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

  const [settingsRoom, { state }, stored, storedKeepAlive] = await Promise.all([
    createSettingsRoom({
      onApplied: (settings, tuning) => {
        configureConnection(connection, settings, tuningFor(settings, tuning));
        effects.syncRing();
      },
      onQuietChanged: () => {
        effects.refreshBadge();
        effects.syncRing();
      },
      onRestStatus: (): Promise<void> => syncRestFeatures(),
    }),
    loadCallsState(),
    healthItem.get().then((h) => h ?? INITIAL_HEALTH),
    keepAliveItem.get(),
  ]);
  const { settings, t, quiet } = settingsRoom;
  /** When the user went idle or locked the screen (in this worker's life). */
  let idleSince: number | null = null;

  const health = (): Health => ({ ...connection.getHealth(), ...stats.snapshot() });
  let healthSaveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveHealthSoon = () => {
    healthSaveTimer ??= setTimeout(() => {
      healthSaveTimer = null;
      void healthItem.set(health());
    }, HEALTH_SAVE_DELAY_MS);
  };

  const effects = createEffectsRoom({ settings, t, quiet, state: () => pipeline.getState(), health });
  const { pipeline, stats } = createPipelineRoom(state, stored, {
    settings,
    t,
    quiet,
    effects,
    onPbxError: () => connection.noteErrorFrame(),
    onCounted: saveHealthSoon,
  });
  const catchUp = createCatchUp({ settings, config: () => pipeline.currentConfig(), pipeline, now: () => Date.now() }, stored.state);
  const connection: ConnectionManager = createConnectionRoom(stored, storedKeepAlive, {
    tuning: tuningFor(settings(), settingsRoom.tuning()),
    onFrame: (data) => pipeline.push(data),
    onHealth: (next) => {
      void healthItem.set(health());
      void catchUp.onHealth(next);
      effects.refreshBadge();
    },
    // Asleep or offline, the PBX may have rung: those calls come back as missed (where calling through
    // the PBX is allowed). A silence replacement on a quiet PBX is routine and asks nothing.
    onReplaced: (reason, since) => {
      if (reason !== 'silence') void catchUp.after(since);
    },
  });
  const syncRestFeatures = async (): Promise<void> => setContextMenusVisible(await restFeaturesAvailable(settings()));

  configureConnection(connection, settings(), tuningFor(settings(), settingsRoom.tuning()));
  // A worker stopped while the domain changed wakes with the new one: drop any other host then.
  if (isConfigured(settings())) void dropOtherPbxAccess(settings().domain).catch(() => []);
  effects.refreshBadge();
  void restFeaturesAvailable(settings())
    .then((available) => ensureContextMenus(t(), available))
    .catch(() => undefined);
  effects.syncRing(); // a worker stopped mid-ring wakes to the same decision

  return {
    settings,
    pipeline,
    connection,
    health,
    get t() {
      return t();
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
    refreshBadge: effects.refreshBadge,
    syncRestFeatures,
    onDndAlarm: () => {
      effects.refreshBadge();
      effects.syncRing();
    },
    openCrm: (url, focused) => openCrmLink(url, settings().crmAllowList, focused),
    async onInstalled(reason, previousVersion) {
      if (reason === 'install' && !isConfigured(settings())) await browser.runtime.openOptionsPage();
      // Records set aside are kept for one version: what older versions set aside goes now.
      if (reason === 'update') await quarantineItem.update((q) => prunedFor(q, extensionVersion(), previousVersion ?? null)).catch(() => undefined);
    },
    onStorageChanged: settingsRoom.onStorageChanged,
    async onPermissionsChanged() {
      // "identity.email" granted on the options page: subscriberFrom now reads the account e-mail.
      await settingsRoom.reread();
      await syncRestFeatures();
    },
  };
}
