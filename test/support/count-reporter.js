// A @web/test-runner reporter that counts test results, prints a closing
// `N passed, N failed` line, and writes the counts (and the names of the tests
// that failed) as JSON to the file named by PLUGBOARD_RESULTS_FILE, for
// `npm test`'s overall summary.
import { relative } from 'node:path';
import { writeFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, failures: string[] }} Counts
 */

/** The first line of an error's message, short enough for a summary. */
function firstLine(/** @type {{ message?: string } | undefined} */ error) {
  const line = (error?.message ?? '').split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {Counts} counts
 * @param {string[]} path the file and the suites' names above this one
 */
function countSuite(suite, counts, path) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(`${[...path, test.name].join(' › ')}: ${firstLine(test.error)}`);
    }
  }
  for (const child of suite?.suites ?? []) countSuite(child, counts, [...path, child.name]);
}

/** @returns {import('@web/test-runner').Reporter} */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      /** @type {Counts} */
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        countSuite(session.testResults, counts, [file]);
        // A file that failed to load or threw outside a test has no failing
        // test to count: count the file itself, so the run is not green.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.failed += 1;
          counts.failures.push(`${file}: ${firstLine(session.errors?.[0])}`);
        }
      }
      const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      console.log(`\nbrowser tests (${process.env['PLUGBOARD_TEST_TARGET'] ?? 'source'}): ${line}`);
      const file = process.env['PLUGBOARD_RESULTS_FILE'];
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
