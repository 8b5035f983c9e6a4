import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    restoreMocks: true,
    testTimeout: 20_000,
    setupFiles: ['tests/unit/setup.ts'],
    // One worker per core: left to itself vitest keeps one core free, which on the 2-core machines
    // this runs on doubled the suite's time (110 s → 78 s with both).
    maxWorkers: '100%',
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: ['tests/unit/fuzz/**'] } },
      // The fuzz files test pure readers (no fake browser, no module state): they share one module
      // cache per worker instead of importing the adapters again for each file (60 s → 48 s here).
      { extends: true, test: { name: 'fuzz', include: ['tests/unit/fuzz/**/*.test.ts'], isolate: false } },
    ],
  },
});
