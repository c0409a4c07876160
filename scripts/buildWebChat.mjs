#!/usr/bin/env node
// Builds the chat page's Web Chat bundle, dist/webchat/webchat.js, from webchat/entry.js with
// esbuild: Web Chat's component with Adaptive Cards and markdown, React 18, Direct Line, and no
// speech (see README, "Website chat"). Run by `prepare` (so `npm ci` leaves it built), by
// `npm run build` and by `npm start`; it rebuilds only when its inputs changed (the entry, this
// script, or the installed versions of Web Chat, React and esbuild), so a start costs a hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'webchat');

export const BUNDLE_FILE = path.join(root, 'dist', 'webchat', 'webchat.js');
const STAMP_FILE = path.join(root, 'dist', 'webchat', 'webchat.build.json');

/** A package's own folder; botframework-webchat exports only its entry, not package.json. */
const packageDir = (name) => {
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json for ${name}`);
    dir = parent;
  }
  return dir;
};
const versionOf = (name) => JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')).version;

/** What the bundle is made from: when none of it changed, the bundle on disk is this build's. */
function inputsHash(esbuildVersion) {
  const hash = createHash('sha256');
  for (const file of ['entry.js', 'punycode.js', 'directLineStreaming.js']) hash.update(readFileSync(path.join(sourceDir, file)));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const name of ['botframework-webchat', 'react', 'react-dom']) hash.update(`${name}@${versionOf(name)}\n`);
  hash.update(`esbuild@${esbuildVersion}\n`);
  return hash.digest('base64url');
}

// Web Chat's package exports only its entry; the entry imports its source files (TypeScript and
// JSX, compiled here) by path. Direct Line's main file re-exports its streaming transport, which
// the page never uses: a stand-in that throws replaces it.
const deepImports = {
  name: 'deep-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\/directLineStreaming$/ }, (args) =>
      /botframework-directlinejs[\\/]lib$/.test(args.resolveDir) ? { path: path.join(sourceDir, 'directLineStreaming.js') } : undefined,
    );
    build.onResolve({ filter: /^botframework-webchat\/src\// }, (args) =>
      build.resolve(`./${args.path.slice('botframework-webchat/'.length)}`, { kind: args.kind, resolveDir: packageDir('botframework-webchat') }),
    );
  },
};

export async function buildWebChat({ force = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies: keep what was shipped, or let the server fall back.
    if (existsSync(BUNDLE_FILE)) return { built: false, reason: 'not rebuilt: esbuild is not installed; the bundle already built is kept' };
    return { built: false, reason: 'not built: esbuild (a devDependency) is not installed; the chat page will load Web Chat’s full bundle' };
  }
  const inputs = inputsHash(esbuild.version);
  if (!force && existsSync(BUNDLE_FILE)) {
    try {
      if (JSON.parse(readFileSync(STAMP_FILE, 'utf8')).inputs === inputs) return { built: false, reason: 'up to date' };
    } catch {
      // no stamp: build
    }
  }
  mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  const webChatVersion = versionOf('botframework-webchat');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(sourceDir, 'entry.js')],
    outfile: BUNDLE_FILE,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // What Web Chat 4.18 itself supports (evergreen browsers); no ES5 build.
    target: ['es2020'],
    // Web Chat's source files are TypeScript and JSX, some of them in .js files.
    loader: { '.js': 'jsx' },
    jsx: 'transform',
    define: {
      'process.env.NODE_ENV': '"production"',
      // Web Chat's Adaptive Card renderer reads both spellings.
      'process.env.node_env': '"production"',
      'process.env.WEBCHAT_VERSION': JSON.stringify(webChatVersion),
    },
    alias: { punycode: path.join(sourceDir, 'punycode.js') },
    plugins: [deepImports],
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = readFileSync(BUNDLE_FILE).length;
  writeFileSync(STAMP_FILE, `${JSON.stringify({ inputs, webChatVersion, bytes }, null, 2)}\n`);
  return { built: true, bytes, metafile: result.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWebChat({ force: process.argv.includes('--force') }).then(
    (result) =>
      console.log(result.built ? `Web Chat bundle built: dist/webchat/webchat.js, ${result.bytes} bytes` : `Web Chat bundle ${result.reason}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
