// Compile-time flags set by `define` in vite.config.ts (and vitest.config.ts for unit tests).

/**
 * True only in the test build (`npm run build:test`, dist/test-*): the test handlers
 * (`__callpopTest`), the test tuning item and the bench's timing probe exist there and
 * nowhere else. The release build and the store packages compile them away.
 */
declare const __CALLPOP_TEST__: boolean;
