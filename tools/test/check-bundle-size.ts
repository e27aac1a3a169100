// Size budgets (issue 9), asserted after every build: sizes are deterministic for a build.
// The budget counts each built entry and each shared chunk on its own (≤ 25 KB gzip) and all
// JavaScript together (≤ 72 KB gzip); what a page loads in total is printed alongside.
// The total was 60 KB until issues 14, 16 and 18 landed together (the connection signals, the dial
// confirmation window, the call-back list: 62.9 KB in Chrome on 2026-12-01). Issue 17 is to bring it
// down toward 40 KB; tighten this as it does, never loosen it again without saying why here.
// Issue 19 raised the total to 72 KB: "Export for IT" (the policy generator and the managed
// schema, 5.4 KB) and the subscriberFrom e-mail prompt (0.7 KB) are chunks the options page loads
// only on demand, so no page's first paint carries them; the options page's own first paint has
// a budget (33 KB) to keep it that way.
import { bundleSizes } from '../build/bundle-sizes';

export const BUDGET = { totalJsGzipBytes: 72 * 1024, chunkGzipBytes: 25 * 1024, optionsFirstPaintGzipBytes: 33 * 1024 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = false;
for (const dist of ['dist/chrome', 'dist/firefox']) {
  const sizes = bundleSizes(dist);
  for (const chunk of sizes.chunks) {
    const over = chunk.gzipBytes > BUDGET.chunkGzipBytes;
    failed ||= over;
    console.log(`${sizes.browser} ${chunk.file}: ${kb(chunk.gzipBytes)} gzip${over ? '  OVER BUDGET (25 KB)' : ''}`);
  }
  for (const entry of sizes.entries) {
    const overPage = entry.name === 'options' && entry.gzipBytes > BUDGET.optionsFirstPaintGzipBytes;
    failed ||= entry.files.length === 0 || overPage;
    console.log(`${sizes.browser} ${entry.name} loads ${entry.files.length} files, ${kb(entry.gzipBytes)} gzip${overPage ? '  OVER BUDGET (33 KB)' : ''}`);
  }
  const over = sizes.totalJsGzipBytes > BUDGET.totalJsGzipBytes;
  failed ||= over;
  console.log(`${sizes.browser} total JavaScript: ${kb(sizes.totalJsGzipBytes)} gzip (budget 72 KB)${over ? '  OVER BUDGET' : ''}`);
}
if (failed) {
  console.error('Bundle size budget exceeded (or an entry has no files)');
  process.exit(1);
}
