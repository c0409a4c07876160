import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { contentHash, precompressedDir, PrecompressedManifest, webChatBundlePath } from './assets';

/**
 * Part of `npm run build` (and of `prepare`): the served Web Chat bundle in Brotli at its best
 * quality and gzip level 9, made once here because quality 11 takes several seconds. The server
 * uses them when they were made from the very bundle it serves (bot/web/assets.ts).
 */
export async function precompressWebChat(outDir: string = precompressedDir()): Promise<PrecompressedManifest & { sizes: Record<string, number>; reused: boolean }> {
  const { file } = webChatBundlePath();
  const body = await readFile(file);
  const name = path.basename(file);
  const existing = await readManifest(path.join(outDir, `${name}.json`));
  if (existing?.sourceHash === contentHash(body)) {
    // Made from this very bundle by an earlier build: quality 11 is worth doing only once.
    const [brotli, gzipped] = await Promise.all([stat(path.join(outDir, existing.brotli)), stat(path.join(outDir, existing.gzipped))]).catch(() => []);
    if (brotli && gzipped) return { ...existing, reused: true, sizes: { raw: body.length, gzip: gzipped.size, brotli: brotli.size } };
  }
  const brotli = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  const gzipped = gzipSync(body, { level: 9 });
  await mkdir(outDir, { recursive: true });
  const manifest: PrecompressedManifest = { sourceHash: contentHash(body), brotli: `${name}.br`, gzipped: `${name}.gz` };
  await writeFile(path.join(outDir, manifest.brotli), brotli);
  await writeFile(path.join(outDir, manifest.gzipped), gzipped);
  await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, reused: false, sizes: { raw: body.length, gzip: gzipped.length, brotli: brotli.length } };
}

async function readManifest(file: string): Promise<PrecompressedManifest | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PrecompressedManifest;
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  precompressWebChat().then(
    ({ sizes, reused }) =>
      console.log(`Web Chat bundle ${reused ? 'already precompressed' : 'precompressed'}: ${sizes.raw} bytes, gzip ${sizes.gzip}, brotli ${sizes.brotli}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
