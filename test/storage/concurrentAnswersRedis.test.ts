import type { Activity } from 'botbuilder';
import { messageActivity, postActivity } from '../ops/harness';
import { burstPhrases, checkWithBurst, expectNoAnswerLost } from './answerBursts';
import { BotProcess, redisInstanceEnv } from './botProcess';
import { TestRedis } from './redisServer';

// Two instances of the bot (each its own bot/index.ts process) on one real redis-server, and the
// answers of one conversation sent at once to both: a double tap, two tabs, two texts. Each turn
// saves with the eTag it read (checked and written in one Lua script), and one that finds a newer
// state is run again on it, so every answer lands.

jest.setTimeout(600_000);

let redis: TestRedis;
let instances: BotProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
  const env = redisInstanceEnv(redis.url);
  // Started one by one: a process that fails to start must not leave the other running unseen.
  for (let i = 0; i < 2; i += 1) instances.push(await BotProcess.start(env));
});
afterAll(async () => {
  await Promise.all(instances.map((bot) => bot.terminate()));
  instances = [];
  await redis?.stop();
});

async function send(bot: BotProcess, conversationId: string, text: string): Promise<Partial<Activity>[]> {
  const result = await postActivity(bot.baseUrl, messageActivity(conversationId, text));
  expect(result.status).toBe(200);
  for (const reply of result.replies) expect(reply.conversation?.id).toBe(conversationId);
  return result.replies;
}

async function reruns(bot: BotProcess): Promise<number> {
  const text = await (await fetch(`${bot.baseUrl}/metrics`)).text();
  return Number(/^allcheck_turn_reruns_total (\d+)/m.exec(text)?.[1] ?? NaN);
}

it('loses no answer of 100 bursts of 2 to 5 answers sent at once to two instances', async () => {
  const failures: string[] = [];
  // Ten conversations at a time, each with its own burst; answers alternate between instances.
  for (let wave = 0; wave < 10; wave += 1) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const n = wave * 10 + i;
        const phrases = burstPhrases(n);
        const conversationId = `redis-burst-${n}`;
        const outcome = await checkWithBurst((text, lane) => send(instances[lane % 2]!, conversationId, text), phrases);
        try {
          expectNoAnswerLost(outcome, phrases);
        } catch (error) {
          failures.push(`${conversationId} (${phrases.map(([text]) => text).join(' | ')}):\n${(error as Error).message}\n${outcome.texts.join('\n---\n')}`);
        }
      }),
    );
  }
  expect(failures).toEqual([]);
  // The bursts did meet, on both instances: turns were run again, and none of them lost or shown.
  const rerunCounts = await Promise.all(instances.map(reruns));
  expect(rerunCounts.every((count) => count > 0)).toBe(true);
});

it('runs a message delivered to both instances at once only once', async () => {
  const ran: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const conversationId = `redis-twice-${i}`;
    await send(instances[0]!, conversationId, 'hi');
    const me = messageActivity(conversationId, 'Me', { id: `delivery-${i}` });
    const copies = await Promise.all(instances.map((bot) => postActivity(bot.baseUrl, me)));
    expect(copies.map((copy) => copy.status)).toEqual([200, 200]);
    ran.push(copies.filter((copy) => copy.replies.length > 0).length);
    // Where the one run left it: the safety question, answered now.
    const next = await send(instances[1]!, conversationId, 'None of these');
    expect(next.map((reply) => reply.text).join('\n')).toMatch(/how have you been feeling/);
  }
  expect(ran).toEqual(ran.map(() => 1));
});
