#!/usr/bin/env node
// Sums the results of every test run CI made and prints the one line CI readers look for:
//   tests: N passed, M failed
// Each argument is a jest --json result file, or a "NAME.counts.json" file of the form
// {"passed": N, "failed": M} written by a non-jest check (the smoke test, the simulator).
// A file that is missing or unreadable counts as one failed test: a run that never wrote its
// results must not look green. Exits 1 when anything failed.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof result.numPassedTests === 'number') {
      passed += result.numPassedTests;
      failed += result.numFailedTests;
      // A suite that failed to run (a syntax error, a missing module) has no failed tests of its
      // own, so it is counted as one.
      failed += result.numRuntimeErrorTestSuites ?? 0;
    } else {
      passed += Number(result.passed) || 0;
      failed += Number(result.failed) || 0;
    }
  } catch {
    console.error(`summarize: no readable results in ${file}; counted as one failure`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
