#!/usr/bin/env node
// `npm run test:all`: every test, the slow suites included. Runs the node suites
// (jest.all.config.js), then the browser tests (jest.browser.config.js, one Chromium at a time),
// the second even when the first failed; exits 1 when either did.
//
//   npm run test:all [-- JEST_ARGS...] [-- --results DIR]
//
// With `--results DIR` each run writes its jest JSON results (DIR/jest.json, DIR/browser.json) and
// its own output (DIR/jest.log, DIR/browser.log) there instead of the terminal: what .ci/run reads.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');

const args = process.argv.slice(2);
let results;
const at = args.indexOf('--results');
if (at >= 0) {
  results = args[at + 1];
  if (!results) {
    console.error('test:all: --results needs a directory');
    process.exit(2);
  }
  args.splice(at, 2);
}

function run(name, config) {
  const jestArgs = [jest, '--config', config, ...args];
  if (results) jestArgs.push('--json', `--outputFile=${join(results, `${name}.json`)}`);
  return new Promise((done) => {
    const child = spawn(process.execPath, jestArgs, { cwd: root, stdio: ['ignore', results ? 'pipe' : 'inherit', results ? 'pipe' : 'inherit'] });
    const log = results ? createWriteStream(join(results, `${name}.log`)) : undefined;
    if (log) {
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
    }
    let finished = false;
    const finish = (code) => {
      if (finished) return;
      finished = true;
      if (log) log.end(() => done(code));
      else done(code);
    };
    child.once('error', (error) => {
      console.error(`test:all: could not start jest: ${error.message}`);
      finish(1);
    });
    child.once('close', (code) => finish(code === 0 ? 0 : 1));
  });
}

const node = await run('jest', 'jest.all.config.js');
const browser = await run('browser', 'jest.browser.config.js');
process.exit(node === 0 && browser === 0 ? 0 : 1);
