#!/usr/bin/env node
// CI: plays the simulated people of ../shared/eval/personas.dev.json through whole checks against
// a freshly started server, and holds the result to issue 13's targets. Writes
// $RESULTS/converse.counts.json as {"passed": N, "failed": M}, one check per target, and exits 1
// below target (2 when the simulator could not run at all).
//
//   node .ci/converse.mjs            (from the repository root; RESULTS defaults to a temp folder)
//
// The server is the built one (dist/bot/index.js, after `npm run build`) when present, else the
// TypeScript sources through tsx. It listens on a free port and is stopped at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

function writeCounts(passed, failed) {
  writeFileSync(join(results, 'converse.counts.json'), JSON.stringify({ passed, failed }));
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(base, server) {
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not answer /healthz within 30 s');
}

function run(command, args, options) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      process.stdout.write(chunk);
    });
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
const server = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
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
  console.error(`converse: ${error.message}`);
  writeCounts(0, TARGETS.length * personaSets.length);
  stop();
  process.exit(2);
}
stop();

let passed = 0;
let failed = 0;
for (const [personas, summary] of summaries) {
  for (const [name, meets] of TARGETS) {
    const ok = meets(summary);
    if (ok) passed++;
    else failed++;
    console.log(`converse target ${ok ? 'met' : 'MISSED'} on ${personas.split('/').at(-1)} (${summary.mode} mode): ${name}`);
  }
}
console.log(`converse: ${passed} passed, ${failed} failed`);
writeCounts(passed, failed);
process.exit(failed ? 1 : 0);
