import { messageActivity, postActivity, startApp, type RunningApp } from './harness';

// A new user's terminal: one line per turn and per request that does something, not one per poll.

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({}, { captureLogs: true });
});
afterAll(() => running.stop());

const entries = () => running.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

it('logs probes, metrics, the favicon and Web Chat polls at debug, turns and other requests at info', async () => {
  for (const path of ['/healthz', '/readyz', '/metrics', '/favicon.ico']) expect((await fetch(`${running.baseUrl}${path}`)).status).toBe(200);
  const session = (await (await fetch(`${running.baseUrl}/webchat/session`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const auth = { authorization: `Bearer ${session.token}` };
  expect((await fetch(`${running.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
  for (let poll = 0; poll < 5; poll += 1) {
    expect((await fetch(`${running.baseUrl}/v3/directline/conversations/${session.conversationId}/activities`, { headers: auth })).status).toBe(200);
  }
  expect((await postActivity(running.baseUrl, messageActivity('quiet-1', 'hi'))).status).toBe(200);

  const http = entries().filter((entry) => entry.event === 'http');
  expect(http.map((entry) => `${entry.method} ${entry.route}`)).toEqual([
    'POST /webchat/session',
    'POST /v3/directline/conversations',
    'POST /api/messages',
  ]);
  expect(http.every((entry) => entry.level === 30)).toBe(true);
  expect(entries().filter((entry) => entry.event === 'turn')).toHaveLength(2); // the greeting and "hi"
});

it('serves a small favicon', async () => {
  const response = await fetch(`${running.baseUrl}/favicon.ico`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/x-icon');
  const body = Buffer.from(await response.arrayBuffer());
  expect(body.length).toBeLessThan(4096);
  expect(body.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
});
