// A @web/test-runner reporter that counts test results, prints a closing
// `N passed, N failed` line, and writes the counts as JSON to the file named
// by PLUGBOARD_RESULTS_FILE (for `npm test`'s overall summary).
import { writeFileSync } from 'node:fs';

/**
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function countSuite(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts);
}

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test has no failing
        // test to count: count the file itself, so the run is not green.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      console.log(`\nbrowser tests (${process.env['PLUGBOARD_TEST_TARGET'] ?? 'source'}): ${line}`);
      const file = process.env['PLUGBOARD_RESULTS_FILE'];
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
