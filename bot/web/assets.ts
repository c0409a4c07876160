import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * A file served from memory, compressed once (never per request): the chat page's Web Chat bundle
 * is 1.7 MB, 0.5 MB gzipped and 0.41 MB in Brotli at its best (see `npm run build`).
 */
export interface StaticAsset {
  body: Buffer;
  gzipped: Buffer;
  brotli: Buffer;
  etag: string;
  /** The first 12 characters of the ETag's hash: versions URLs such as chat.js?v=… */
  version: string;
  contentType: string;
}

export const contentHash = (body: Buffer) => createHash('sha256').update(body).digest('base64url');

/** The ?v= for a file's URL: changes whenever its content does. */
export const versionOf = (body: Buffer) => contentHash(body).slice(0, 12);

/**
 * Run-time compression: gzip level 6 and Brotli quality 5 take about half a second each for Web
 * Chat's bundle on one core (libuv's pool, off the event loop); Brotli's best (quality 11) takes
 * 10-30 s, so the build does that one (precompressed below).
 */
export async function toAsset(body: Buffer, contentType: string, precompressed?: { gzipped: Buffer; brotli: Buffer }): Promise<StaticAsset> {
  const hash = contentHash(body);
  const [gzipped, brotli] = precompressed
    ? [precompressed.gzipped, precompressed.brotli]
    : await Promise.all([
        gzipAsync(body),
        brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      ]);
  return { body, gzipped, brotli, etag: `"${hash.slice(0, 27)}"`, version: versionOf(body), contentType };
}

/** Loads once, on first use, so servers that never serve the chat (tests, SMS-only) pay nothing. */
export function lazyAsset(load: () => Promise<StaticAsset>): () => Promise<StaticAsset> {
  let pending: Promise<StaticAsset> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // let the next request try again
      throw error;
    });
    return pending;
  };
}

/**
 * The project root, from bot/web under tsx or dist/bot/web when built: the first folder up with
 * both package.json and public/ (a build may hold a package.json of its own, without public/).
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'public'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * The chat page's own Web Chat bundle: built from webchat/entry.js by scripts/buildWebChat.mjs
 * (run by `prepare`, `npm run build` and `npm start`). Web Chat with Adaptive Cards and markdown,
 * without speech, in English and Spanish only: 0.44 as many bytes as Web Chat's full bundle, and
 * about half the time for the browser to run (README, "Website chat").
 */
export const builtWebChatBundlePath = (root: string = projectRoot()) => path.join(root, 'dist', 'webchat', 'webchat.js');

/** Web Chat's full standalone bundle (the UMD build that defines window.WebChat). */
export function fullWebChatBundlePath(): string {
  // The package exports only its module entry; the browser bundle sits in dist beside it.
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The bundle the page loads: ours when built, else Web Chat's full one (slower to start, same features). */
export function webChatBundlePath(root: string = projectRoot()): { file: string; full: boolean } {
  const built = builtWebChatBundlePath(root);
  return existsSync(built) ? { file: built, full: false } : { file: fullWebChatBundlePath(), full: true };
}

/** Where `npm run build` leaves the bundle's Brotli (best quality) and gzip (level 9) forms. */
export const precompressedDir = (root: string = projectRoot()) => path.join(root, 'dist', 'webchat');

export interface PrecompressedManifest {
  /** contentHash of the file they were made from: a stale build is ignored, never served. */
  sourceHash: string;
  brotli: string;
  gzipped: string;
}

/** A file with the build's compressed forms when they were made from this very file, else compressed now. */
export async function readAsset(file: string, contentType: string, compressedDir?: string): Promise<StaticAsset> {
  const body = await readFile(file);
  if (compressedDir) {
    const precompressed = await readPrecompressed(compressedDir, path.basename(file), contentHash(body));
    if (precompressed) return toAsset(body, contentType, precompressed);
  }
  return toAsset(body, contentType);
}

async function readPrecompressed(dir: string, name: string, sourceHash: string): Promise<{ gzipped: Buffer; brotli: Buffer } | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, `${name}.json`), 'utf8')) as PrecompressedManifest;
    if (manifest.sourceHash !== sourceHash) return undefined;
    const [brotli, gzipped] = await Promise.all([readFile(path.join(dir, manifest.brotli)), readFile(path.join(dir, manifest.gzipped))]);
    return { brotli, gzipped };
  } catch {
    return undefined; // not built: compress at run time
  }
}
