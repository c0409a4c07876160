import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import type { FetchLike } from '../../bot/directline/azure';
import { builtWebChatBundlePath, versionOf } from '../../bot/web/assets';
import { createServer } from '../../bot/server';

interface Running {
  base: string;
  close(): Promise<void>;
}

async function listen(server: restify.Server): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function start(env: Record<string, string> = {}): Promise<Running> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return listen(createServer({ config, adapter: createAdapter(config), bot: new ActivityHandler() }));
}

/** The server with Azure Direct Line behind a fake fetch. */
function startAzure(fetchFn: FetchLike, env: Record<string, string> = {}): Promise<Running> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DIRECT_LINE_SECRET: 'the-secret', ...env });
  return listen(createServer({ config, adapter: createAdapter(config), bot: new ActivityHandler(), directLineFetch: fetchFn }));
}

describe('web chat routes (local Direct Line)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running.close());

  it.each<[string, Record<string, string>, string]>([
    ['/', {}, 'en'],
    ['/?lang=es', {}, 'es'],
    ['/', { 'Accept-Language': 'es-MX,es;q=0.9' }, 'es'],
    ['/?lang=en', { 'Accept-Language': 'es-MX' }, 'en'],
  ])('GET %s with %p is the chat page in %s', async (path, headers, lang) => {
    const response = await fetch(`${running.base}${path}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain(`<html lang="${lang}">`);
  });

  it('serves Web Chat’s bundle in Brotli, under the URL the page names, kept for a year', async () => {
    const page = await (await fetch(`${running.base}/`)).text();
    const url = /<script src="(\/static\/webchat\.js\?v=[^"]+)" defer>/.exec(page)?.[1];
    expect(page).toContain(`<link rel="preload" href="${url}" as="script"`);
    const { headers, body } = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${running.base}${url}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Our bundle: Brotli 5 at run time is about 0.58 MB; the build's quality 11 less.
    expect(body.length).toBeLessThan(650_000);
    expect(brotliDecompressSync(body).toString('utf8')).toContain('window.WebChat=');
  });

  it.each(['chat.js', 'chat.css'])('names %s with a content version the page links, kept for a year', async (file) => {
    const page = await (await fetch(`${running.base}/?lang=es`)).text();
    const url = new RegExp(`"(/static/${file.replace('.', '\\.')}\\?v=[\\w-]{12})"`).exec(page)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${running.base}${url}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const unversioned = await fetch(`${running.base}/static/${file}`);
    expect(unversioned.headers.get('cache-control')).toBe('public, no-cache');
    const again = await fetch(`${running.base}/static/${file}`, { headers: { 'If-None-Match': String(unversioned.headers.get('etag')) } });
    expect(again.status).toBe(304);
  });

  it('serves our own Web Chat bundle (dist/webchat, no speech) in gzip too, under a content version', async () => {
    const page = await (await fetch(`${running.base}/`)).text();
    const url = /<script src="(\/static\/webchat\.js\?v=([\w-]{12}))" defer>/.exec(page);
    expect(url).not.toBeNull();
    // node:http, because fetch would decompress and hide the encoding.
    const { headers, body } = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${running.base}${url![1]}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(headers['cache-control']).toContain('immutable');
    expect(headers['content-encoding']).toBe('gzip');
    const script = gunzipSync(body);
    expect(versionOf(script)).toBe(url![2]);
    // The bundle built from webchat/entry.js, not Web Chat's full one (3.9 MB, with speech).
    expect(script.equals(readFileSync(builtWebChatBundlePath()))).toBe(true);
    // 1.7 MB: English and Spanish only, stand-ins for what the page never reaches (webchat/stubs).
    expect(script.length).toBeLessThan(1_900_000);
    expect(script.toString('utf8')).not.toContain('SpeechSDK');
    expect(script.toString('utf8')).toContain('window.WebChat=');
    const again = await fetch(`${running.base}${url![1]}`, { headers: { 'If-None-Match': String(headers.etag) } });
    expect(again.status).toBe(304);
    // An old page's version is no longer kept for a year.
    const old = await fetch(`${running.base}/static/webchat.js?v=4.18.1`);
    expect(old.headers.get('cache-control')).toBe('public, no-cache');
  });

  it.each([
    ['/static/chat.js', 'application/javascript; charset=utf-8', 'renderWebChat'],
    ['/static/chat.css', 'text/css; charset=utf-8', '#webchat'],
    ['/static/demo.css', 'text/css; charset=utf-8', 'main'],
    ['/widget.js', 'application/javascript; charset=utf-8', '"open":"Check your symptoms"'],
  ])('GET %s', async (path, type, content) => {
    const response = await fetch(`${running.base}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toContain(content);
  });

  it('lets other websites load /widget.js', async () => {
    const response = await fetch(`${running.base}/widget.js`);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('shows the one-line embed snippet on /demo, and uses it', async () => {
    const html = await (await fetch(`${running.base}/demo?lang=es`)).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(`<script src="${running.base}/widget.js" defer></script>`);
    expect(html).toContain(`&lt;script src=&quot;${running.base}/widget.js&quot; defer&gt;&lt;/script&gt;`);
  });

  it('opens a session on the bot’s own Direct Line', async () => {
    const response = await fetch(`${running.base}/webchat/session`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = (await response.json()) as Record<string, unknown>;
    expect(session).toEqual({ token: expect.any(String), conversationId: expect.any(String), userId: expect.stringMatching(/^dl_/), expiresIn: 1800, webSocket: false });
  });
});

describe('web chat routes with ALLOWED_ORIGINS', () => {
  let running: Running;
  const LISTED = 'https://www.example.org';
  beforeAll(async () => {
    running = await start({ ALLOWED_ORIGINS: LISTED });
  });
  afterAll(() => running.close());

  it('lets only listed websites frame the chat page', async () => {
    const csp = (await fetch(`${running.base}/`)).headers.get('content-security-policy');
    expect(csp).toContain(`frame-ancestors 'self' ${LISTED}`);
  });

  it.each<[string, number, string, Record<string, string>]>([
    ['a listed origin’s preflight', 204, 'OPTIONS', { Origin: LISTED, 'Access-Control-Request-Method': 'POST' }],
    ['an unlisted origin’s preflight', 403, 'OPTIONS', { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }],
    ['a listed origin', 200, 'POST', { Origin: LISTED }],
    ['an unlisted origin', 403, 'POST', { Origin: 'https://evil.example' }],
    ['no origin (not a browser)', 200, 'POST', {}],
  ])('%s → %i', async (_name, status, method, headers) => {
    const response = await fetch(`${running.base}/v3/directline/tokens/generate`, { method, headers });
    expect(response.status).toBe(status);
    if (status !== 403) expect(response.headers.get('access-control-allow-origin')).toBe(headers.Origin ?? null);
  });

  it('always lets the chat page call its own bot', async () => {
    const self = running.base;
    const response = await fetch(`${running.base}/webchat/session`, { method: 'POST', headers: { Origin: self } });
    expect(response.status).toBe(200);
  });
});

describe('web chat routes with Azure Direct Line (DIRECT_LINE_SECRET)', () => {
  it('hands the page an Azure conversation token, never the secret, and switches the local endpoint off', async () => {
    const calls: string[] = [];
    const fetchFn: FetchLike = async (url, init) => {
      calls.push(`${url} ${init.headers.Authorization}`);
      return { ok: true, status: 200, json: async () => ({ conversationId: 'az-conv', token: 'az-token', expires_in: 3600 }) };
    };
    const running = await startAzure(fetchFn, { ALLOWED_ORIGINS: 'https://www.example.org' });
    try {
      const response = await fetch(`${running.base}/webchat/session`, { method: 'POST' });
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).not.toContain('the-secret');
      expect(JSON.parse(text)).toEqual({
        token: 'az-token',
        conversationId: 'az-conv',
        userId: expect.stringMatching(/^dl_/),
        expiresIn: 3600,
        domain: 'https://directline.botframework.com/v3/directline',
        webSocket: true,
      });
      expect(calls).toEqual(['https://directline.botframework.com/v3/directline/tokens/generate Bearer the-secret']);
      expect((await fetch(`${running.base}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
      const csp = (await fetch(`${running.base}/`)).headers.get('content-security-policy');
      expect(csp).toContain("connect-src 'self' https://directline.botframework.com wss://directline.botframework.com");
    } finally {
      await running.close();
    }
  });

  it('answers 502 when Azure refuses', async () => {
    const running = await startAzure(async () => ({ ok: false, status: 403, json: async () => ({}) }));
    try {
      const response = await fetch(`${running.base}/webchat/session`, { method: 'POST' });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: { code: 'DirectLineUnavailable', message: expect.any(String) } });
    } finally {
      await running.close();
    }
  });
});
