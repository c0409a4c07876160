import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/server';
import { RedisStorage } from '../../bot/storage/redisStorage';
import { EchoBot, openConversation } from '../directline/fixtures';
import { TestRedis } from './redisServer';

// The bot's own Direct Line on Redis: an outage is a 503 the page can retry, never a crash.

let redis: TestRedis;
let storage: RedisStorage;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  redis = await TestRedis.start();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    STATE_STORE: 'redis',
    REDIS_URL: redis.url,
    DIRECT_LINE_TOKEN_SECRET: 'one-key-every-instance-signs-with-000',
  });
  storage = new RedisStorage({ url: redis.url, ttlSeconds: 60, maxEntries: 100, commandTimeoutMs: 1_000, logger: pino({ level: 'silent' }), keyPrefix: 'dl-outage' });
  await storage.whenReady();
  const server = createServer({ config, adapter: createAdapter(config), bot: new EchoBot(), storage });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  await storage?.close();
  await redis?.stop();
});

it('answers polls and posts with 503 while Redis is away, and works again once it is back', async () => {
  const chat = await openConversation(base);
  expect(chat.started.status).toBe(201);
  await redis.pause();
  const poll = await fetch(chat.activitiesUrl, { headers: chat.headers });
  const post = await fetch(chat.activitiesUrl, { method: 'POST', headers: chat.headers, body: JSON.stringify({ type: 'message', text: 'hello', from: { id: 'p' } }) });
  for (const response of [poll, post]) {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  }
  await redis.resume();
  await storage.whenReady(10_000);
  // The test's Redis restarts empty (no persistence), so a new conversation shows it works again.
  const next = await openConversation(base);
  expect(next.started.status).toBe(201);
  const page = (await (await fetch(next.activitiesUrl, { headers: next.headers })).json()) as { activities: { text?: string }[] };
  expect(page.activities.map((activity) => activity.text)).toEqual(['welcome en-US']);
});
