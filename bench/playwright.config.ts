import { defineConfig } from '@playwright/test';

/**
 * `npm run bench` runs this through scripts/bench.mjs (which builds, copies the build with the
 * bench's own blank page, and sets EXTENSION_DIR and MINIMAL_EXTENSION_DIR). The timing tests run
 * first, one at a time, then the traces, alone too; the lane counters only count requests over
 * fixed windows, so they run side by side afterwards.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/bench',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  retries: 0,
  workers: 3,
  reporter: [['list']],
  use: { trace: 'off' },
  projects: [
    { name: 'timing', testMatch: /timing\.bench\.ts$/, fullyParallel: false },
    { name: 'trace', testMatch: /trace\.bench\.ts$/, fullyParallel: false, dependencies: ['timing'] },
    { name: 'lanes', testMatch: /lanes\.bench\.ts$/, fullyParallel: true, dependencies: ['trace'] },
  ],
});
