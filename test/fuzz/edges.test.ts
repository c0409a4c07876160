import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { CHANNEL_EMULATION, messageActivity, postActivity, startApp, type RunningApp } from '../ops/harness';
import { driveCheck } from '../storage/conversationDriver';
import { directLineRequest, messagesRequest, seededRandom, smsRequest, type FuzzRequest, type Random } from './generators';

// The issue's bar is 10,000 requests without a single 5xx; CI runs fewer for speed.
// FUZZ_REQUESTS=10000 npx jest -c jest.all.config.js test/fuzz   (FUZZ_SEED replays another sequence)
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3_000);
const SEED = Number(process.env.FUZZ_SEED ?? 6_062_024);
const CONCURRENCY = 24;
const TWILIO_TOKEN = 'fuzz-twilio-auth-token';
const PUBLIC_URL = 'https://bot.example.org';

jest.setTimeout(120_000);

let running: RunningApp;
let sink: http.Server;
let sinkUrl: string;

beforeAll(async () => {
  // Where replies go for activities that do not ask for expectReplies: accepts everything.
  sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"sink"}');
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  // The switch lets the fuzz play every channel from loopback, so hostile activities reach the turn.
  running = await startApp({ TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_URL, SMS_HASH_SECRET: 'fuzz-sms-hash-secret', ...CHANNEL_EMULATION });
});
afterAll(async () => {
  await running?.stop();
  sink?.closeAllConnections();
  await new Promise((resolve) => sink?.close(resolve));
});

interface Outcome {
  request: FuzzRequest;
  status: number;
}

/** Raw http, so bodies can be invalid UTF-8, headers odd and methods any. */
function send(request: FuzzRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(running.baseUrl);
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD') req.end(request.body);
    else req.end();
  });
}

/** Which edges exist right now: the Direct Line and SMS helpers land theirs independently. */
async function liveEdges(): Promise<{ directLine?: { token: string; conversationId: string }; sms: boolean }> {
  const session = await fetch(`${running.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
  let directLine;
  if (session.status === 200) {
    const { token } = (await session.json()) as { token: string };
    const started = await fetch(`${running.baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const { conversationId } = (await started.json()) as { conversationId: string };
    directLine = { token, conversationId };
  }
  const sms = (await fetch(`${running.baseUrl}/api/sms`, { method: 'POST' })).status !== 404;
  return { directLine, sms };
}

function plan(random: Random, edges: Awaited<ReturnType<typeof liveEdges>>): FuzzRequest[] {
  const sign = (params: Record<string, string>) => getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}/api/sms`, params);
  return Array.from({ length: REQUESTS }, () => {
    const roll = random();
    if (edges.directLine && roll < 0.15) return directLineRequest(random, edges.directLine.token, edges.directLine.conversationId);
    if (edges.sms && roll < 0.25) return smsRequest(random, sign);
    return messagesRequest(random, sinkUrl);
  });
}

async function runAll(requests: FuzzRequest[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as FuzzRequest;
      outcomes.push({ request, status: await send(request) });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

describe(`${REQUESTS} hostile requests (seed ${SEED})`, () => {
  it('get a 4xx with a reason or a reply, never a 5xx, and the bot keeps working', async () => {
    const edges = await liveEdges();
    expect(edges.sms).toBe(true);
    const started = Date.now();
    const outcomes = await runAll(plan(seededRandom(SEED), edges));
    const seconds = (Date.now() - started) / 1000;

    const byKind = new Map<string, Map<number, number>>();
    for (const { request, status } of outcomes) {
      const statuses = byKind.get(request.kind) ?? new Map<number, number>();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      byKind.set(request.kind, statuses);
    }
    const summary = [...byKind].map(([kind, statuses]) => `${kind}: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
    console.log(`${outcomes.length} requests in ${seconds.toFixed(1)} s (Direct Line ${edges.directLine ? 'on' : 'absent'})\n${summary.join('\n')}`);

    const serverErrors = outcomes.filter(({ request, status }) => (status >= 500 || status === 0));
    const examples = serverErrors.slice(0, 5).map(({ request, status }) => `${status} ${request.kind} ${request.method} ${request.path} ${String(request.body ?? '').slice(0, 300)}`);
    expect(examples).toEqual([]);
    expect(outcomes).toHaveLength(REQUESTS);

    // Still alive and still itself.
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(200);
    const after = await postActivity(running.baseUrl, messageActivity('after-fuzz', 'hi'));
    expect(after.status).toBe(200);
  });

  it('leaves a whole check-up working afterwards', async () => {
    const run = await driveCheck(async (text) => {
      const turn = await postActivity(running.baseUrl, messageActivity('after-fuzz-check', text));
      expect(turn.status).toBe(200);
      return turn.replies;
    });
    expect(run.turns).toBeGreaterThan(1);
  });

  it('answers an invoke it does not support with a 4xx, not 501', async () => {
    // As Teams sends it: not expectReplies, so the adapter answers with the invoke's own status.
    const invoke = messageActivity('fuzz-invoke', '', { type: 'invoke', name: 'task/fetch', value: {}, deliveryMode: undefined, serviceUrl: sinkUrl });
    const result = await postActivity(running.baseUrl, invoke);
    expect(result.status).toBeLessThan(500);
  });
});
