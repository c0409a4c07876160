import type { Activity } from 'botbuilder';
import type { ItemId } from '../../knowledge';

// Several answers sent at once in one conversation (a double tap, two tabs, two texts, two
// instances behind a balancer), and what must come of them: every answer applied, one after the
// other, and nobody shown a reply of a run that was thrown away.

/** Things a person says in their own words, each naming one symptom, and the symptom it names. */
export const SYMPTOM_PHRASES: readonly (readonly [string, ItemId])[] = [
  ['my bones hurt', 'bone_pain'],
  ['I have a fever', 'fever'],
  ['my gums bleed', 'bleeding_gums'],
  ['I bruise easily', 'easy_bruising'],
  ['I feel tired all the time', 'fatigue'],
];

/** The n-th burst: 2 to 5 of the phrases, in an order that changes from burst to burst. */
export function burstPhrases(n: number): (readonly [string, ItemId])[] {
  const size = 2 + (n % 4);
  const start = (n * 3) % SYMPTOM_PHRASES.length;
  const rotated = [...SYMPTOM_PHRASES.slice(start), ...SYMPTOM_PHRASES.slice(0, start)];
  return (n % 2 ? rotated.reverse() : rotated).slice(0, size);
}

/** One turn in a conversation; `lane` picks the instance (or is ignored with one). */
export type Send = (text: string, lane: number) => Promise<Partial<Activity>[]>;

type CheckData = { noted?: Record<string, string>; answers?: Record<string, string> };
const checkData = (reply: Partial<Activity>) => (reply.channelData as { check?: CheckData } | undefined)?.check;

export interface BurstOutcome {
  /** The replies to each message of the burst, in the order they were sent. */
  burstReplies: Partial<Activity>[][];
  /** The items the read-back showed in each burst reply (one read-back per reply when all is well). */
  notedCounts: number[][];
  /** The items the closing summary records as "yes". */
  summaryYes: string[];
  texts: string[];
}

/**
 * A check up to the open question ("how have you been feeling?"), then the burst, all at once and
 * spread over the lanes: the first answer to be saved answers the question, the others add to its
 * read-back. Then "Yes, that's right" and "None of these" to the end, for the summary's record.
 */
export async function checkWithBurst(send: Send, phrases: readonly (readonly [string, ItemId])[]): Promise<BurstOutcome> {
  const texts: string[] = [];
  const keep = (replies: Partial<Activity>[]) => {
    texts.push(...replies.flatMap((reply) => (reply.text ? [reply.text] : [])));
    return replies;
  };
  keep(await send('hi', 0));
  keep(await send('Me', 1));
  keep(await send('None of these', 0));
  const burstReplies = await Promise.all(phrases.map(([text], lane) => send(text, lane).then(keep)));
  const notedCounts = burstReplies.map((replies) => replies.flatMap((reply) => (checkData(reply)?.noted ? [Object.keys(checkData(reply)!.noted!).length] : [])));
  let replies = keep(await send("Yes, that's right", 1));
  for (let turn = 0; turn < 10 && !replies.some((reply) => checkData(reply)?.answers); turn += 1) {
    replies = keep(await send('None of these', turn));
  }
  const answers = replies.map(checkData).find((data) => data?.answers)?.answers ?? {};
  const summaryYes = Object.entries(answers)
    .filter(([, answer]) => answer === 'yes')
    .map(([item]) => item)
    .sort();
  return { burstReplies, notedCounts, summaryYes, texts };
}

/**
 * What every burst must show: each message got exactly one read-back, their sizes are 1, 2, ...
 * up to the burst's size (each answer applied on top of the ones saved before it: a lost update
 * shows as two of the same size, a thrown-away run's reply as one too many), and the summary
 * records every symptom named.
 */
export function expectNoAnswerLost(outcome: BurstOutcome, phrases: readonly (readonly [string, ItemId])[]): void {
  expect(outcome.notedCounts.map((counts) => counts.length)).toEqual(phrases.map(() => 1));
  expect(outcome.notedCounts.flat().sort((a, b) => a - b)).toEqual(phrases.map((_, i) => i + 1));
  expect(outcome.summaryYes).toEqual(phrases.map(([, item]) => item).sort());
}
