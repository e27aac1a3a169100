// A long call-centre stream for the core benchmarks: generated hours (the simulator's own
// generator) back to back, each with a fresh seed and so fresh uuids, until enough frames.
import { generateHour } from '../simulator/generate-hour';

export interface CallStream {
  frames: string[];
  /** Local clock (epoch ms) at which each frame arrives. */
  times: number[];
}

/** Calls per generated hour: a busy agent (a dozen or so live at once), not a whole PBX. */
const CALLS_PER_HOUR = 200;
/** Hours start this far apart, so the last calls of one hour end before the next begins. */
const HOUR_SPACING_MS = 70 * 60_000;
const START_AT = 1_764_000_000_000;

export function generateCallStream(frameCount: number, seed = 9): CallStream {
  const frames: string[] = [];
  const times: number[] = [];
  for (let hour = 0; frames.length < frameCount; hour++) {
    const startAt = START_AT + hour * HOUR_SPACING_MS;
    let at = startAt;
    for (const line of generateHour({ calls: CALLS_PER_HOUR, seed: seed * 100_003 + hour, startAt })) {
      at += line.delayMs;
      frames.push(line.frame);
      times.push(at);
      if (frames.length === frameCount) break;
    }
  }
  return { frames, times };
}
