import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import restify from 'restify';
import { contentHash, fullWebChatBundlePath, lazyAsset, readAsset, StaticAsset, toAsset, webChatBundlePath } from '../../bot/web/assets';
import { assetHandler, IMMUTABLE, pickEncoding } from '../../bot/web/static';

describe('pickEncoding', () => {
  it.each<[string | undefined, string]>([
    ['gzip, deflate, br, zstd', 'br'], // Chromium
    ['gzip, deflate, br', 'br'],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', 'br'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('%p → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, because fetch would decompress and hide the encoding. */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('assetHandler', () => {
  const source = Buffer.from(`/* a script */\n${'window.answer = 42;\n'.repeat(2_000)}`);
  let loads = 0;
  let base = '';
  let server: restify.Server;
  let asset: StaticAsset;

  beforeAll(async () => {
    asset = await toAsset(source, 'application/javascript; charset=utf-8');
    const file = lazyAsset(async () => {
      loads += 1;
      return asset;
    });
    server = restify.createServer();
    server.use(restify.plugins.queryParser());
    server.get('/file.js', assetHandler({ asset: file, cacheControl: 'public, no-cache', version: () => 'v1' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends Brotli to a browser that takes it, gzip to one that takes only gzip, and the file to others', async () => {
    const br = await get(`${base}/file.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body)).toEqual(source);
    expect(br.body.length).toBeLessThan(source.length / 10);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);

    const gz = await get(`${base}/file.js`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(source);

    const plain = await get(`${base}/file.js`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(source);

    for (const reply of [br, gz, plain]) expect(reply.headers.vary).toBe('Accept-Encoding');
  });

  it('compresses once, not per request', async () => {
    await Promise.all([1, 2, 3].map(() => get(`${base}/file.js`, { 'Accept-Encoding': 'br' })));
    expect(loads).toBe(1);
    // The very buffers made at load time are what goes out.
    const again = await get(`${base}/file.js`, { 'Accept-Encoding': 'br' });
    expect(again.body.equals(asset.brotli)).toBe(true);
  });

  it('lets browsers keep the current version for a year, and makes them ask again for any other URL', async () => {
    expect((await get(`${base}/file.js?v=v1`)).headers['cache-control']).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect((await get(`${base}/file.js?v=v0`)).headers['cache-control']).toBe('public, no-cache');
    expect((await get(`${base}/file.js`)).headers['cache-control']).toBe('public, no-cache');
  });

  it('answers 304 without a body to a browser that has this version (ETag), and 200 to one with another', async () => {
    const first = await get(`${base}/file.js`, { 'Accept-Encoding': 'br' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const cached = await get(`${base}/file.js`, { 'If-None-Match': ifNoneMatch });
      expect(cached.status).toBe(304);
      expect(cached.body.length).toBe(0);
    }
    expect((await get(`${base}/file.js`, { 'If-None-Match': '"an-old-version"' })).status).toBe(200);
  });
});

describe('readAsset with the build’s precompressed forms', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'precompressed-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function build(file: string, body: Buffer): Promise<void> {
    // Stand-ins that no compressor would make, to tell them from run-time compression.
    await writeFile(path.join(dir, 'bundle.js.br'), 'built brotli');
    await writeFile(path.join(dir, 'bundle.js.gz'), 'built gzip');
    await writeFile(path.join(dir, 'bundle.js.json'), JSON.stringify({ sourceHash: contentHash(body), brotli: 'bundle.js.br', gzipped: 'bundle.js.gz' }));
    await writeFile(file, body);
  }

  it('serves what the build made from this very file', async () => {
    const file = path.join(dir, 'bundle.js');
    await build(file, Buffer.from('window.WebChat = {};'));
    const asset = await readAsset(file, 'application/javascript', dir);
    expect(asset.brotli.toString()).toBe('built brotli');
    expect(asset.gzipped.toString()).toBe('built gzip');
  });

  it('ignores a build made from another version of the file, and compresses this one itself', async () => {
    const file = path.join(dir, 'bundle.js');
    await build(file, Buffer.from('window.WebChat = {};'));
    await writeFile(file, 'window.WebChat = { newer: true };');
    const asset = await readAsset(file, 'application/javascript', dir);
    expect(brotliDecompressSync(asset.brotli).toString()).toBe('window.WebChat = { newer: true };');
    expect(gunzipSync(asset.gzipped).toString()).toBe('window.WebChat = { newer: true };');
  });

  it('compresses itself when nothing was built', async () => {
    const file = path.join(dir, 'bundle.js');
    await writeFile(file, 'window.WebChat = {};');
    const asset = await readAsset(file, 'application/javascript', path.join(dir, 'not-built'));
    expect(brotliDecompressSync(asset.brotli).toString()).toBe('window.WebChat = {};');
  });
});

describe('webChatBundlePath', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'bundle-root-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is our own bundle once built (dist/webchat/webchat.js)', async () => {
    await mkdir(path.join(root, 'dist', 'webchat'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'webchat', 'webchat.js'), 'window.WebChat = {};');
    expect(webChatBundlePath(root)).toEqual({ file: path.join(root, 'dist', 'webchat', 'webchat.js'), full: false });
  });

  it('is Web Chat’s full bundle while ours is not built', () => {
    expect(webChatBundlePath(root)).toEqual({ file: fullWebChatBundlePath(), full: true });
    expect(fullWebChatBundlePath()).toMatch(/botframework-webchat[\\/]dist[\\/]webchat\.js$/);
  });
});
