// Plays scenario lines through a delivery function, honouring delays, speed and abort.
import { frameTimeMs, mapFrameTimes } from './rewrite-times';
import type { ScenarioLine } from './scenario';

export interface PlayOptions {
  /**
   * Map dialAt/bridgeAt/serverTime onto the wall clock so the scenario happens now: a frame's
   * serverTime becomes the moment it is sent, and with `speed` every duration shrinks alike
   * (the same recorded dialAt always maps to the same value). Default false.
   */
  rewriteTimes?: boolean;
  /** Time compression: delays are divided by this. Default 1. */
  speed?: number;
  /** Aborting stops the play; the promise then resolves without sending the rest. */
  signal?: AbortSignal;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts; never leaves a timer behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.max(0, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The epoch ms the scenario's clock stood at when it began (its first time minus elapsed delay). */
function scenarioAnchor(lines: readonly ScenarioLine[]): number | null {
  let elapsed = 0;
  for (const line of lines) {
    elapsed += line.delayMs;
    const time = frameTimeMs(line.frame);
    if (time !== null) return time - elapsed;
  }
  return null;
}

export async function playLines(
  lines: readonly ScenarioLine[],
  deliver: (frame: string) => void,
  options: PlayOptions,
  stopSignal: AbortSignal,
): Promise<void> {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const signal = options.signal ? AbortSignal.any([options.signal, stopSignal]) : stopSignal;
  const anchor = options.rewriteTimes ? scenarioAnchor(lines) : null;
  const startedAt = Date.now();
  let elapsed = 0;
  for (const line of lines) {
    elapsed += line.delayMs;
    // Sleep until the line's scheduled moment (not merely its delay), so timer lag never accumulates.
    const dueAt = startedAt + elapsed / speed;
    if (!(await sleep(dueAt - Date.now(), signal))) return;
    deliver(anchor === null ? line.frame : mapFrameTimes(line.frame, (ms) => startedAt + (ms - anchor) / speed));
  }
}
