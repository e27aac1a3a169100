// A flood that looks like a very busy PBX (issue 8 case 10): the simulator's generated
// call-centre hour (incoming, outgoing, internal and group calls with their dial, bridge and
// hangup, presence changes, duplicates) squeezed into a few seconds, with some garbage mixed in.
// Times are rewritten onto the wall clock the flood will be sent at, so the frames written to
// a scenario file for the replay tool are byte for byte the frames the extension receives.
import { generateHour } from '../simulator/generate-hour';
import { mulberry32 } from '../simulator/prng';
import { mapFrameTimes } from '../simulator/rewrite-times';
import type { ScenarioLine } from '../simulator/scenario';

export interface FloodOptions {
  framesPerSecond: number;
  seconds: number;
  seed: number;
  /** Wall-clock epoch ms the first frame is due at (the frames' PBX times are mapped onto it). */
  startAt: number;
  /** Share of garbage frames. Default 0.02. */
  garbageShare?: number;
}

export interface FloodPlan {
  /** delayMs between lines is wall-clock time: the schedule the sender follows. */
  lines: ScenarioLine[];
  /** When each line is due, ms after `startAt`. */
  dueAt: number[];
  garbage: number;
}

/** The generator spreads arrivals over the hour's first 55 minutes; that window is what gets squeezed. */
const WINDOW_MS = 55 * 60_000;
/** Frames per generated call, measured: dial/bridge/hangup, group hand-overs, presence, duplicates. */
const FRAMES_PER_CALL = 3.2;
const HOUR_START = 1_764_000_000_000;

/** What a broken or hostile PBX (or a proxy in between) might send; each must be rejected or ignored, never crash. */
const GARBAGE: ReadonlyArray<(n: number) => string> = [
  () => 'this is not JSON {"event":',
  () => '',
  () => 'null',
  () => '[{"event":"call.dial"}]',
  (n) => `{"event":"call.dial","lgDirection":4,"serverTime":${n}}`,
  (n) => `{"event":"call.transfer","uuid":"garbage-${n}","lgDirection":4}`,
  (n) => `{"event":"call.dial","uuid":{"id":${n}},"lgDirection":"incoming","leg":"agent","otherLegs":"none","dialAt":"yesterday"}`,
  (n) => `{"event":"call.bridge","uuid":"","lgDirection":4,"serverTime":"${n}"}`,
  () => '\u0000\u0001\ufffd',
];

export function floodFrames(options: FloodOptions): FloodPlan {
  const { framesPerSecond, seconds, seed, startAt, garbageShare = 0.02 } = options;
  const wanted = Math.round(framesPerSecond * seconds);
  const calls = Math.max(1, Math.round((wanted * (1 - garbageShare)) / FRAMES_PER_CALL));
  const hour = generateHour({ calls, seed, startAt: HOUR_START });
  const speed = WINDOW_MS / (seconds * 1000);
  const prng = mulberry32(seed ^ 0x5eed);

  const lines: ScenarioLine[] = [];
  const dueAt: number[] = [];
  let garbage = 0;
  let hourAt = HOUR_START;
  let previousDue = 0;
  const push = (frame: string, due: number) => {
    lines.push({ delayMs: due - previousDue, frame });
    dueAt.push(due);
    previousDue = due;
  };
  for (const line of hour) {
    hourAt += line.delayMs;
    if (hourAt - HOUR_START > WINDOW_MS) break; // calls still live at the cut stay live: the replay predicts them too
    const due = Math.round((hourAt - HOUR_START) / speed);
    if (prng.chance(garbageShare)) {
      push(prng.pick(GARBAGE)(lines.length), due);
      garbage++;
    }
    push(mapFrameTimes(line.frame, (ms) => startAt + (ms - HOUR_START) / speed), due);
  }
  return { lines, dueAt, garbage };
}
