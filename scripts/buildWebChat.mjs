#!/usr/bin/env node
// Builds the chat page's Web Chat bundle, dist/webchat/webchat.js, from webchat/entry.js with
// esbuild: Web Chat's component with Adaptive Cards and markdown, React 18, Direct Line, and no
// speech (see README, "Website chat"). Run by `prepare` (so `npm ci` leaves it built), by
// `npm run build` and by `npm start`; it rebuilds only when its inputs changed (the entry, this
// script, or the installed versions of Web Chat, React and esbuild), so a start costs a hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Every file under webchat/, for the inputs hash. */
const sourceFiles = (dir = sourceDir) =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

/** What the bundle is made from: when none of it changed, the bundle on disk is this build's. */
function inputsHash(esbuildVersion) {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) hash.update(`${path.relative(sourceDir, file)}\n`).update(readFileSync(file));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const name of ['botframework-webchat', 'react', 'react-dom']) hash.update(`${name}@${versionOf(name)}\n`);
  hash.update(`esbuild@${esbuildVersion}\n`);
  return hash.digest('base64url');
}

const stub = (name) => path.join(sourceDir, 'stubs', name);

/** Wrapper packages whose lib/ an install script builds: bundled from their own src/index.mjs. */
const ES5_WRAPPERS = Object.fromEntries(
  ['p-defer-es5', 'markdown-it-attrs-es5', 'abort-controller-es5'].flatMap((name) => {
    const source = path.join(root, 'node_modules', name, 'src', 'index.mjs');
    return existsSync(source) ? [[name, source]] : [];
  }),
);

/**
 * What the page never uses, replaced by small stand-ins in webchat/stubs/ (each says why it is
 * never reached): Direct Line's streaming transport, which its main file re-exports (200 KB);
 * swiper, for Adaptive Card carousels (100 KB); postcss, for style attributes Web Chat's markdown
 * never allows (56 KB); mime, for the type of uploaded files (37 KB).
 */
const STUBS = [
  { filter: /^\.\/directLineStreaming$/, from: /botframework-directlinejs[\\/]lib$/, file: 'directLineStreaming.js' },
  { filter: /^swiper(\/modules)?$/, file: 'swiper.js' },
  { filter: /^postcss$/, from: /sanitize-html$/, file: 'postcss.js' },
  { filter: /^mime$/, from: /botframework-webchat-core[\\/]dist$/, file: 'mime.js' },
];

// Web Chat's package exports only its entry; the entry imports its source files (TypeScript and
// JSX, compiled here) by path.
const resolving = {
  name: 'webchat-resolve',
  setup(build) {
    for (const { filter, from, file } of STUBS) {
      build.onResolve({ filter }, (args) => (!from || from.test(args.resolveDir) ? { path: stub(file) } : undefined));
    }
    build.onResolve({ filter: /^botframework-webchat\/src\// }, (args) =>
      build.resolve(`./${args.path.slice('botframework-webchat/'.length)}`, { kind: args.kind, resolveDir: packageDir('botframework-webchat') }),
    );
  },
};

/** The languages the page speaks (bot/web/language.ts: en-US, es-US, which Web Chat reads as es-ES). */
const KEPT_LOCALES = new Set(['en-US', 'es-ES']);

/** Index of the brace closing the object literal that opens at `start`, skipping strings. */
function closingBrace(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char === '"' || char === "'" || char === '`') {
      for (i++; i < code.length && code[i] !== char; i++) if (code[i] === '\\') i++;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Web Chat's API bundle carries its own words in 45 languages (440 KB); the page speaks two. The
 * others become empty objects, which Web Chat fills from English as for any missing word.
 */
export function keepLocales(code, kept = KEPT_LOCALES) {
  const table = /\{"ar-EG":[\w$]+(?:,(?:"[\w-]+"|[\w$]+):[\w$]+)+\}/.exec(code);
  if (!table) return { code, removed: 0 };
  const pairs = table[0].slice(1, -1).split(',').map((pair) => pair.split(':').map((part) => part.replace(/"/g, '')));
  const keptIds = new Set(pairs.filter(([locale]) => kept.has(locale)).map(([, id]) => id));
  if (keptIds.size !== kept.size) return { code, removed: 0 };
  let removed = 0;
  for (const id of new Set(pairs.map(([, id]) => id).filter((id) => !keptIds.has(id)))) {
    const declaration = new RegExp(`(?:var|let|const) ${id.replace(/\$/g, '\\$')}=\\{`).exec(code);
    if (!declaration) continue;
    const open = declaration.index + declaration[0].length - 1;
    const close = closingBrace(code, open);
    if (close < 0) continue;
    removed += close - open - 1;
    code = `${code.slice(0, open + 1)}${code.slice(close)}`;
  }
  return { code, removed };
}

const trimmingLocales = {
  name: 'webchat-locales',
  setup(build) {
    build.onLoad({ filter: /botframework-webchat-api[\\/]dist[\\/]botframework-webchat-api\.mjs$/ }, (args) => {
      const { code, removed } = keepLocales(readFileSync(args.path, 'utf8'));
      // Another Web Chat may lay its words out otherwise: then they stay, and the build says so.
      const warnings = removed > 100_000 ? [] : [{ text: 'Web Chat’s words in other languages were not found to leave out; the bundle keeps them' }];
      return { contents: code, loader: 'js', warnings };
    });
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
    // markdown-it's Node import, served by the browser's URL parser. The "-es5" wrappers build
    // their lib/ in an install script we do not allow (package.json allowScripts); their shipped
    // ES module source is the same code without the ES5 step, which evergreen browsers do not need.
    alias: { punycode: path.join(sourceDir, 'punycode.js'), ...ES5_WRAPPERS },
    plugins: [resolving, trimmingLocales],
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
