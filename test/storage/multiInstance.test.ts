import type { Activity } from 'botbuilder';
import { translate } from '../../locales/i18n';
import { messageActivity, postActivity, startApp, type RunningApp } from '../ops/harness';
import { APPOINTMENT_PHONE, driveCheck } from './conversationDriver';
import { BotProcess } from './botProcess';
import { TestRedis } from './redisServer';

// Several instances of the bot on one Redis, as behind a load balancer without sticky sessions.

// Three bot processes and 200 conversations on a busy 2-core machine: slow is not failed.
jest.setTimeout(360_000);

const TOKEN_SECRET = 'one-key-every-instance-signs-with-000';

let redis: TestRedis;
const running = new Set<RunningApp>();
const processes: BotProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterEach(async () => {
  await Promise.all([...running].map((app) => app.stop()));
  running.clear();
  await Promise.all(processes.splice(0).map((bot) => bot.terminate()));
});
afterAll(async () => {
  await redis?.stop();
});

async function instance(): Promise<RunningApp> {
  // A long shutdown window: 200 conversations in one test process make single turns slow.
  const app = await startApp({ STATE_STORE: 'redis', REDIS_URL: redis.url, DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET, REDIS_COMMAND_TIMEOUT_MS: '1000', SHUTDOWN_TIMEOUT_MS: '60000' });
  running.add(app);
  return app;
}

/** One turn over HTTP, checked for crossed wires: every reply must belong to this conversation. */
async function turn(baseUrl: string, conversationId: string, text: string): Promise<Partial<Activity>[]> {
  const result = await postActivity(baseUrl, messageActivity(conversationId, text));
  expect(result.status).toBe(200);
  for (const reply of result.replies) expect(reply.conversation?.id).toBe(conversationId);
  return result.replies;
}

const WELCOME = 'Hi! I can walk you through';
// The turn-error apology: a conversation that met it did not go through cleanly.
const SORRY = 'Sorry, something went wrong';
const welcomes = (texts: string[]) => texts.filter((text) => text.startsWith(WELCOME)).length;

it('continues one conversation turn by turn across two instances', async () => {
  const instances = [await instance(), await instance()];
  let next = 0;
  const run = await driveCheck((text) => turn((instances[next++ % 2] as RunningApp).baseUrl, 'alternating-1', text));
  expect(run.turns).toBeGreaterThan(3);
  // Had either instance missed the other's state, the check would have started over.
  expect(welcomes(run.texts)).toBe(1);
});

it('serves 200 concurrent conversations over two instances while one is replaced', async () => {
  // Separate processes, each its own bot/index.ts, as a deployment runs them.
  const env = {
    STATE_STORE: 'redis',
    REDIS_URL: redis.url,
    DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET,
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
  };
  const live: BotProcess[] = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
  processes.push(...live);
  const pending = new Map<BotProcess, number>();
  let turnsServed = 0;
  let next = 0;
  // The balancer: round robin over the instances in rotation right now, counting what it has
  // sent to each and not yet had answered.
  const balanced = (conversationId: string) => async (text: string) => {
    turnsServed += 1;
    const target = live[next++ % live.length] as BotProcess;
    pending.set(target, (pending.get(target) ?? 0) + 1);
    try {
      return await turn(target.baseUrl, conversationId, text);
    } finally {
      pending.set(target, (pending.get(target) ?? 0) - 1);
    }
  };

  let exitCode: number | null = -1;
  const replaceOneMidway = (async () => {
    while (turnsServed < 500) await new Promise((resolve) => setTimeout(resolve, 10));
    const leaving = live.shift() as BotProcess;
    // As a balancer retiring an instance: out of rotation, let what it already sent there be
    // answered (connection draining), then SIGTERM, then a fresh instance in its place.
    while ((pending.get(leaving) ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    exitCode = await leaving.terminate();
    // A fresh instance starts while the other serves 200 people: on a busy machine that takes a while.
    const fresh = await BotProcess.start(env, { readyTimeoutMs: 180_000 });
    processes.push(fresh);
    live.push(fresh);
  })();

  const runs = await Promise.all(Array.from({ length: 200 }, (_, i) => driveCheck(balanced(`concurrent-${i}`), { pick: 'last' })));
  await replaceOneMidway;

  expect(exitCode).toBe(0);
  expect(runs).toHaveLength(200);
  for (const run of runs) {
    expect(run.texts.filter((text) => text.includes(SORRY))).toEqual([]);
    expect(run.texts.some((text) => text.includes(APPOINTMENT_PHONE))).toBe(true);
    expect(welcomes(run.texts)).toBe(1);
  }
  expect(turnsServed).toBeGreaterThan(1_000);
});

// While Redis is down the check is kept (bot/turnError.ts): the person is asked to send their
// message again, with the appointment line in case it stays down.
it('answers "send it again" with the appointment line and no 5xx while Redis is down, then carries on', async () => {
  const app = await instance();
  await turn(app.baseUrl, 'outage-1', 'hi');
  await redis.pause();

  const during = await postActivity(app.baseUrl, messageActivity('outage-1', 'I bruise easily'));
  expect(during.status).toBeLessThan(500);
  const texts = during.replies.map((reply) => reply.text ?? '').join('\n');
  expect(texts).toContain(APPOINTMENT_PHONE);
  expect(texts).toContain(translate('en')('sendAgain.text', { phoneLink: `[${APPOINTMENT_PHONE}](tel:+18886633488)` }));
  expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(503);

  await redis.resume();
  await (app.app.storage as unknown as { whenReady(ms: number): Promise<void> }).whenReady(10_000);
  expect((await fetch(`${app.baseUrl}/readyz`)).status).toBe(200);
  const after = await turn(app.baseUrl, 'outage-1', 'hi');
  expect(after.length).toBeGreaterThan(0);
});
