import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What CI prints (.ci/summarize.mjs, .ci/smoke.mjs): the failures, one line per run, and last the
// one plain line; never a line of jest's own summary, which a reader could take for CI's.

const ROOT = join(__dirname, '..', '..');
const JEST_SUMMARY_LINE = /^\s*(Test Suites|Tests|Snapshots|Time):|Ran all test suites/;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ci-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function summarize(...files: string[]): { lines: string[]; code: number | null } {
  const result = spawnSync(process.execPath, [join(ROOT, '.ci/summarize.mjs'), ...files], { cwd: ROOT, encoding: 'utf8' });
  return { lines: `${result.stdout}${result.stderr}`.trimEnd().split('\n'), code: result.status };
}

/** A jest --json result, as jest 30 writes it (the fields summarize reads, and a few it does not). */
function jestResult(suites: Array<{ file: string; tests: Array<[string, 'passed' | 'failed', string?]>; error?: string }>) {
  const tests = suites.flatMap((suite) => suite.tests);
  return {
    numFailedTestSuites: suites.filter((s) => s.error || s.tests.some((t) => t[1] === 'failed')).length,
    numFailedTests: tests.filter((t) => t[1] === 'failed').length,
    numPassedTests: tests.filter((t) => t[1] === 'passed').length,
    numPendingTests: 0,
    numRuntimeErrorTestSuites: suites.filter((s) => s.error).length,
    numTotalTests: tests.length,
    snapshot: { failure: false, total: 0 },
    success: !suites.some((s) => s.error || s.tests.some((t) => t[1] === 'failed')),
    wasInterrupted: false,
    testResults: suites.map((suite) => ({
      name: join(ROOT, suite.file),
      status: suite.error || suite.tests.some((t) => t[1] === 'failed') ? 'failed' : 'passed',
      message: suite.error ?? '',
      failureMessage: suite.error ?? null,
      assertionResults: suite.tests.map(([fullName, status, message]) => ({
        fullName,
        title: fullName,
        ancestorTitles: [],
        status,
        failureMessages: message ? [message] : [],
      })),
    })),
  };
}

const FAILURE_MESSAGE = [
  '\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).\u001b[22mtoBe\u001b[2m(\u001b[22m\u001b[32mexpected\u001b[39m\u001b[2m)\u001b[22m',
  '',
  'Expected: 200',
  'Received: 500',
  // A message may hold summary-like lines (a test that runs jest, say): they are dropped.
  'Tests:       0 total',
  'Snapshots:   0 total',
  '    at Object.<anonymous> (/repo/test/web/routes.test.ts:42:7)',
  '    at Promise.then.completed (/repo/node_modules/jest-circus/build/utils.js:298:28)',
  '',
  '[cause]: Expected: 200',
].join('\n');

it('prints every failure with its message, one line per run, and ends with the summed line', () => {
  const jest = write(
    'jest.json',
    jestResult([
      { file: 'test/web/routes.test.ts', tests: [['GET / answers 200', 'passed'], ['GET /demo answers 200', 'failed', FAILURE_MESSAGE]] },
      { file: 'test/check/decide.test.ts', tests: [['decides', 'passed'], ['asks again', 'passed']] },
      { file: 'test/sms/broken.test.ts', tests: [], error: "Cannot find module '../../sms/gone' from 'test/sms/broken.test.ts'" },
    ]),
  );
  const browser = write('browser.json', jestResult([{ file: 'test/browser/check.test.ts', tests: [['a check in Chromium', 'passed']] }]));
  const smoke = write('smoke.counts.json', { passed: 6, failed: 1, failures: [{ name: 'GET /demo', message: 'answered 404, not 200' }] });
  const converse = write('converse.counts.json', { passed: 14, failed: 0, failures: [] });

  const { lines, code } = summarize(smoke, jest, browser, converse);

  expect(code).toBe(1);
  expect(lines.at(-1)).toBe('tests: 24 passed, 3 failed');
  expect(lines).toEqual(
    expect.arrayContaining([
      '== smoke: 6 of 7 tests passed',
      '== jest: 3 of 5 tests passed',
      '== browser: 1 of 1 tests passed',
      '== converse: 14 of 14 tests passed',
      'FAIL smoke: GET /demo',
      '    answered 404, not 200',
      'FAIL jest: test/web/routes.test.ts › GET /demo answers 200',
      '    Expected: 200',
      '    Received: 500',
      '        at Object.<anonymous> (/repo/test/web/routes.test.ts:42:7)',
      'FAIL jest: test/sms/broken.test.ts (the test file failed to run)',
      "    Cannot find module '../../sms/gone' from 'test/sms/broken.test.ts'",
    ]),
  );
  // Colours stripped, the runner's own frames and the repeated cause left out.
  expect(lines.join('\n')).not.toMatch(/\u001b|node_modules|\[cause\]/);
  expect(lines.filter((line) => line === '    Expected: 200')).toHaveLength(1);
  expect(lines.filter((line) => JEST_SUMMARY_LINE.test(line))).toEqual([]);
  expect(lines.filter((line) => /^tests: /.test(line))).toHaveLength(1);
});

it('counts a missing, unreadable or empty results file, or a run with no test, as a failure, never as zero tests', () => {
  const missing = join(dir, 'browser.json');
  const unreadable = write('jest.json', '{"numPassedTests": 12, "testRes');
  const empty = write('converse.counts.json', {});
  const noTests = write('other.json', jestResult([]));
  const good = write('smoke.counts.json', { passed: 7, failed: 0 });

  const { lines, code } = summarize(good, missing, unreadable, empty, noTests);

  expect(code).toBe(1);
  expect(lines.at(-1)).toBe('tests: 7 passed, 4 failed');
  expect(lines).toEqual(
    expect.arrayContaining([
      `FAIL browser: its results file ${missing} was never written; counted as one failure`,
      expect.stringMatching(/^FAIL jest: its results file .* is unreadable/),
      expect.stringMatching(/^FAIL converse: its results file .* is unreadable \(no "passed" and "failed" counts\)/),
      'FAIL other: the run found no test',
    ]),
  );
});

it('passes with one plain line when every run passed', () => {
  const jest = write('jest.json', jestResult([{ file: 'test/a.test.ts', tests: [['a', 'passed'], ['b', 'passed']] }]));
  const smoke = write('smoke.counts.json', { passed: 7, failed: 0, failures: [] });
  const { lines, code } = summarize(smoke, jest);
  expect(code).toBe(0);
  expect(lines).toEqual(['== smoke: 7 of 7 tests passed', '== jest: 2 of 2 tests passed', 'tests: 9 passed, 0 failed']);
});

it('smoke: a server that never answers ends in one clear sentence and a failed results file, not a raw fetch error', () => {
  const silent = write('silent.js', 'setTimeout(() => {}, 60_000);');
  const result = spawnSync(process.execPath, [join(ROOT, '.ci/smoke.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RESULTS: dir, SMOKE_SERVER: silent, SMOKE_WAIT_SECONDS: '1' },
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^smoke: the server never answered: the server did not answer http:\/\/127\.0\.0\.1:\d+\/healthz within 1 s \(set SMOKE_WAIT_SECONDS/);
  expect(lines.at(-1)).toBe('smoke: FAILED, 0 of 7 checks');
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/fetch failed/);
  expect(JSON.parse(readFileSync(join(dir, 'smoke.counts.json'), 'utf8'))).toMatchObject({ passed: 0, failed: 7 });
}, 30_000);

describe('.ci/run audit step', () => {
  /** Runs .ci/run's audit function with an `npm` that prints `output` and exits `code`. */
  function audit(output: string, code: number): { stdout: string; status: string } {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(dir, 'npm-output.txt'), output);
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\ncat "${join(dir, 'npm-output.txt')}"\nexit ${code}\n`, { mode: 0o755 });
    const script = [
      'set -euo pipefail',
      `RESULTS="${dir}"`,
      'status=0',
      'steps_ok=0',
      `source <(sed -n '/^audit()/,/^}/p' "${join(ROOT, '.ci/run')}")`,
      'audit',
      'echo "status=$status"',
    ].join('\n');
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    const lines = result.stdout.trimEnd().split('\n');
    return { stdout: lines.slice(0, -1).join('\n'), status: lines.at(-1) ?? '' };
  }

  it('fails on a known high advisory', () => {
    const report = '# npm audit report\n\nfind-my-way  5.5.0 - 8.2.1\nSeverity: high\nfind-my-way has a ReDoS vulnerability\n\n1 high severity vulnerability\n';
    const { stdout, status } = audit(report, 1);
    expect(status).toBe('status=1');
    expect(stdout).toMatch(/^== audit: FAILED, known advisories/);
    expect(stdout).toContain('    find-my-way  5.5.0 - 8.2.1');
  });

  it('only warns, in one line, when the registry cannot answer', () => {
    const { stdout, status } = audit('npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error\n', 1);
    expect(status).toBe('status=0');
    expect(stdout.split('\n')).toEqual([expect.stringMatching(/^== audit: WARNING, the registry's advisory service could not be reached/)]);
  });

  it('passes when npm audit finds nothing', () => {
    const { stdout, status } = audit('found 0 vulnerabilities\n', 0);
    expect(status).toBe('status=0');
    expect(stdout).toMatch(/^== audit: ok/);
  });
});

describe('.ci/run as a whole, with every program it calls stubbed', () => {
  // .ci/run installs redis-server and Chromium only where they are missing, as two steps of their
  // own: the count depends on the machine the test runs on, as .ci/run's own check does.
  const APT_STEPS = existsSync('/usr/bin/redis-server') && existsSync('/usr/bin/chromium') ? 0 : 2;
  // The real .ci/run and summarize.mjs in a scratch checkout; npm, apt-get and the smoke and
  // simulator scripts are stand-ins that print what the real ones print (jest's summary blocks,
  // deprecation warnings) and fail where asked.
  const outsideCi = () => Object.fromEntries(Object.entries(process.env).filter(([key]) => !['RESULTS', 'STEP_RESULTS', 'CI'].includes(key)));

  function ciRun(fail: { typecheck?: boolean; tests?: boolean }): { lines: string[]; code: number | null } {
    const repo = join(dir, 'repo');
    const bin = join(dir, 'bin');
    mkdirSync(join(repo, '.ci'), { recursive: true });
    mkdirSync(bin);
    for (const file of ['run', 'summarize.mjs']) writeFileSync(join(repo, '.ci', file), readFileSync(join(ROOT, '.ci', file)), { mode: 0o755 });
    writeFileSync(
      join(repo, '.ci/smoke.mjs'),
      "import { writeFileSync } from 'node:fs'; writeFileSync(process.env.RESULTS + '/smoke.counts.json', JSON.stringify({ passed: 7, failed: 0 })); console.log('smoke: ok, 7 of 7 checks');",
    );
    writeFileSync(
      join(repo, '.ci/converse.mjs'),
      "import { writeFileSync } from 'node:fs'; if (process.env.ALLOW_CHANNEL_EMULATION !== 'true') process.exit(3); writeFileSync(process.env.RESULTS + '/converse.counts.json', JSON.stringify({ passed: 14, failed: 0 }));",
    );
    const jest = (failed: boolean) =>
      JSON.stringify(jestResult([{ file: 'test/a.test.ts', tests: [['a works', 'passed'], ['b works', failed ? 'failed' : 'passed', failed ? 'Error: boom' : undefined]] }]));
    writeFileSync(join(dir, 'jest.json'), jest(Boolean(fail.tests)));
    writeFileSync(join(dir, 'browser.json'), jest(false));
    const summary = 'Test Suites: 1 passed, 1 total\nTests:       2 passed, 2 total\nSnapshots:   0 total\nTime:        1 s\nRan all test suites.';
    writeFileSync(
      join(bin, 'npm'),
      [
        '#!/bin/bash',
        'case "$*" in',
        '  ci*) echo "npm warn deprecated inflight@1.0.6"; echo "added 947 packages";;',
        '  audit*) echo "npm error audit endpoint returned an error"; exit 1;;',
        `  "run -s typecheck") ${fail.typecheck ? 'echo "bot/x.ts(1,1): error TS2322: nope"; exit 2' : 'true'};;`,
        '  "run -s build") true;;',
        `  run\\ -s\\ test:all*) d="\${@: -1}"; cp "${dir}/jest.json" "${dir}/browser.json" "$d/"; printf '${summary.replace(/\n/g, '\\n')}\\n' >&2; echo "(node:1) [DEP0040] DeprecationWarning: punycode" >&2; ${fail.tests ? 'exit 1' : 'true'};;`,
        '  *) exit 9;;',
        'esac',
      ].join('\n'),
      { mode: 0o755 },
    );
    writeFileSync(join(bin, 'apt-get'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const result = spawnSync('bash', [join(repo, '.ci/run')], {
      encoding: 'utf8',
      // TMPDIR: its results folder (mktemp) goes with the scratch directory.
      // Without the outer run's own variables: under CI this test runs inside a step of .ci/run.
      env: { ...outsideCi(), PATH: `${bin}:${process.env.PATH}`, TMPDIR: dir },
    });
    return { lines: `${result.stdout}${result.stderr}`.trimEnd().split('\n'), code: result.status };
  }

  it('passes with a line per step and the summed line last, and none of jest’s own lines', () => {
    const { lines, code } = ciRun({});
    expect(code).toBe(0);
    // 3 steps (install, type check, build; the audit could not reach the registry), and 2 more
    // (apt-get update and install, stubbed) on a machine without redis-server or Chromium; 7 smoke
    // checks, 2 + 2 tests, 14 simulator targets.
    expect(lines.at(-1)).toBe(`tests: ${28 + APT_STEPS} passed, 0 failed`);
    expect(lines.filter((line) => JEST_SUMMARY_LINE.test(line) || /Deprecation|npm warn/.test(line))).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^== install: ok \(\d+ s\)$/), expect.stringMatching(/^== converse: ok \(\d+ s\)$/)]));
    expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
  });

  it('a failing type check and a failing test do not stop the run before its last line, and both are counted', () => {
    const { lines, code } = ciRun({ typecheck: true, tests: true });
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe(`tests: ${26 + APT_STEPS} passed, 2 failed`);
    expect(lines).toEqual(
      expect.arrayContaining([
        '    bot/x.ts(1,1): error TS2322: nope',
        'FAIL steps: the typecheck step failed',
        expect.stringMatching(/^FAIL jest: .*test\/a\.test\.ts › b works$/),
        '    Error: boom',
      ]),
    );
    expect(lines.filter((line) => JEST_SUMMARY_LINE.test(line))).toEqual([]);
  });
});
