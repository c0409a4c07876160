import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** A file served from memory, compressed once: Web Chat's bundle is 4 MB, about 1 MB gzipped. */
export interface StaticAsset {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

export async function toAsset(body: Buffer, contentType: string): Promise<StaticAsset> {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzipped: await gzipAsync(body), etag, contentType };
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

/** Web Chat's full standalone bundle: the UMD build that defines window.WebChat. */
export function webChatBundlePath(): string {
  // The package exports only its module entry; the browser bundle sits in dist beside it.
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

export function webChatVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(webChatBundlePath()), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export const readAsset = async (file: string, contentType: string) => toAsset(await readFile(file), contentType);
