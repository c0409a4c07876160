import type { Activity, StoreItems } from 'botbuilder';
import { BoundedMemoryStorage } from '../../bot/storage/boundedMemoryStorage';
import { messageActivity, postActivity, startApp, type RunningApp } from '../ops/harness';
import { burstPhrases, checkWithBurst, expectNoAnswerLost } from './answerBursts';

// One process with the in-memory store, many requests of one conversation at once: each turn
// saves with the eTag it read, and one that finds a newer state is run again on it.

jest.setTimeout(180_000);

/**
 * The in-memory store answers within the same tick, so without help one process runs each turn
 * from read to save before the next request is even parsed, and turns never overlap. A millisecond
 * or two of latency on each call, as any store outside the process has, lets them overlap as they
 * do in production under load (a slow turn, a garbage collection).
 */
class SlowMemoryStorage extends BoundedMemoryStorage {
  private pause = () => new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 2));
  override async read(keys: string[]): Promise<StoreItems> {
    await this.pause();
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    await this.pause();
    return super.write(changes);
  }
}

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({}, { storage: new SlowMemoryStorage({ maxEntries: 10_000, ttlSeconds: 3_600 }) });
});
afterAll(async () => {
  await app?.stop();
});

async function send(conversationId: string, text: string): Promise<Partial<Activity>[]> {
  const result = await postActivity(app.baseUrl, messageActivity(conversationId, text));
  expect(result.status).toBe(200);
  return result.replies;
}

const metric = async (line: string): Promise<number> => {
  const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
  const found = text.split('\n').find((row) => row.startsWith(`${line} `));
  return Number(found?.split(' ')[1] ?? NaN);
};

it('loses no answer of 40 bursts of 2 to 5 answers sent at once', async () => {
  const rerunsBefore = await metric('allcheck_turn_reruns_total');
  for (let wave = 0; wave < 4; wave += 1) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const n = wave * 10 + i;
        const phrases = burstPhrases(n);
        const outcome = await checkWithBurst((text) => send(`memory-burst-${n}`, text), phrases);
        expectNoAnswerLost(outcome, phrases);
      }),
    );
  }
  // The bursts did meet: turns were run again, and none of those runs was seen or lost.
  expect((await metric('allcheck_turn_reruns_total')) - rerunsBefore).toBeGreaterThan(0);
});

it('counts each check that ended once, however many runs it took', async () => {
  const quitBefore = await metric('allcheck_checks_ended_total{reason="quit"}');
  const rerunsBefore = await metric('allcheck_turn_reruns_total');
  let closings = 0;
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const id = `memory-stop-${i}`;
      await send(id, 'hi');
      await send(id, 'Me');
      const replies = (await Promise.all([send(id, 'stop'), send(id, 'stop'), send(id, 'stop')])).flat();
      closings += replies.filter((reply) => reply.text?.startsWith('Okay, we can stop here.')).length;
    }),
  );
  expect(closings).toBeGreaterThanOrEqual(20);
  expect((await metric('allcheck_turn_reruns_total')) - rerunsBefore).toBeGreaterThan(0);
  // Counted when the turn is saved, not when a run (perhaps thrown away) sent its closing.
  expect((await metric('allcheck_checks_ended_total{reason="quit"}')) - quitBefore).toBe(closings);
});
