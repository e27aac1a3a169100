// Estimates PBX clock minus local clock from each frame's serverTime (docs/protocol.md decision 6).
//
// A sample `serverTime - receivedAt` equals the true offset minus the frame's network delay,
// and delay is never negative: so the LARGEST sample is the one with the least delay, the
// best estimate (the NTP "minimum delay" filter). A smoothed average would be biased by the
// average delay instead. A sample far below the estimate (more than CLOCK_JUMP_MS) means a
// clock was changed or a big backlog arrived; only a jump is trusted after the first case,
// so a local clock set back or forward re-synchronizes at once.
export const CLOCK_JUMP_MS = 5 * 60 * 1000;

export function nextClockOffset(current: number | null, serverTime: number | null, now: number): number | null {
  if (serverTime === null || !Number.isFinite(serverTime) || !Number.isFinite(now)) return current;
  const sample = serverTime - now;
  if (current === null) return sample;
  if (sample > current) return sample;
  return current - sample > CLOCK_JUMP_MS ? sample : current;
}

/** Local time expressed on the PBX clock, the best we know. */
export function pbxNow(offset: number | null, now: number): number {
  return now + (offset ?? 0);
}
