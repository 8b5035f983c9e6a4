import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    testTimeout: 20_000,
    // One worker per core: left to itself vitest keeps one core free, which on the 2-core machines
    // this runs on doubled the suite's time (110 s → 78 s with both).
    maxWorkers: '100%',
    reporters: ['default', ['json', { outputFile: 'test-results/unit-results.json' }]],
  },
});
