#!/usr/bin/env node
// Reads the results of every test run CI made, prints each run's count, every failure (the
// failing test's name and the first lines of its message), and last the one line CI readers look
// for:
//   tests: N passed, M failed
//
//   node .ci/summarize.mjs RESULTS_FILE...
//
// Each argument is a jest --json result file, or a "NAME.counts.json" file of the form
// {"passed": N, "failed": M, "failures": [{"name": "...", "message": "..."}]} written by a
// non-jest check (the smoke test, the simulator). A file that is missing or unreadable, or a run
// that ran no test, counts as one failed test: a run that never wrote its results must not look
// green. Nothing in jest's own summary format ("Tests: ...", "Snapshots: ...") is ever printed,
// even from inside a failure message. Exits 1 when anything failed.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

/** Lines of jest's own summary blocks: a reader must never take one of them for CI's line. */
const JEST_SUMMARY = /^\s*(Test Suites|Tests|Snapshots|Time):|Ran all test suites|^\s*Test results written to/i;
const ANSI = /\u001b\[[0-9;]*m/g;
const MESSAGE_LINES = 12;

function runName(file) {
  return basename(file).replace(/\.counts\.json$|\.json$/, '');
}

/**
 * The first lines of a failure message: without colours, the test runner's own stack frames,
 * repeated lines (jest repeats the message as the error's cause) or summary-like lines; of the
 * stack, only the first frame in our code, which says where.
 */
function excerpt(message) {
  const lines = String(message ?? '').replace(ANSI, '').split('\n');
  const kept = [];
  const seen = new Set();
  let frames = 0;
  for (const raw of lines) {
    const line = raw.trimEnd().replace(/^\[cause\]: /, '');
    if (JEST_SUMMARY.test(line)) continue;
    if (/^\s+at /.test(line)) {
      if (/node_modules|node:internal|\(<anonymous>\)/.test(line) || frames++ > 0) continue;
    }
    if (!line.trim()) continue;
    if (seen.has(line)) continue;
    seen.add(line);
    kept.push(line);
    if (kept.length >= MESSAGE_LINES) {
      kept.push('...');
      break;
    }
  }
  return kept;
}

/** {passed, failed, failures: [{name, message}]} of one results file; throws when unreadable. */
function readRun(file) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  if (!result || typeof result !== 'object') throw new Error('not a results object');
  if (Array.isArray(result.testResults) || typeof result.numTotalTests === 'number') return readJest(result);
  const passed = result.passed;
  const failed = result.failed;
  if (!Number.isInteger(passed) || !Number.isInteger(failed) || passed < 0 || failed < 0) {
    throw new Error('no "passed" and "failed" counts');
  }
  const failures = Array.isArray(result.failures) ? result.failures.map((f) => ({ name: String(f.name ?? f), message: f.message })) : [];
  while (failures.length < failed) failures.push({ name: `${failed - failures.length} failed check(s) without a name` });
  return { passed, failed, failures };
}

function readJest(result) {
  const root = result.testResults?.[0]?.name ? process.cwd() : '';
  let passed = Number(result.numPassedTests) || 0;
  let failed = Number(result.numFailedTests) || 0;
  const failures = [];
  for (const suite of result.testResults ?? []) {
    const where = root ? relative(root, suite.name) : suite.name;
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      failures.push({ name: `${where} › ${test.fullName ?? test.title}`, message: (test.failureMessages ?? []).join('\n') });
    }
    if (suite.status === 'failed' && failedTests.length === 0) {
      // The suite did not run at all (a syntax error, a missing module, a hook that threw): it
      // has no failed test of its own, so it counts as one.
      failed += 1;
      failures.push({ name: `${where} (the test file failed to run)`, message: suite.failureMessage ?? suite.message });
    }
  }
  if (failed === 0 && result.success === false) {
    failed += 1;
    failures.push({ name: 'jest reported failure with no failing test (interrupted, or a snapshot check failed)' });
  }
  if (passed + failed === 0) {
    failed += 1;
    failures.push({ name: 'the run found no test' });
  }
  return { passed, failed, failures };
}

const runs = process.argv.slice(2).map((file) => {
  try {
    return { file, ...readRun(file) };
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'was never written' : `is unreadable (${error.message})`;
    return { file, passed: 0, failed: 1, failures: [{ name: `its results file ${file} ${reason}; counted as one failure` }] };
  }
});

for (const run of runs) {
  console.log(`== ${runName(run.file)}: ${run.passed} of ${run.passed + run.failed} tests passed`);
}
for (const run of runs) {
  for (const failure of run.failures) {
    console.log(`FAIL ${runName(run.file)}: ${failure.name}`);
    for (const line of excerpt(failure.message)) console.log(`    ${line}`);
  }
}
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, 0);
if (runs.length === 0) {
  console.log('FAIL summarize: no results file was given');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
