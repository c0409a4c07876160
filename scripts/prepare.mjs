#!/usr/bin/env node
// `prepare` (run by `npm install` and `npm ci` in this checkout): builds dist/ now, so the first
// `npm start` after an install answers within seconds instead of compiling everything. An install
// without the devDependencies (`--omit=dev`) has no TypeScript: it says so and leaves the build to
// whoever ships dist/. A build error fails the install, as it would fail `npm start`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.log('prepare: TypeScript is not installed (devDependencies left out); dist/ not built');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
