// Loads a module the first time `wanted` is true, so what most agents never open (Export for IT,
// the e-mail prompt of subscriberFrom) stays out of the options page's first paint.
import { useEffect, useState } from 'preact/hooks';

export function useLazyModule<T extends object>(load: () => Promise<T>, wanted: boolean): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    if (wanted && !loaded) void load().then(setLoaded);
    // Loaded once, when first wanted: `load` and `loaded` need not re-run the effect.
  }, [wanted]);
  return loaded;
}
