import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  // Unit tests see the test build's code paths (test hooks, tuning); src/build-flags.d.ts.
  define: { __CALLPOP_TEST__: 'true' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // 1,000-case properties take seconds; on a busy two-core machine some pass vitest's 5 s default,
    // which would make a timing limit of a correctness test (speed is measured by `npm run bench`).
    testTimeout: 60_000,
  },
});
