import type { Storage } from 'botbuilder';
import { StorageUnavailableError } from '../../bot/storage/storageErrors';
import { messageActivity, postActivity, startApp, type RunningApp } from './harness';

const running: RunningApp[] = [];
async function start(...args: Parameters<typeof startApp>): Promise<RunningApp> {
  const app = await startApp(...args);
  running.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

async function post(baseUrl: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error?: { code?: string }; code?: string } };
}

describe('health, readiness and metrics', () => {
  it('answers /healthz and /readyz when the store answers', async () => {
    const { baseUrl } = await start();
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    await expect(ready.json()).resolves.toEqual({ status: 'ready' });
  });

  it('is not ready while the store is unreachable, and is again when it returns', async () => {
    let reachable = false;
    const flaky: Storage = {
      read: async () => {
        if (!reachable) throw new StorageUnavailableError('down');
        return {};
      },
      write: async () => undefined,
      delete: async () => undefined,
    };
    const { baseUrl } = await start({}, { storage: flaky });
    const down = await fetch(`${baseUrl}/readyz`);
    expect(down.status).toBe(503);
    await expect(down.json()).resolves.toEqual({ status: 'storage_unavailable' });
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    reachable = true;
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });

  it('is not ready once draining for shutdown', async () => {
    const { baseUrl, app } = await start();
    app.lifecycle.draining = true;
    const response = await fetch(`${baseUrl}/readyz`);
    expect(response.status).toBe(503);
    await expect(response.json()).resolves.toEqual({ status: 'draining' });
  });

  it('exposes counts per app instance in Prometheus format, without content', async () => {
    const first = await start({}, { captureLogs: true });
    const second = await start();
    const turn = await postActivity(first.baseUrl, messageActivity('metrics-1', 'secret words'));
    expect(turn.status).toBe(200);
    const response = await fetch(`${first.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('allcheck_turns_total{channel="emulator",outcome="ok"} 1');
    expect(text).toContain('allcheck_turn_duration_seconds_bucket');
    expect(text).toContain('allcheck_checks_ended_total{reason="completed"} 0');
    expect(text).toContain('allcheck_http_requests_total{route="/api/messages",method="POST",status="200"} 1');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('metrics-1');
    expect(await (await fetch(`${second.baseUrl}/metrics`)).text()).not.toContain('allcheck_turns_total{');
  });
});

describe('request ids', () => {
  it('echoes a safe X-Request-Id, replaces an unsafe one, and names it in the logs', async () => {
    const { baseUrl, logLines } = await start({ LOG_LEVEL: 'debug' }, { captureLogs: true }); // probes log at debug
    const echoed = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'probe-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('probe-42');
    const replaced = await fetch(`${baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id "quoted"' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await postActivity(baseUrl, messageActivity('rid-1', 'hi'), { 'x-request-id': 'turn-7' });
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ event: 'http', requestId: 'probe-42', route: '/healthz', status: 200 }));
    expect(entries).toContainEqual(expect.objectContaining({ event: 'turn', requestId: 'turn-7', activityType: 'message', outcome: 'ok' }));
    expect(entries).toContainEqual(
      expect.objectContaining({ event: 'http', requestId: 'turn-7', route: '/api/messages', status: 200, durationMs: expect.any(Number) }),
    );
  });
});

describe('/api/messages edge', () => {
  const valid = JSON.stringify(messageActivity('edge-1', 'hi'));

  it.each<[string, number, string, string, Record<string, string>]>([
    ['text/plain', 415, 'unsupported_media_type', 'hi', { 'content-type': 'text/plain' }],
    ['a form', 415, 'unsupported_media_type', 'type=message', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart (never written to disk)', 415, 'unsupported_media_type', '--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['malformed JSON', 400, 'InvalidContent', '{"type":', {}],
    ['an empty object', 400, 'invalid_activity', '{}', {}],
    ['a JSON string', 400, 'invalid_activity', '"message"', {}],
    // Without the check it reached the turn, whose membersAdded.some(...) threw: a 500.
    ['a conversationUpdate whose membersAdded is not a list', 400, 'invalid_activity', JSON.stringify(messageActivity('edge-3', '', { type: 'conversationUpdate', text: undefined, membersAdded: 'everyone' as never })), {}],
    ['a body over 256 KB', 413, 'PayloadTooLarge', JSON.stringify({ padding: 'x'.repeat(300_000) }), {}],
    ['100 KB of text', 413, 'text_too_long', JSON.stringify(messageActivity('edge-2', 'ñ'.repeat(100_000))), {}],
  ])('%s → %i %s', async (_label, status, code, body, headers) => {
    const { baseUrl } = await start();
    const response = await post(baseUrl, body, headers);
    expect(response.status).toBe(status);
    // Ours carry { error: { code, message } }; restify's own (bad JSON, too big) { code, message }.
    expect(response.body.error?.code ?? response.body.code).toBe(code);
  });

  it('accepts JSON with a charset', async () => {
    const { baseUrl } = await start();
    expect((await post(baseUrl, valid, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answers 429 with Retry-After past the per-conversation limit', async () => {
    const { baseUrl } = await start({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(baseUrl, valid)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(baseUrl, valid);
    expect(limited.body.error?.code).toBe('too_many_requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another conversation is not held back.
    expect((await post(baseUrl, JSON.stringify(messageActivity('edge-other', 'hi')))).status).toBe(200);
  });

  it('answers 429 with Retry-After past the per-client limit, but never for probes', async () => {
    const { baseUrl } = await start({ RATE_LIMIT_CLIENT_PER_MINUTE: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(baseUrl, JSON.stringify(messageActivity(`edge-ip-${i}`, 'hi')))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await post(baseUrl, '{}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(200);
  });

  it('counts clients by X-Forwarded-For only behind a configured proxy', async () => {
    const { baseUrl } = await start({ RATE_LIMIT_CLIENT_PER_MINUTE: '1', TRUST_PROXY_HOPS: '1' });
    const from = (address: string) => post(baseUrl, valid, { 'x-forwarded-for': address });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.2')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(429);
    // A client cannot dodge the limit by prepending addresses of its own.
    expect((await from('198.51.100.7, 203.0.113.1')).status).toBe(429);
  });
});
