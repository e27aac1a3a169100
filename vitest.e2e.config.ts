// End-to-end tests: real browsers against the simulator. Two files at a time: most of an e2e
// test is waiting (reconnect timers, alarms, silence), so two browsers share the 2 cores well
// and the suite takes half the time. Inside a file, tests run one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Source modules the tests import see the test build's flag (src/build-flags.d.ts).
  define: { __CALLPOP_TEST__: 'true' },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
