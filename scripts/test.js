// `npm test`: everything, in order: find a browser, type check, lint, build,
// node tests (scripts, end-to-end), browser tests, Storybook build and its smoke test. Every step
// runs even when an earlier one failed (but the browser is needed first), and
// the run ends with one line totalling all suites: `N passed, N failed`.
// A step that is not a test suite (type check, lint, build) counts as one
// check, passed or failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChromeNotFoundError, ensureChrome } from './chrome.js';

const bin = (/** @type {string} */ name) => join('node_modules', '.bin', name);
const resultsDir = mkdtempSync(join(tmpdir(), 'plugboard-test-'));

/**
 * @typedef {{ passed: number, failed: number, skipped: number, failures?: string[] }} Counts
 * @typedef {{ name: string, command: string[], env?: Record<string, string>, counts?: (file: string) => Counts | undefined, needs?: string }} Step
 */

/**
 * Reads the `# pass N` lines of node's TAP reporter, and the names of the
 * tests that failed (`not ok N - name`, a suite's line after its tests').
 */
function tapCounts(/** @type {string} */ file) {
  if (!existsSync(file)) return undefined;
  const tap = readFileSync(file, 'utf8');
  const count = (/** @type {string} */ key) =>
    Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? NaN);
  const failures = [...tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((match) => match[1] ?? '');
  const counts = {
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skipped'),
    failures,
  };
  return Number.isNaN(counts.passed) ? undefined : counts;
}

function jsonCounts(/** @type {string} */ file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

// Tests that run in Node: the scripts' own, and end-to-end tests that drive a
// server and a browser from Node.
const nodeTests = ['scripts', 'test/e2e'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => join(dir, name)),
);

/** @type {Step[]} */
const steps = [
  { name: 'type check', command: [bin('tsc'), '--build'] },
  { name: 'lint', command: [bin('eslint'), '.'] },
  { name: 'format', command: [bin('prettier'), '--check', '--log-level=warn', '.'] },
  // The layers only look down, and no file imports itself back (.dependency-cruiser.cjs).
  {
    name: 'dependencies',
    command: [
      bin('depcruise'),
      'packages',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
    ],
  },
  // The API reference from the TSDoc: a {@link} that points nowhere fails.
  { name: 'api reference', command: [process.execPath, 'scripts/api-reference.js', '--check'] },
  { name: 'build', command: [bin('rollup'), '-c', '--silent'] },
  {
    name: 'node tests',
    command: [
      process.execPath,
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      '--test-reporter-destination=$RESULTS',
      ...nodeTests,
    ],
    counts: tapCounts,
  },
  { name: 'browser tests', command: [bin('web-test-runner')], counts: jsonCounts },
  {
    name: 'browser on dist',
    command: [bin('web-test-runner')],
    env: { PLUGBOARD_TEST_TARGET: 'dist' },
    counts: jsonCounts,
    needs: 'build',
  },
  {
    name: 'vendor build',
    command: [bin('vite'), 'build', '-c', 'packages/examples/vite.vendors.config.ts'],
  },
  {
    name: 'storybook build',
    needs: 'vendor build',
    command: [
      bin('storybook'),
      'build',
      '-c',
      'stories/.storybook',
      '-o',
      'storybook-static',
      '--quiet',
    ],
  },
  {
    name: 'storybook smoke',
    command: [process.execPath, 'scripts/storybook-smoke.js'],
    counts: jsonCounts,
    needs: 'storybook build',
  },
];

/** @type {{ name: string, ok: boolean, counts: Counts | undefined, seconds: number, note?: string }[]} */
const outcomes = [];

function summary() {
  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log('\nSummary');
  for (const { name, ok, counts, seconds, note } of outcomes) {
    const detail = counts
      ? `${counts.passed} passed, ${counts.failed} failed`
      : ok
        ? 'ok'
        : 'FAILED';
    console.log(
      `  ${ok ? '✓' : '✗'} ${name.padEnd(16)} ${detail.padEnd(24)} ${seconds.toFixed(1)}s${note ? `  (${note})` : ''}`,
    );
    // The failed tests' names, so a log cut short still says what failed.
    const failures = counts?.failures ?? [];
    for (const failure of failures.slice(0, 20)) console.log(`      ✗ ${failure}`);
    if (failures.length > 20) console.log(`      … and ${failures.length - 20} more`);
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    } else if (ok) total.passed += 1;
    else total.failed += 1;
  }
  console.log(
    `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
  );
  return total.failed === 0;
}

function finish(/** @type {boolean} */ ok) {
  rmSync(resultsDir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

let chrome;
try {
  chrome = ensureChrome();
  console.log(`Browser: ${chrome}`);
} catch (error) {
  if (!(error instanceof ChromeNotFoundError)) throw error;
  console.error(`\n${error.message}\n`);
  outcomes.push({ name: 'find browser', ok: false, counts: undefined, seconds: 0 });
  summary();
  finish(false);
}

for (const step of steps) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  if (step.needs && !outcomes.find((o) => o.name === step.needs)?.ok) {
    outcomes.push({
      name: step.name,
      ok: false,
      counts: undefined,
      seconds: 0,
      note: `skipped: ${step.needs} failed`,
    });
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const resultsFile = join(resultsDir, `${step.name.replace(/\W+/g, '-')}.out`);
  const [command = '', ...args] = step.command.map((part) => part.replace('$RESULTS', resultsFile));
  const run = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env, CHROME_PATH: chrome, PLUGBOARD_RESULTS_FILE: resultsFile },
  });
  let ok = run.status === 0;
  let counts = step.counts?.(resultsFile);
  let note;
  if (step.counts && !counts) {
    // A suite that reported nothing did not run: that is a failure, not a pass.
    counts = { passed: 0, failed: 1, skipped: 0 };
    ok = false;
    note = 'reported no results';
  } else if (counts && !ok && counts.failed === 0) {
    counts = { ...counts, failed: 1 };
    note = `exited with ${run.status ?? run.signal}`;
  } else if (counts && counts.passed + counts.failed === 0) {
    counts = { ...counts, failed: 1 };
    ok = false;
    note = 'ran no test';
  }
  outcomes.push({ name: step.name, ok, counts, seconds: seconds(), ...(note ? { note } : {}) });
}

finish(summary());
