import { defineConfig } from '@playwright/test';
import type { ExtensionWorkerOptions } from './tests/e2e/fixture';

/**
 * The Chromium suite (tests/e2e): the built Chrome extension in headless Chromium. One browser per
 * worker, reset to a fresh install before each test (tests/e2e/fixture.ts).
 */
export default defineConfig<Pick<ExtensionWorkerOptions, 'shareBrowser'>>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  // E2E_FRESH_BROWSER=1: a browser per test, as before the shared one (slower; to rule the sharing out).
  // A failed test keeps its trace (actions, DOM snapshots, console, network) but not the
  // screencast (a screenshot at the failure instead): recording frames for every test cost about
  // a third of the suite's CPU on 2 cores (E2E_TRACE=full brings the screencast back).
  use: { trace: process.env.E2E_TRACE === 'full' ? 'retain-on-failure' : { mode: 'retain-on-failure', screenshots: false }, screenshot: 'only-on-failure', shareBrowser: !process.env.E2E_FRESH_BROWSER },
});
