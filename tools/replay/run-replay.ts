// Replays a scenario through the same core the background runs, on a virtual clock.
import type { Settings } from '../../src/settings/settings-schema';
import type { Translate } from '../../src/i18n/i18n-types';
import { normalizeFrame } from '../../src/protocol/normalize-frame';
import { createInitialState } from '../../src/calls/initial-state';
import { processFrame } from '../../src/calls/process-frame';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import type { ScenarioStep } from './scenario';
import { frameLine } from './replay-output';
import { summaryLine } from './summary';

export const FALLBACK_EPOCH_MS = 1_700_000_000_000;

/** The clock starts at the first serverTime a frame carries, so PBX and local time agree. */
export function startEpoch(steps: readonly ScenarioStep[]): number {
  for (const step of steps) {
    const result = normalizeFrame(step.frame);
    if (result.kind !== 'rejected' && result.serverTime !== null) return result.serverTime;
  }
  return FALLBACK_EPOCH_MS;
}

/** Every output line, as objects; the caller prints one JSON per line. */
export function runReplay(steps: readonly ScenarioStep[], settings: Settings, historyLimit: number, t: Translate): object[] {
  const state = createInitialState();
  const config: ReducerConfig = { policy: settings.notifications, historyLimit, subscriber: settings.subscriber, t };
  const lines: object[] = [];
  let now = startEpoch(steps);
  let rejected = 0;
  for (const [index, step] of steps.entries()) {
    now += step.delayMs;
    const { result, effects } = processFrame(state, step.frame, now, config);
    if (result.kind === 'rejected') rejected++;
    lines.push(frameLine(index, result, effects));
  }
  lines.push(summaryLine(state, steps.length, rejected));
  return lines;
}
