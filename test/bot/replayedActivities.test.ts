import type { Activity } from 'botbuilder';
import { messageActivity, postActivity, startApp, type RunningApp } from '../ops/harness';

// A channel may deliver an activity twice (a retry after a lost response): the same id runs once.

let running: RunningApp;
beforeEach(async () => {
  running = await startApp();
});
afterEach(() => running.stop());

const send = async (conversationId: string, text: string, id?: string) => {
  const result = await postActivity(running.baseUrl, messageActivity(conversationId, text, id ? { id } : {}));
  expect(result.status).toBe(200);
  return result.replies;
};
const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '');

it('the same activity id posted twice runs once: the second gets 200 and no reply', async () => {
  await send('replay-1', 'hi', 'activity-1');
  const first = await send('replay-1', 'Me', 'activity-2');
  expect(texts(first).join('\n')).toMatch(/safety question/);
  const again = await send('replay-1', 'Me', 'activity-2');
  expect(again).toEqual([]);
  // Had "Me" run again it would have answered the safety question ("Please pick the one that is happening").
  expect(texts(await send('replay-1', 'None of these', 'activity-3')).join('\n')).toMatch(/how have you been feeling/);
});

it('two copies at once run once', async () => {
  await send('replay-2', 'hi', 'activity-1');
  const [one, two] = await Promise.all([send('replay-2', 'Me', 'activity-2'), send('replay-2', 'Me', 'activity-2')]);
  expect([one!.length, two!.length].sort()).toEqual([0, 1]);
});

it('the same id in another conversation is another message', async () => {
  await send('replay-3', 'hi', 'shared-id');
  expect(texts(await send('replay-4', 'hi', 'shared-id')).join('\n')).toMatch(/Who is this check for/);
});

it('messages without an id all run', async () => {
  await send('replay-5', 'hi');
  await send('replay-5', 'Me');
  expect(texts(await send('replay-5', 'Me')).join('\n')).toMatch(/Please pick the one that is happening/);
});
