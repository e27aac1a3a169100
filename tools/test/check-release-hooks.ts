// `npm test` step after `npm run build`: the release build (what a developer loads unpacked and
// what the store packages are made the same way from) holds no test hook (issue 15 §4).
// The store zips themselves are checked by tests/e2e/package.e2e.ts.
import { TEST_HOOK_MARKERS, testHooksIn } from '../build/test-hook-markers';

let failed = false;
for (const dist of ['dist/chrome', 'dist/firefox']) {
  const found = testHooksIn(dist);
  failed ||= found.length > 0;
  console.log(found.length === 0 ? `${dist}: none of ${TEST_HOOK_MARKERS.join(', ')}` : `${dist} holds test hooks:\n  ${found.join('\n  ')}`);
}
if (failed) process.exit(1);
