// Prints the one closing line CI reads, "N passed, N failed", summed from the JSON reports of the
// unit tests (vitest), the Chromium end-to-end suite and the Firefox end-to-end suite (Playwright),
// after one line with each suite's own counts. A stage that failed without a report (typecheck,
// lint, build, a browser that could not be installed) counts as one failure. Exit code: 0 only
// when nothing failed.
//
//   node scripts/test-summary.mjs [exit status of npm test]
import { existsSync, readFileSync } from 'node:fs';

const [, , stageFailed = '0'] = process.argv;

function read(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { unreadable: true };
  }
}

/** { passed, failed, skipped } of one report, or null when the suite did not report. */
function vitest(path) {
  const r = read(path);
  if (!r) return null;
  if (r.unreadable) return { passed: 0, failed: 1, skipped: 0 };
  return {
    passed: r.numPassedTests ?? 0,
    // A file that failed to load has no test results but fails the run.
    failed: (r.numFailedTests ?? 0) + (r.numFailedTests ? 0 : (r.numFailedTestSuites ?? 0)),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function playwright(path) {
  const r = read(path);
  if (!r) return null;
  if (r.unreadable || !r.stats) return { passed: 0, failed: 1, skipped: 0 };
  return {
    passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0),
    // Errors outside any test (a config or fixture file that does not load) fail the run too.
    failed: (r.stats.unexpected ?? 0) + (r.stats.unexpected ? 0 : (r.errors?.length ?? 0)),
    skipped: r.stats.skipped ?? 0,
  };
}

const suites = [
  ['unit', vitest('test-results/unit-results.json')],
  ['chromium e2e', playwright('test-results/e2e-results.json')],
  ['firefox e2e', playwright('test-results/firefox-results.json')],
];

let passed = 0;
let failed = 0;
const parts = [];
for (const [name, counts] of suites) {
  if (!counts) {
    parts.push(`${name}: not run`);
    continue;
  }
  passed += counts.passed;
  failed += counts.failed;
  parts.push(`${name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
}
if (stageFailed !== '0' && failed === 0) {
  failed = 1;
  parts.push('a step without a test report failed (see above)');
}
console.log(parts.join(' · '));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
