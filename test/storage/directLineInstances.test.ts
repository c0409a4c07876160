import type { Activity } from 'botbuilder';
import { APPOINTMENT_PHONE, driveCheck } from './conversationDriver';
import { BotProcess } from './botProcess';
import { TestRedis } from './redisServer';

// The bot's own Direct Line behind a load balancer without sticky sessions: Web Chat's posts
// and polls land on whichever instance, and one instance may die between them.

jest.setTimeout(180_000);

type StreamActivity = Partial<Activity> & { id: string };

let redis: TestRedis;
const processes: BotProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await Promise.all(processes.map((bot) => bot.terminate()));
  await redis?.stop();
});

const seqOf = (id: string) => Number(id.split('|')[1]);

it('serves one web chat from two instances, posting to one and polling the other, and survives one being killed', async () => {
  const env = {
    STATE_STORE: 'redis',
    REDIS_URL: redis.url,
    DIRECT_LINE_TOKEN_SECRET: 'one-key-every-instance-signs-with-000',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
  };
  const instances = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
  processes.push(...instances);
  const [first, second] = instances as [BotProcess, BotProcess];

  const session = (await (await fetch(`${first.baseUrl}/webchat/session`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const headers = { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' };
  const path = `/v3/directline/conversations/${session.conversationId}`;
  expect((await fetch(`${first.baseUrl}/v3/directline/conversations`, { method: 'POST', headers, body: '{"locale":"en-US"}' })).status).toBe(201);
  // A reconnect through the other instance must not greet again.
  expect((await fetch(`${second.baseUrl}/v3/directline/conversations`, { method: 'POST', headers, body: '{"locale":"en-US"}' })).status).toBe(200);

  const seen: StreamActivity[] = [];
  let watermark = '';
  let turn = 0;
  let alive: BotProcess[] = [first, second];
  const run = await driveCheck(async (text) => {
    turn += 1;
    if (turn === 4) {
      await second.kill();
      alive = [first];
    }
    const postTo = alive[turn % alive.length] as BotProcess;
    const pollFrom = alive[(turn + 1) % alive.length] as BotProcess;
    const posted = await fetch(`${postTo.baseUrl}${path}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', text, from: { id: 'person' }, locale: 'en-US' }),
    });
    expect(posted.status).toBe(200);
    const page = (await (await fetch(`${pollFrom.baseUrl}${path}/activities?watermark=${watermark}`, { headers })).json()) as {
      activities: StreamActivity[];
      watermark: string;
    };
    watermark = page.watermark;
    seen.push(...page.activities);
    return page.activities.filter((activity) => activity.from?.role === 'bot');
  });

  expect(run.texts.at(-1)).toContain(APPOINTMENT_PHONE);
  expect(turn).toBeGreaterThan(4);
  // Nothing missing, nothing twice: the activities read are numbered 1, 2, 3, … without a gap.
  expect(seen.map((activity) => seqOf(activity.id))).toEqual(seen.map((_, i) => i + 1));
  expect(seen.filter((activity) => activity.text?.startsWith('Hi! I can walk you through')).length).toBe(1);
  expect(Number(watermark)).toBe(seen.length);
});
