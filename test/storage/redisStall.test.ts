import type { Activity } from 'botbuilder';
import { translate } from '../../locales/i18n';
import { messageActivity, postActivity } from '../ops/harness';
import { BotProcess, redisInstanceEnv } from './botProcess';
import { APPOINTMENT_PHONE } from './conversationDriver';
import { TestRedis } from './redisServer';

// A stall is not a reset: redis-server frozen (SIGSTOP) for 3 s while people are mid-check. Their
// messages in that time fail on the bot's command timeout; each gets "send it again", keeps its
// check, and carries on where it was once Redis answers again.

jest.setTimeout(300_000);

const t = translate('en');
const WELCOME = t('welcome.notice');
const SEND_AGAIN = t('sendAgain.text', { phoneLink: `[${APPOINTMENT_PHONE}](tel:+18886633488)` });

let redis: TestRedis;
let bot: BotProcess;

beforeAll(async () => {
  redis = await TestRedis.start();
  bot = await BotProcess.start(redisInstanceEnv(redis.url, { REDIS_COMMAND_TIMEOUT_MS: '1000' }));
});
afterAll(async () => {
  await bot?.terminate();
  await redis?.stop();
});

const checkData = (reply: Partial<Activity>) =>
  (reply.channelData as { check?: { asking?: string[]; answers?: Record<string, string>; ended?: string } } | undefined)?.check;

class Person {
  readonly texts: string[] = [];
  /** How each check of this conversation ended, as the closings' channel data says. */
  readonly endings: string[] = [];
  constructor(readonly conversationId: string) {}

  async say(text: string): Promise<Partial<Activity>[]> {
    const result = await postActivity(bot.baseUrl, messageActivity(this.conversationId, text));
    expect(result.status).toBe(200);
    this.texts.push(...result.replies.flatMap((reply) => (reply.text ? [reply.text] : [])));
    this.endings.push(...result.replies.flatMap((reply) => checkData(reply)?.ended ?? []));
    return result.replies;
  }

  /** The question on screen, by the items it asks about. */
  static asking(replies: Partial<Activity>[]): string[] | undefined {
    return replies.map(checkData).find((data) => data?.asking)?.asking;
  }
}

async function metric(line: string): Promise<number> {
  const text = await (await fetch(`${bot.baseUrl}/metrics`)).text();
  return Number(text.split('\n').find((row) => row.startsWith(`${line} `))?.split(' ')[1] ?? NaN);
}

it('keeps every check through a 3 s Redis stall: "send it again", then on from the same question', async () => {
  const people = Array.from({ length: 10 }, (_, i) => new Person(`stall-${i}`));
  // Mid-check: a symptom noted and confirmed, the first group of the list on screen.
  const firstGroups = await Promise.all(
    people.map(async (person) => {
      await person.say('hi');
      await person.say('Me');
      await person.say('None of these');
      await person.say('I have a fever');
      return Person.asking(await person.say("Yes, that's right"));
    }),
  );
  for (const group of firstGroups) expect(group).toEqual(['bone_pain', 'bleeding_gums', 'pale_skin']);
  const errorsBefore = await metric('allcheck_checks_ended_total{reason="error"}');

  // Everyone answers while Redis is frozen.
  const stall = redis.stall(3_000);
  const during = await Promise.all(people.map((person) => person.say('None of these')));
  await stall;
  for (const replies of during) {
    expect(replies.map((reply) => reply.text)).toEqual([SEND_AGAIN]);
    expect(checkData(replies[0]!)?.ended).toBeUndefined();
  }
  while ((await fetch(`${bot.baseUrl}/readyz`)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));

  // Sent again: the same answer moves the same check on to its next group.
  const after = await Promise.all(people.map(async (person) => Person.asking(await person.say('None of these'))));
  for (const group of after) expect(group).toEqual(['easy_bruising', 'petechiae', 'fatigue']);

  // To the end: the summary holds the symptom noted before the stall and every "no" since.
  for (const person of people) {
    let replies = await person.say('None of these');
    for (let turn = 0; turn < 8 && !replies.some((reply) => checkData(reply)?.answers); turn += 1) replies = await person.say('None of these');
    const answers = replies.map(checkData).find((data) => data?.answers)?.answers;
    expect(answers).toMatchObject({ fever: 'yes', bone_pain: 'no', bleeding_gums: 'no', pale_skin: 'no', easy_bruising: 'no', petechiae: 'no', fatigue: 'no' });
    // Never wiped: one welcome in the whole conversation, no error closing.
    expect(person.texts.filter((text) => text === WELCOME)).toHaveLength(1);
    expect(person.endings).toEqual(['completed']);
  }
  expect(await metric('allcheck_checks_ended_total{reason="error"}')).toBe(errorsBefore);
});
