// Group 6: gzip size of every built entry and the total JavaScript, for both browsers.
import { bundleSizes, type BundleSizes } from '../build/bundle-sizes';

export const BROWSERS = ['chrome', 'firefox'] as const;

export function measureBundles(): Record<(typeof BROWSERS)[number], BundleSizes> {
  return { chrome: bundleSizes('dist/chrome'), firefox: bundleSizes('dist/firefox') };
}
