import { isMarker } from './normalize';

// A short reply to a yes/no question as a rule over word classes, not as a list of every
// combination: an answer word ("yes", "nope", "no sé", "simón") with tags around it that change
// nothing (an address "mate", "mija"; emphasis "100", "sadly"; a hedge "I think", "creo"; fillers),
// a pronoun and an auxiliary ("he does", "I am", "sí tiene"), and repetition ("no no no"). Every
// word must belong to one of these, so a message that says anything else is no short answer.

export type ShortAnswer = 'yes' | 'no' | 'unsure';

/** What a unit of words is in a short answer. */
export type AnswerUnit = ShortAnswer | 'tag' | 'pronoun' | 'auxiliary';

/** The word classes of short answers for one language, built from the lexicon (knowledge/compile.ts). */
export interface AnswerShapes {
  /** A phrase ("not that i have noticed", "mate", "he") -> what it is; answers win over tags. */
  units: ReadonlyMap<string, AnswerUnit>;
  /** The longest phrase in `units`, in words. */
  longest: number;
  /** Words that turn an auxiliary into a no: "he does not", "I have not". */
  negators: ReadonlySet<string>;
  /** Words of knowing ("know", "sure", "saber"): a negation before them makes a doubt. */
  knowing: ReadonlySet<string>;
  /** Openers of a no by not noticing ("not that", "que"), as words. */
  notThat: readonly (readonly string[])[];
  /** Words of noticing that close it ("noticed", "dado cuenta"), as words. */
  noticing: readonly (readonly string[])[];
}

/** A reply longer than this is more than a short answer, whatever its words. */
const MAX_WORDS = 12;

type Found = { units: number; kinds: ReadonlySet<ShortAnswer> };

/** The units that can start at `at`: [length, what they say for the answer (null: nothing)]. */
function unitsAt(words: readonly string[], at: number, shapes: AnswerShapes, pronounSaysYes: boolean): [number, ShortAnswer | null][] {
  const found: [number, ShortAnswer | null][] = [];
  for (let length = 1; length <= Math.min(shapes.longest, words.length - at); length++) {
    const unit = length === 1 ? unitOfWord(shapes, words[at]!) : shapes.units.get(words.slice(at, at + length).join(' '));
    if (unit) found.push([length, unit === 'yes' || unit === 'no' || unit === 'unsure' ? unit : null]);
  }
  const first = shapes.units.get(words[at]!);
  const second = words[at + 1] === undefined ? undefined : shapes.units.get(words[at + 1]!);
  // "has not", "does not": an auxiliary with a negation after it says no.
  if (first === 'auxiliary' && shapes.negators.has(words[at + 1] ?? '')) found.push([2, 'no']);
  // "he does", "I am", "she has": a pronoun and an auxiliary say yes, unless a negation follows
  // ("she has not") or comes before, as Spanish puts it ("no le he visto nada").
  const negated = shapes.negators.has(words[at + 2] ?? '') || shapes.negators.has(words[at - 1] ?? '');
  if (pronounSaysYes && first === 'pronoun' && second === 'auxiliary' && !negated) found.push([2, 'yes']);
  const doubt = doubtAt(words, at, shapes);
  if (doubt > 0) found.push([doubt, 'unsure']);
  const unnoticed = notNoticedAt(words, at, shapes);
  if (unnoticed > 0) found.push([unnoticed, 'no']);
  return found;
}

/** Whether `phrase` is written at `at` in `words`. */
const phraseAt = (phrase: readonly string[], words: readonly string[], at: number) => phrase.every((word, k) => words[at + k] === word);

/**
 * "not that I've ever noticed", "not as far as I know", "que yo sepa", "que yo me haya dado
 * cuenta": an opener, at most a few pronouns, auxiliaries or tags, then a word of noticing says
 * no. The length of that unit, or 0.
 */
function notNoticedAt(words: readonly string[], at: number, shapes: AnswerShapes): number {
  for (const opener of shapes.notThat) {
    if (!phraseAt(opener, words, at)) continue;
    for (let next = at + opener.length; next <= at + opener.length + MAX_BEFORE_KNOWING && next < words.length; next++) {
      const noticed = shapes.noticing.find((phrase) => phraseAt(phrase, words, next));
      if (noticed) return next + noticed.length - at;
      const unit = shapes.units.get(words[next]!);
      if (unit !== 'pronoun' && unit !== 'auxiliary' && unit !== 'tag') break;
    }
  }
  return 0;
}

/**
 * A word's unit, or that of the word said long: "noo", "yess", "nopee", "obvioo" (normalising keeps
 * two of a letter typed three times or more, so "nooooo" arrives as "noo").
 */
function unitOfWord(shapes: AnswerShapes, word: string): AnswerUnit | undefined {
  const unit = shapes.units.get(word);
  if (unit !== undefined || !/(.)\1/.test(word)) return unit;
  return shapes.units.get(word.replace(/(.)\1+/g, '$1'));
}

/** At most this many pronouns, auxiliaries or tags between a negation and a word of knowing. */
const MAX_BEFORE_KNOWING = 3;

/**
 * "not sure", "don't rightly know", "could not tell you", "no sabría decirle": a negation, then a
 * word of knowing with at most a few pronouns, auxiliaries or tags between, is a doubt however it is
 * worded. The length of that unit, or 0.
 */
function doubtAt(words: readonly string[], at: number, shapes: AnswerShapes): number {
  if (!shapes.negators.has(words[at]!)) return 0;
  for (let step = 1; step <= MAX_BEFORE_KNOWING + 1 && at + step < words.length; step++) {
    const word = words[at + step]!;
    if (shapes.knowing.has(word)) return step + 1;
    const unit = shapes.units.get(word);
    if (unit !== 'pronoun' && unit !== 'auxiliary' && unit !== 'tag') return 0;
  }
  return 0;
}

/**
 * The answer a whole message gives, or null when some word is no part of a short answer. The
 * message is cut into the fewest units; a doubt anywhere makes it unsure ("maybe yes maybe no"),
 * yes and no together ('mixed') say nothing. A pronoun and an auxiliary say yes only where they
 * are the whole reply: at the start of a longer message "that's" or "she's" opens a statement.
 */
export function readShortAnswer(words: readonly string[], shapes: AnswerShapes, pronounSaysYes = true): ShortAnswer | 'mixed' | null {
  const plain = words.filter((word) => !isMarker(word));
  if (plain.length === 0 || plain.length > MAX_WORDS) return null;
  const best: (Found | undefined)[] = [{ units: 0, kinds: new Set() }];
  for (let at = 0; at < plain.length; at++) {
    const here = best[at];
    if (!here) continue;
    for (const [length, says] of unitsAt(plain, at, shapes, pronounSaysYes)) {
      const there = best[at + length];
      if (there && there.units <= here.units + 1) continue;
      best[at + length] = { units: here.units + 1, kinds: says ? new Set([...here.kinds, says]) : here.kinds };
    }
  }
  const kinds = best[plain.length]?.kinds;
  if (!kinds || kinds.size === 0) return null;
  if (kinds.has('unsure')) return 'unsure';
  return kinds.size === 1 ? [...kinds][0]! : 'mixed';
}

/** The answers said anywhere in some words, each position read by its longest unit: "not the little man" -> {no}. */
export function answersIn(words: readonly string[], shapes: AnswerShapes): Set<ShortAnswer> {
  const found = new Set<ShortAnswer>();
  for (let at = 0; at < words.length; ) {
    const units = unitsAt(words, at, shapes, false);
    const [length, says] = units.reduce<[number, ShortAnswer | null]>((longest, unit) => (unit[0] > longest[0] ? unit : longest), [1, null]);
    if (says) found.add(says);
    at += length;
  }
  return found;
}
