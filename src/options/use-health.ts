// The background's connection health from session storage, validated, kept current.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser-api';
import { healthSchema, type Health } from '../shared/health';
import { SESSION_KEYS } from '../shared/storage-keys';

const parse = (raw: unknown): Health | null => {
  const parsed = healthSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

export function useHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let live = true;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && SESSION_KEYS.health in changes) setHealth(parse(changes[SESSION_KEYS.health]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    void browser.storage.session
      .get(SESSION_KEYS.health)
      .then((items) => live && setHealth(parse(items[SESSION_KEYS.health])))
      .catch(() => undefined);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return health;
}
