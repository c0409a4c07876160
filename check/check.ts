import { ITEM_IDS, RISK_FACTOR_IDS, SYMPTOM_IDS, type ItemId, type Understanding } from '../knowledge';

// The check-up's own small vocabulary: who it is for, what was noted, how a step ended.
// Pure data and functions; the check's steps (step.ts) use them and the tests read them as tables.

export const SUBJECTS = ['self', 'child', 'someone'] as const;
export type Subject = (typeof SUBJECTS)[number];

export type Answer = 'yes' | 'no' | 'unsure';
/** What the person said about each item: ids and answers only, never their words. */
export type Notes = Partial<Record<ItemId, Answer>>;

export type ItemList = 'symptoms' | 'risks';
const LIST_ITEMS: Readonly<Record<ItemList, readonly ItemId[]>> = { symptoms: SYMPTOM_IDS, risks: RISK_FACTOR_IDS };

/** Names the metrics use too (bot/observability), so the two need no mapping table. */
export type ClosingReason = 'completed' | 'quit' | 'human' | 'emergency' | 'not_understood' | 'error';

/** How a step of the check ended: its result, or the reason the whole check must close now. */
export type Outcome<T> = { done: T } | { close: ClosingReason };

/** A question re-asked this many times without being understood goes to the closing. */
export const MAX_RETRIES = 2;
/**
 * Messages that do not move the check on (not understood, help, questions, explanations, language
 * switches), counted over the whole check. Past this the check closes with the appointment line,
 * so nobody can circle forever and every conversation has a bounded length.
 */
export const MAX_DETOURS = 8;
/** Corrections a read-back takes; one more sets it aside and its items are asked with buttons. */
export const MAX_CORRECTIONS = 4;
/** Items per question: small enough to read on a phone, few enough questions to stay short. */
export const MAX_GROUP_SIZE = 3;

/** Items of a list without an answer yet, in the source page's order. */
export function unanswered(list: ItemList, notes: Notes): ItemId[] {
  return LIST_ITEMS[list].filter((id) => notes[id] === undefined);
}

/** The next group to ask, sized evenly: 10 items go 3, 3, 2, 2; 4 go 2, 2. */
export function nextGroup(items: readonly ItemId[], maxSize = MAX_GROUP_SIZE): ItemId[] {
  if (items.length === 0) return [];
  const groups = Math.ceil(items.length / maxSize);
  return items.slice(0, Math.ceil(items.length / groups));
}

/** The same answer for every item. */
export function answerAll(items: readonly ItemId[], answer: Answer): Notes {
  return Object.fromEntries(items.map((id) => [id, answer]));
}

/** What a message reports and denies, as notes. */
export function notesFrom(understanding: Pick<Understanding, 'present' | 'absent'>): Notes {
  return { ...answerAll(understanding.absent, 'no'), ...answerAll(understanding.present, 'yes') };
}

/** Notes in the fixed item order (symptoms first), for read-backs and summaries. */
export function orderedNotes(notes: Notes): [ItemId, Answer][] {
  return ITEM_IDS.flatMap((id) => {
    const answer = notes[id];
    return answer ? [[id, answer] as [ItemId, Answer]] : [];
  });
}

export const isClose = <T>(outcome: Outcome<T>): outcome is { close: ClosingReason } => 'close' in outcome;

/** The outcome of a question that was never understood. */
export const GAVE_UP: Outcome<never> = { close: 'not_understood' };
