import { defineConfig } from '@playwright/test';

/**
 * The Firefox suite (tests/e2e-firefox): the built Firefox extension in a real headless Firefox,
 * driven by puppeteer-core over WebDriver BiDi from Playwright's runner (its fixtures, expect and
 * reporters). `npm run test:firefox`; the JSON report is counted by scripts/test-summary.mjs.
 */
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  outputDir: 'test-results/e2e-firefox',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/firefox-results.json' }]],
});
