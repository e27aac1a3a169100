// The pipeline room: frame → normalized event → call state → effects. It owns the call state,
// the reducer's configuration and the frame counters; it saves what was shown before any effect
// and hands the effects to the effects room (call-pipeline.ts has the order and why).
import type { Settings } from '../settings/settings-schema';
import type { Translate } from '../i18n/i18n-types';
import { uiLanguageTag } from '../platform/ui-strings';
import type { CallsState } from '../calls/types';
import { applyDoNotDisturb } from '../calls/do-not-disturb';
import { CallPipeline } from './call-pipeline';
import { FrameStats, type FrameStatsView } from './frame-stats';
import type { EffectsRoom } from './effects-room';

export interface PipelineDeps {
  settings(): Settings;
  t(): Translate;
  quiet(): boolean;
  effects: EffectsRoom;
  /** The PBX sent an `error` frame (the connection weighs it as evidence of wrong settings). */
  onPbxError(): void;
  /** A frame was counted (health is saved soon after). */
  onCounted(): void;
}

export interface PipelineRoom {
  pipeline: CallPipeline;
  stats: FrameStats;
}

export function createPipelineRoom(state: CallsState, stored: FrameStatsView, deps: PipelineDeps): PipelineRoom {
  const stats = new FrameStats(stored);
  const pipeline = new CallPipeline(state, {
    config: () => {
      const settings = deps.settings();
      return {
        policy: settings.notifications,
        historyLimit: settings.historyLimit,
        subscriber: settings.subscriber,
        t: deps.t(),
        secrets: [settings.apiKey],
        story: { languageTag: uiLanguageTag(settings.language) },
      };
    },
    gate: (effects, s) => applyDoNotDisturb(effects, deps.quiet(), s),
    applyEffects: (effects) => deps.effects.apply(effects),
    onResult: (result) => {
      if (result.kind !== 'error') return;
      stats.notePbxError(result.message, Date.now());
      deps.onPbxError();
    },
    // Counted once handled: "N frames processed" in health means their pop-ups are out too.
    onHandled: (result) => {
      stats.count(result.kind !== 'rejected', result.kind === 'rejected' ? result.reason : null, Date.now());
      deps.onCounted();
    },
    onState: () => {
      deps.effects.refreshBadge();
      deps.effects.syncRing();
    },
  });
  return { pipeline, stats };
}
