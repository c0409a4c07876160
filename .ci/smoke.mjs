#!/usr/bin/env node
// CI: smoke test of the README's start command on the built output (what `npm start` runs). The
// jest suites run the TypeScript sources, so a path that only breaks in dist/ is caught here.
//
//   node .ci/smoke.mjs            (from the repository root, after `npm run build`)
//
// Starts dist/bot/index.js on a free port (its output goes to $RESULTS/smoke-server.log), waits
// for /healthz as long as a busy machine needs (SMOKE_WAIT_SECONDS, 120 by default), then checks
// the pages and one turn. Writes $RESULTS/smoke.counts.json ({"passed", "failed", "failures"}),
// prints one line per failed check and one line at the end, and exits 1 when a check failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './freePort.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const results = process.env.RESULTS ?? mkdtempSync(join(tmpdir(), 'smoke-'));
const waitSeconds = Number(process.env.SMOKE_WAIT_SECONDS ?? 120);
const paths = ['/healthz', '/readyz', '/', '/widget.js', '/demo', '/static/chat.js'];
const checks = paths.length + 1;

function finish(passed, failures) {
  const failed = checks - passed;
  writeFileSync(join(results, 'smoke.counts.json'), JSON.stringify({ passed, failed, failures }));
  for (const failure of failures) console.log(`smoke: ${failure.name}${failure.message ? `: ${failure.message}` : ''}`);
  console.log(`smoke: ${failed ? 'FAILED' : 'ok'}, ${passed} of ${checks} checks`);
  return failed ? 1 : 0;
}

const port = Number(process.env.SMOKE_PORT) || (await freePort());
const base = `http://127.0.0.1:${port}`;
const logFile = join(results, 'smoke-server.log');
const log = openSync(logFile, 'a');
// SMOKE_SERVER: another script to start in its place (the smoke test's own test uses one that never answers).
const server = spawn(process.execPath, [resolve(root, process.env.SMOKE_SERVER ?? 'dist/bot/index.js')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', log, log],
});
const stop = () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
};
process.on('exit', stop);

/** Resolves once /healthz answers; rejects with a sentence when the server exited or never did. */
async function waitForServer() {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering (its output: ${logFile})`);
    try {
      await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`the server did not answer ${base}/healthz within ${waitSeconds} s (set SMOKE_WAIT_SECONDS to wait longer; its output: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

let code;
try {
  await waitForServer();
  const failures = [];
  for (const path of paths) {
    try {
      const response = await fetch(base + path);
      if (response.status !== 200) failures.push({ name: `GET ${path}`, message: `answered ${response.status}, not 200` });
    } catch (error) {
      failures.push({ name: `GET ${path}`, message: `no answer (${error.cause?.code ?? error.message})` });
    }
  }
  try {
    const turn = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text: 'hi', channelId: 'emulator', serviceUrl: 'http://localhost', deliveryMode: 'expectReplies',
        from: { id: 'smoke' }, recipient: { id: 'bot' }, conversation: { id: 'smoke' },
      }),
    });
    const body = await turn.json().catch(() => ({}));
    const replies = body.activities?.length ?? 0;
    if (turn.status !== 200 || !replies) failures.push({ name: 'POST /api/messages', message: `answered ${turn.status} with ${replies} replies` });
  } catch (error) {
    failures.push({ name: 'POST /api/messages', message: `no answer (${error.cause?.code ?? error.message})` });
  }
  code = finish(checks - failures.length, failures);
} catch (error) {
  code = finish(0, [{ name: 'the server never answered', message: error.message }]);
}
stop();
process.exit(code);
