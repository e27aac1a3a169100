// "waiting 12 min" must not freeze while the popup stays open: re-render once a minute.
import { useEffect, useState } from 'preact/hooks';

export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
