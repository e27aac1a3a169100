// Size budgets (issue 9), asserted after every build: sizes are deterministic for a build.
import { bundleSizes } from '../build/bundle-sizes';

export const BUDGET = { totalJsGzipBytes: 60 * 1024, entryGzipBytes: 25 * 1024 };

let failed = false;
for (const dist of ['dist/chrome', 'dist/firefox']) {
  const sizes = bundleSizes(dist);
  for (const entry of sizes.entries) {
    const over = entry.gzipBytes > BUDGET.entryGzipBytes;
    failed ||= over || entry.files.length === 0;
    console.log(`${sizes.browser} ${entry.name}: ${(entry.gzipBytes / 1024).toFixed(1)} KB gzip (${entry.files.length} files)${over ? '  OVER BUDGET' : ''}`);
  }
  const over = sizes.totalJsGzipBytes > BUDGET.totalJsGzipBytes;
  failed ||= over;
  console.log(`${sizes.browser} total JavaScript: ${(sizes.totalJsGzipBytes / 1024).toFixed(1)} KB gzip (budget ${BUDGET.totalJsGzipBytes / 1024} KB)${over ? '  OVER BUDGET' : ''}`);
}
if (failed) {
  console.error('Bundle size budget exceeded (or an entry has no files)');
  process.exit(1);
}
