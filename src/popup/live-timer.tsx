// The only part of the popup that ticks: it keeps its own clock so a tick re-renders this
// text and nothing else (issue 6: timers must not re-render the tree).
import { useEffect, useState } from 'preact/hooks';
import { formatTimer } from './format';

interface LiveTimerProps {
  /** PBX epoch ms the call started (or was answered). */
  base: number;
  /** PBX clock minus local clock. */
  offsetMs: number;
  label: string;
}

export function LiveTimer({ base, offsetMs, label }: LiveTimerProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    // Wake on the next whole second of the call, so the digits do not lag up to a second behind.
    const schedule = (): void => {
      const elapsed = Date.now() + offsetMs - base;
      const delay = 1000 - (((elapsed % 1000) + 1000) % 1000);
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, delay);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [base, offsetMs]);
  return (
    <span class="timer">
      <span class="visually-hidden">{label}: </span>
      <span data-testid="live-timer">{formatTimer(now + offsetMs - base)}</span>
    </span>
  );
}
