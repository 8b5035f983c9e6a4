import { defineConfig } from '@playwright/test';

/**
 * `npm run bench` runs this through scripts/bench.mjs (which builds, copies the build and sets
 * EXTENSION_DIR). The timing tests run first, one at a time; the lane counters only count
 * requests over fixed windows, so they run side by side afterwards.
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
    { name: 'lanes', testMatch: /lanes\.bench\.ts$/, fullyParallel: true, dependencies: ['timing'] },
  ],
});
