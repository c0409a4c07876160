#!/usr/bin/env node
// `prepare` (run by `npm install` and `npm ci` in this checkout): builds dist/ now, so the first
// `npm start` after an install answers within seconds instead of compiling everything: the
// TypeScript, the chat page's Web Chat bundle (scripts/buildWebChat.mjs, with esbuild) and that
// bundle's Brotli and gzip forms. An install without the devDependencies (`--omit=dev`) has no
// TypeScript and no esbuild: it says so and leaves the build to whoever ships dist/. A build error
// fails the install, as it would fail `npm start`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildWebChat } from './buildWebChat.mjs';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.log('prepare: TypeScript is not installed (devDependencies left out); dist/ not built');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

try {
  const bundle = await buildWebChat();
  console.log(bundle.built ? `prepare: Web Chat bundle built (${bundle.bytes} bytes)` : `prepare: Web Chat bundle ${bundle.reason}`);
} catch (error) {
  console.error(error);
  process.exit(1);
}
const precompress = spawnSync(process.execPath, ['dist/bot/web/precompress.js'], { stdio: 'inherit' });
process.exit(precompress.status ?? 1);
