// The background's connection health from session storage, validated, kept current.
import { useEffect, useState } from 'preact/hooks';
import type { Health } from '../connection/health';
import { healthItem } from '../storage/items';

export function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let live = true;
    const stop = healthItem.watch((next) => setHealth(next));
    healthItem.get().then(
      (read) => live && setHealth(read),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return health;
}
