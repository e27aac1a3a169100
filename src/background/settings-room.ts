// The settings room: what the worker runs with (settings, UI language, do-not-disturb, test
// tuning) and what applies when any of it changes. Changes are handled one at a time, each
// reading what is stored when its turn comes, so two quick saves never leave the older applied.
import type { Settings } from '../settings/settings-schema';
import type { Translate } from '../i18n/i18n-types';
import { readEffectiveSettings } from '../storage/settings-store';
import { createUiTranslator } from '../platform/ui-strings';
import { dndActive, type DndSetting } from '../calls/do-not-disturb';
import { createSerialQueue } from '../storage/serial-queue';
import { restStatusItem } from '../storage/items';
import { dndItem } from '../storage/call-items';
import { testTuningItem, type TestTuning } from '../storage/background-items';
import { RELEASE_TUNING } from '../storage/test-tuning';
import { agentEmailItem, localSettingsItem } from '../storage/settings-items';
import { resetRestStatus } from './pbx-rest';
import { dropOtherPbxAccess } from './pbx-permissions';
import { scheduleDndEnd } from './dnd-alarm';
import { setTimingProbe } from './timing-probe';

export interface SettingsConsumers {
  /** New settings (or tuning) are in force: the connection follows. */
  onApplied(settings: Settings, tuning: TestTuning): void;
  /** Do-not-disturb turned on or off. */
  onQuietChanged(): void;
  /** The REST status changed: the REST features show or hide themselves. */
  onRestStatus(): Promise<void>;
}

export interface SettingsRoom {
  settings(): Settings;
  t(): Translate;
  tuning(): TestTuning;
  /** Do-not-disturb is on now. */
  quiet(): boolean;
  onStorageChanged(changes: Record<string, unknown>, area: string): Promise<void>;
  /** Reads every settings source again (a granted permission can change the derived subscriber). */
  reread(): Promise<void>;
}

export async function createSettingsRoom(consumers: SettingsConsumers): Promise<SettingsRoom> {
  // The test tuning exists in the test build only; the release runs with the release values.
  const [effective, tuningRead, dndRead] = await Promise.all([
    readEffectiveSettings(),
    __CALLPOP_TEST__ ? testTuningItem.get() : RELEASE_TUNING,
    dndItem.get(),
  ]);
  let settings = effective.settings;
  let tuning = tuningRead;
  let dnd: DndSetting | null = dndRead;
  let t = await createUiTranslator(settings.language);
  setTimingProbe(tuning.recordTimings);
  const inOrder = createSerialQueue();

  const handle = async (changes: Record<string, unknown>, area: string): Promise<void> => {
    if (__CALLPOP_TEST__ && area === 'local' && testTuningItem.key in changes) {
      tuning = await testTuningItem.get();
      setTimingProbe(tuning.recordTimings);
      consumers.onApplied(settings, tuning);
    }
    if (area === 'local' && dndItem.key in changes) {
      dnd = await dndItem.get();
      await scheduleDndEnd(dnd);
      consumers.onQuietChanged();
    }
    if (area === 'local' && restStatusItem.key in changes) await consumers.onRestStatus();
    // The agent's e-mail is a settings source too: the managed subscriberFrom derives the subscriber from it.
    const localSettings = area === 'local' && (localSettingsItem.key in changes || agentEmailItem.key in changes);
    const settingsChanged = area === 'managed' || (area === 'sync' && Object.keys(changes).length > 0) || localSettings;
    if (settingsChanged) await applyStored();
  };

  /** Reads every settings source (policy, local, sync, the agent's e-mail) and applies the result. */
  const applyStored = async (): Promise<void> => {
    const next = (await readEffectiveSettings()).settings;
    // Another PBX or key: what the old one answered says nothing about the new one.
    if (next.domain !== settings.domain || next.apiKey !== settings.apiKey) await resetRestStatus();
    // Another PBX: the old one's host access goes.
    if (next.domain !== settings.domain) await dropOtherPbxAccess(next.domain).catch(() => []);
    if (next.language !== settings.language) t = await createUiTranslator(next.language);
    settings = next;
    consumers.onApplied(settings, tuning);
  };

  return {
    settings: () => settings,
    t: () => t,
    tuning: () => tuning,
    quiet: () => dndActive(dnd, Date.now()),
    onStorageChanged: (changes, area) => inOrder(() => handle(changes, area)),
    reread: () => inOrder(applyStored),
  };
}
