#!/usr/bin/env node
// CI: plays the simulated people of ../shared/eval/personas.dev.json through whole checks against
// a freshly started server, and holds the result to issue 13's targets. Writes
// $RESULTS/converse.counts.json as {"passed": N, "failed": M, "failures": [...]}, one check per
// target, and exits 1 below target (2 when the simulator could not run at all). The simulator's
// transcripts go to $RESULTS/converse-transcripts.log and the server's output to $RESULTS/converse-server.log;
// only missed targets and one closing line are printed.
//
//   node .ci/converse.mjs            (from the repository root; RESULTS defaults to a temp folder)
//
// The server is the built one (dist/bot/index.js, after `npm run build`) when present, else the
// TypeScript sources through tsx. It listens on a free port and is stopped at the end.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './freePort.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const simulator = resolve(root, '../shared/eval/converse.mjs');
// The shared dev personas and our own blind ones (test/fixtures/personas.fresh.json, written by
// someone who had not read the code); each set is held to the same targets.
const personaSets = [resolve(root, '../shared/eval/personas.dev.json'), resolve(root, 'test/fixtures/personas.fresh.json')];
const results = process.env.RESULTS ?? mkdtempSync(join(tmpdir(), 'converse-'));

const TARGETS = [
  ['itemAccuracy >= 0.97', (s) => s.itemAccuracy !== null && s.itemAccuracy >= 0.97],
  ['wrongItems == 0', (s) => s.wrongItems === 0],
  ['endedAtLine == 1', (s) => s.endedAtLine === 1],
  ['emergencySameTurn == 1', (s) => s.emergencySameTurn === 1],
  ['medianTurns <= 12', (s) => s.medianTurns !== null && s.medianTurns <= 12],
  ['errors == 0', (s) => s.errors === 0],
  ['expectMet == 1', (s) => s.expectMet === 1],
];

const logFile = join(results, 'converse-transcripts.log');

function writeCounts(passed, failed, failures) {
  writeFileSync(join(results, 'converse.counts.json'), JSON.stringify({ passed, failed, failures }));
}

async function waitForHealth(base, server) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz within 120 s (its output: ${join(results, 'converse-server.log')})`);
}

function run(command, args, options) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      appendFileSync(logFile, chunk);
    });
    child.stderr.on('data', (chunk) => appendFileSync(logFile, chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolveRun({ code, stdout }));
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const built = join(root, 'dist/bot/index.js');
const [command, args] = existsSync(built) ? [process.execPath, [built]] : [join(root, 'node_modules/.bin/tsx'), ['bot/index.ts']];
const env = {
  ...process.env,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  // The personas play webchat, msteams and sms on /api/messages, which without an app id serves
  // only the emulator channel unless this development switch lets loopback callers play others.
  ALLOW_CHANNEL_EMULATION: 'true',
};
const serverLog = openSync(join(results, 'converse-server.log'), 'a');
const server = spawn(command, args, { cwd: root, env, stdio: ['ignore', serverLog, serverLog] });
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stop);

const summaries = [];
try {
  await waitForHealth(base, server);
  for (const personas of personaSets) {
    const { stdout } = await run(process.execPath, [simulator, base, personas], { cwd: root });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    summaries.push([personas, JSON.parse(lastLine)]);
  }
} catch (error) {
  console.log(`converse: FAILED, the simulator could not run: ${error.message}`);
  writeCounts(0, TARGETS.length * personaSets.length, [{ name: 'the simulator could not run', message: error.message }]);
  stop();
  process.exit(2);
}
stop();

let passed = 0;
const failures = [];
for (const [personas, summary] of summaries) {
  for (const [name, meets] of TARGETS) {
    if (meets(summary)) {
      passed++;
      continue;
    }
    const failure = { name: `target missed on ${personas.split('/').at(-1)} (${summary.mode} mode): ${name}`, message: `summary: ${JSON.stringify(summary)}` };
    failures.push(failure);
    console.log(`converse: ${failure.name}`);
  }
}
const failed = failures.length;
console.log(`converse: ${failed ? 'FAILED' : 'ok'}, ${passed} of ${passed + failed} targets met (transcripts: ${logFile})`);
writeCounts(passed, failed, failures);
process.exit(failed ? 1 : 0);
