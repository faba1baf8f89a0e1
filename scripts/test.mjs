#!/usr/bin/env node
// `npm test`: unit tests (vitest), then end-to-end tests (Playwright), then one summary line
// summed over both from their JSON reports. Both runners always run; the exit code is non-zero
// when a test failed, a runner failed, or a runner left no readable report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(projectRoot, 'test-results');
const require = createRequire(import.meta.url);

/** The JS file behind a package's command-line tool, run with this Node (no shell, no npx). */
function cliOf(packageName, binName) {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[binName]);
}

/** Counts from vitest's JSON report (Jest's format). */
function countVitest(report) {
  // A test file that fails to load has no failed test in it, but it is a failure all the same.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** Counts from Playwright's JSON report; errors outside any test (global setup, config) count as failures. */
function countPlaywright(report) {
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

const runners = [
  {
    name: 'vitest',
    cli: cliOf('vitest', 'vitest'),
    report: join(resultsDir, 'vitest.json'),
    args: (report) => ['run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env: () => ({}),
    count: countVitest,
  },
  {
    name: 'playwright',
    cli: cliOf('@playwright/test', 'playwright'),
    report: join(resultsDir, 'playwright.json'),
    args: () => ['test', '--reporter=list,json'],
    env: (report) => ({ PLAYWRIGHT_JSON_OUTPUT_FILE: report }),
    count: countPlaywright,
  },
];

mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

for (const runner of runners) {
  // A report left over from an earlier run must not pass for this one.
  rmSync(runner.report, { force: true });
  console.log(`\n=== ${runner.name} ===`);
  const run = spawnSync(process.execPath, [runner.cli, ...runner.args(runner.report)], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...runner.env(runner.report) },
  });
  if (run.error) problems.push(`${runner.name} could not be started: ${run.error.message}`);
  else if (run.status !== 0) problems.push(`${runner.name} exited with ${run.status ?? run.signal}`);

  let counts;
  try {
    counts = runner.count(JSON.parse(readFileSync(runner.report, 'utf8')));
  } catch (error) {
    problems.push(`${runner.name} left no readable JSON report at ${relative(projectRoot, runner.report)}: ${error.message}`);
    continue;
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}

console.log('');
for (const problem of problems) console.log(`test run problem: ${problem}`);
const summary = [`${totals.passed} passed`, `${totals.failed} failed`];
if (totals.skipped > 0) summary.push(`${totals.skipped} skipped`);
console.log(summary.join(', '));
process.exitCode = totals.failed > 0 || problems.length > 0 ? 1 : 0;
