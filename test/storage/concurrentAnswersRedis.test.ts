import type { Activity } from 'botbuilder';
import { messageActivity, postActivity } from '../ops/harness';
import { burstPhrases, checkWithBurst, expectNoAnswerLost } from './answerBursts';
import { BotProcess } from './botProcess';
import { TestRedis } from './redisServer';

// Two instances of the bot (each its own bot/index.ts process) on one real redis-server, and the
// answers of one conversation sent at once to both: a double tap, two tabs, two texts. Each turn
// saves with the eTag it read (checked and written in one Lua script), and one that finds a newer
// state is run again on it, so every answer lands.

jest.setTimeout(600_000);

let redis: TestRedis;
const processes: BotProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await Promise.all(processes.splice(0).map((bot) => bot.terminate()));
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
  const env = {
    STATE_STORE: 'redis',
    REDIS_URL: redis.url,
    DIRECT_LINE_TOKEN_SECRET: 'one-key-every-instance-signs-with-000',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '100000',
    RATE_LIMIT_CLIENT_PER_MINUTE: '1000000',
  };
  const instances = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
  processes.push(...instances);

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
