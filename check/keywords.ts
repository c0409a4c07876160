import {
  AFTER_CLOSING_REPLIES, COMMAND_KINDS, HARD_QUESTIONS, LOCALES, REPLY_KINDS, expandShorthand, normalizeWords, replyVocabulary, knowledgeLexicons,
  type Locale, type NormalizedWords, type RepliesData,
} from '../knowledge';

// The words people type to steer the conversation ("stop", "español", "none of these"), as data in
// knowledge/data/replies.*.json (fillers from the lexicons). Both languages are
// always matched: a person may write "salir" while the check is in English, and a stale button
// from before a language switch may still be tapped.

export type CommandKind = (typeof COMMAND_KINDS)[number];
export type ReplyKind = (typeof REPLY_KINDS)[number];

interface PhraseList {
  exact: readonly string[];
  contains: readonly string[];
}

/** Text as normalise() leaves it; the type stops raw text reaching a phrase list by mistake. */
export type Normalised = NormalizedWords;

/** Lower-case, accents off, apostrophes dropped, other punctuation as spaces (knowledge's normalizeWords). */
export const normalise = normalizeWords;

/** The words of normalised text, each normalised too. */
const wordsOf = (normalised: Normalised) => normalised.split(' ') as Normalised[];

class Phrases {
  private readonly exact: ReadonlySet<string>;
  private readonly contained: readonly string[];

  constructor(lists: PhraseList[]) {
    this.exact = new Set(lists.flatMap((list) => [...list.exact, ...list.contains]).map(normalise));
    this.contained = lists.flatMap((list) => list.contains).map((phrase) => ` ${normalise(phrase)} `);
  }

  /** True when the whole message is one of the phrases, or contains a "contains" phrase as whole words. */
  matches(normalised: Normalised): boolean {
    if (this.exact.has(normalised)) return true;
    const padded = ` ${normalised} `;
    return this.contained.some((phrase) => padded.includes(phrase));
  }
}

const padded = (normalised: Normalised) => ` ${normalised} `;

/** Every phrase table, built from the knowledge base's data once, on first use. */
function buildTables() {
  const files: RepliesData[] = LOCALES.map((locale) => replyVocabulary()[locale]);
  const lexicons = LOCALES.map((locale) => knowledgeLexicons()[locale]);
  const phrasesFor = (pick: (file: RepliesData) => PhraseList) => new Phrases(files.map(pick));
  const wordSet = (pick: (file: RepliesData) => readonly string[]) => new Set(files.flatMap(pick).map(normalise));
  const paddedPhrases = (pick: (file: RepliesData) => readonly string[]) => files.flatMap(pick).map((phrase) => ` ${normalise(phrase)} `);
  const byKind = <K extends string>(keys: readonly K[], pick: (file: RepliesData, key: K) => PhraseList) => new Map(keys.map((key) => [key, phrasesFor((file) => pick(file, key))]));
  return {
    // Order matters: "talk to a person, I want to stop" asks for a person before it asks to stop.
    commands: byKind(COMMAND_KINDS, (file, kind) => file.commands[kind]),
    languages: byKind(LOCALES, (file, locale) => file.language[locale]),
    replies: byKind(REPLY_KINDS, (file, kind) => file.replies[kind]),
    hardQuestions: byKind(HARD_QUESTIONS, (file, kind) => file.questions[kind]),
    afterClosing: byKind(AFTER_CLOSING_REPLIES, (file, kind) => file.afterClosing[kind]),
    onlyWords: wordSet((file) => file.only),
    pickWords: wordSet((file) => file.pickWords),
    /** "second" → 1, "segunda" → 1. */
    ordinalWords: new Map(files.flatMap((file) => file.ordinals.flatMap((words, position) => words.map((word) => [normalise(word), position] as const)))),
    ordinalBefore: wordSet((file) => file.ordinalMarks.before),
    ordinalAfter: wordSet((file) => file.ordinalMarks.after),
    personAsks: paddedPhrases((file) => file.personRequest.asks),
    personReach: paddedPhrases((file) => file.personRequest.reach),
    personPeople: paddedPhrases((file) => file.personRequest.people),
    personAdvice: paddedPhrases((file) => file.personRequest.advice),
    personNamed: paddedPhrases((file) => file.personRequest.people.filter((person) => !file.personRequest.qualifiers.includes(person))),
    carryOn: phrasesFor((file) => ({ exact: [], contains: file.carryOn })),
    stopWords: Object.fromEntries(
      (['stop', 'here', 'lets', 'notWant', 'resume', 'later', 'tails', 'notAfter', 'notBefore'] as const).map((part) => [part, files.flatMap((file) => file.stopRequest[part]).map((phrase) => wordsOf(normalise(phrase)))]),
    ) as Record<keyof RepliesData['stopRequest'], Normalised[][]>,
    fillerWords: new Set([...lexicons.flatMap((lexicon) => lexicon.fillers), ...files.flatMap((file) => file.whoFillers)].map(normalise)),
    laughWords: wordSet((file) => file.laughter),
    hedges: [
      ['strong', paddedPhrases((file) => file.hedges.strong)],
      ['soft', paddedPhrases((file) => file.hedges.soft)],
    ] as ReadonlyArray<[Hedge, string[]]>,
    // "no sé" alone is a hedge; inside a sentence ("no se me quita la fiebre") it is not. The
    // lexicons' doubts said on their own are also understanding's unsure answers: one list.
    aloneHedges: new Set(lexicons.flatMap((lexicon) => lexicon.answers.doubt).map(normalise)),
    softHedges: wordSet((file) => file.hedges.soft),
    removeWords: paddedPhrases((file) => file.remove),
    itemWordsByLocale: files.map((file) => Object.entries(file.itemWords).map(([id, words]) => [id, new Set(words.map(normalise))] as const)),
    otherItemWords: wordSet((file) => file.otherItems),
    /** Each language's texting shorthand ("xfa" -> "por favor", "u" -> "you"), as the lexicons write it. */
    shorthands: lexicons.map((lexicon) => new Map(Object.entries(lexicon.shorthand).map(([short, full]) => [short, full.split(' ')]))),
  };
}
let builtTables: ReturnType<typeof buildTables> | undefined;
const tables = () => (builtTables ??= buildTables());

/** Builds the phrase tables now (at start-up, after loadKnowledge), so the first message does not wait for them. */
export function loadReplyWords(): void {
  tables();
}

/** The first key, in the table's order, whose phrases the message says. */
function firstMatching<K>(table: ReadonlyMap<K, Phrases>, normalised: Normalised): K | null {
  for (const [key, phrases] of table) if (phrases.matches(normalised)) return key;
  return null;
}

/** A request to switch language ("español", "in English"), in either language. */
export function findLanguageRequest(normalised: Normalised): Locale | null {
  return firstMatching(tables().languages, normalised);
}

// A request for a person in the person's own words: asking (can I, prefiero, or the message
// being a question), reaching (talk, connect, pasar con) and a person (a nurse, someone real,
// alguien de carne y hueso), in any order and either language: "can you connect me to someone on
// your team?", "¿tiene alguien, una enfermera, para hablar?". All three are needed, so "my doctor
// said to talk to someone" is not a request.
function asksForPerson(normalised: Normalised, asked: boolean): boolean {
  const words = ` ${normalised} `;
  const { personReach, personPeople, personNamed, personAsks, personAdvice } = tables();
  if (saysAny(words, personAdvice) || !saysAny(words, personReach)) return false;
  // Asked in words, any person word will do ("a real one"); asked only by the question mark, a
  // person must be named ("real talk, can leukemia...?" asks for nobody).
  return saysAny(words, personAsks) ? saysAny(words, personPeople) : asked && saysAny(words, personNamed);
}

// "Bye Thandi, drive safe!! oops, wrong window. Carry on": a goodbye to someone in the room,
// taken back in the same message, is no quit (carryOn).
const saysAny = (padded: string, phrases: readonly string[]) => phrases.some((phrase) => padded.includes(phrase));

/**
 * A conversation command ("stop", "talk to a person", "empezar de nuevo", "help"), in either
 * language. `asked`: the message as sent is a question (normalising drops its "?").
 */
export function findCommand(normalised: Normalised, asked = false): CommandKind | null {
  const command = commandIn(normalised, asked);
  if (command) return command;
  // A command texted in shorthand ("m pasas cn alguien d verdad xfa?", "cn u put me thru to a nurse"),
  // read again with each language's shorthand spelt out.
  for (const shorthand of tables().shorthands) {
    const spelt = expandShorthand(wordsOf(normalised), shorthand).join(' ') as Normalised;
    if (spelt !== normalised) {
      const found = commandIn(spelt, asked);
      if (found) return found;
    }
  }
  return null;
}

function commandIn(normalised: Normalised, asked: boolean): CommandKind | null {
  if (asksForPerson(normalised, asked)) return 'human';
  const command = firstMatching(tables().commands, normalised) ?? (asksToStop(normalised) ? 'quit' : null);
  return command === 'quit' && tables().carryOn.matches(normalised) ? null : command;
}

/** Where each phrase of `phrases` is written in `words`: [first word, one past the last]. */
function spansOf(words: readonly string[], phrases: readonly (readonly string[])[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = 0; at < words.length; at++) {
    for (const phrase of phrases) if (phrase.every((word, k) => words[at + k] === word)) spans.push([at, at + phrase.length]);
  }
  return spans;
}

/** Whether some span of `second` starts after some span of `first` ends, with at most `gap` words between. */
const follows = (first: [number, number][], second: [number, number][], gap: number) =>
  first.some(([, end]) => second.some(([start]) => start >= end && start - end <= gap));

/** The stop rules of the replies data (knowledge/schema.ts `stopRequest`), in either language. */
function asksToStop(normalised: Normalised): boolean {
  const words = wordsOf(normalised).filter(Boolean);
  const { stop, here, lets, notWant, resume, later, tails, notAfter, notBefore } = tables().stopWords;
  const stops = spansOf(words, stop);
  const unnegatedStops = stops.filter(([start]) => !spansOf(words, notBefore).some(([, end]) => end === start));
  if (follows(unnegatedStops, spansOf(words, here), 1) || follows(spansOf(words, lets), stops, 1)) return true;
  const resumes = spansOf(words, resume).filter(([, end]) => !spansOf(words, notAfter).some(([start]) => start === end));
  if (follows(spansOf(words, notWant), resumes, 1)) return true;
  const laters = spansOf(words, later);
  if (follows(resumes, laters, 1) || follows(laters, resumes, 1)) return true;
  // Nothing but words of later: "later", "después ya lang", "luego pues".
  const covered = new Set(laters.flatMap(([start, end]) => Array.from({ length: end - start }, (_, k) => start + k)));
  const tailWords = new Set(tails.flatMap((phrase) => phrase));
  return covered.size > 0 && words.every((word, at) => covered.has(at) || tailWords.has(word));
}

/** Whether a reply says `kind` ("none of these", "my son", "all of them"), in either language. */
export function saysReply(kind: ReplyKind, normalised: Normalised): boolean {
  return tables().replies.get(kind)!.matches(normalised);
}

/**
 * A whole reply of doubt: "not sure", "idk", "no sé", "ni idea", or a soft hedge standing alone
 * ("maybe", "tal vez"). The same doubt words (the hedges, and the lexicons' doubts said on their
 * own) serve this and findHedge.
 */
export function saysUnsure(normalised: Normalised): boolean {
  return findHedge(normalised) === 'strong' || tables().softHedges.has(normalised);
}

/** The message less laughter and fillers ("me lol" → "me"); unchanged when that leaves nothing. */
export function withoutFillers(normalised: Normalised): Normalised {
  const { fillerWords } = tables();
  const kept = wordsOf(normalised).filter((word) => word !== '' && !fillerWords.has(word) && !isLaughWord(word));
  return kept.length > 0 ? (kept.join(' ') as Normalised) : normalised;
}

/** "just the bruising", "solo la primera": the person names these and no others. */
export function saysOnly(normalised: Normalised): boolean {
  const { onlyWords } = tables();
  return wordsOf(normalised).some((word) => onlyWords.has(word));
}

/**
 * The 0-based positions a reply picks from a numbered list: "2" → [1], "1 and 3" → [0, 2],
 * "just the first one" → [0], "la segunda" → [1]. Only a message made of nothing but numbers,
 * ordinals and little words counts, so "a fever of 101" or "my first symptom" picks nothing.
 */
export function pickedPositions(normalised: Normalised): number[] {
  const { ordinalWords, pickWords } = tables();
  const words = wordsOf(normalised).filter(Boolean);
  const positions = new Set<number>();
  for (const word of words) {
    if (/^\d{1,2}$/.test(word)) positions.add(Number(word) - 1);
    else if (ordinalWords.has(word)) positions.add(ordinalWords.get(word)!);
    else if (!pickWords.has(word)) return [];
  }
  return [...positions].sort((a, b) => a - b);
}

export type Hedge = 'strong' | 'soft';
export type HardQuestion = (typeof HARD_QUESTIONS)[number];
export type AfterClosingReply = (typeof AFTER_CLOSING_REPLIES)[number];

/**
 * "not sure", "no sé si" (strong: the item is unsure whatever the words around it say) or
 * "maybe", "creo que" (soft: only a report becomes unsure, "I don't think I'm pale" stays a no).
 */
export function findHedge(normalised: Normalised): Hedge | null {
  const { aloneHedges, hedges } = tables();
  // "idk tbh", "no sé pues", "dunno lol": fillers and laughter around a doubt change nothing.
  if (aloneHedges.has(normalised) || aloneHedges.has(withoutFillers(normalised))) return 'strong';
  const words = padded(normalised);
  for (const [kind, phrases] of hedges) if (phrases.some((phrase) => words.includes(phrase))) return kind;
  return null;
}

/** "anything else", "los demás": a clause about items other than the ones just named. */
export function namesOthers(normalised: Normalised): boolean {
  const { otherItemWords } = tables();
  return wordsOf(normalised).some((word) => otherItemWords.has(word));
}

/** "I didn't say that", "quita lo del peso": the person wants an item taken out. */
export function saysRemove(normalised: Normalised): boolean {
  const words = padded(normalised);
  return tables().removeWords.some((phrase) => words.includes(phrase));
}

/** Items a message names by a topic word ("lo del peso", "my weight"), even when no answer is said. */
export function itemsNamed(normalised: Normalised): string[] {
  const words = new Set(wordsOf(normalised));
  const found = new Set<string>();
  for (const table of tables().itemWordsByLocale) for (const [id, topic] of table) if ([...topic].some((word) => words.has(word))) found.add(id);
  return [...found];
}

/** "do I have leukemia?", "do you take my insurance?", "are you a bot?": asked, in either language. */
export function findHardQuestion(normalised: Normalised): HardQuestion | null {
  return firstMatching(tables().hardQuestions, normalised);
}

/** After a closing: "thank you" or "bye" (thanks), "ok what do I do" (ack). */
export function findAfterClosing(normalised: Normalised): AfterClosingReply | null {
  // Laughter after a closing is taken like thanks: a short goodbye, not a new check.
  return firstMatching(tables().afterClosing, normalised) ?? (isLaughter(normalised) ? 'thanks' : null);
}

// "jajaja", "hahahaha", "jejeje" at any length (one syllable repeated, so "hija" is no laugh),
// and "lol", "xd" from the data's laughter.
const LAUGH = /^([jh])([aeiou])(?:\1\2)+\1?$/;
const isLaughWord = (word: Normalised) => LAUGH.test(word) || tables().laughWords.has(word);

/** A message of laughter only ("jajaja", "lol", "haha xd"). */
export function isLaughter(normalised: Normalised): boolean {
  const words = wordsOf(normalised).filter(Boolean);
  return words.length > 0 && words.every(isLaughWord);
}

/**
 * "thanks", "gracias" and laughter in the middle of a check: polite, not an answer. The thanks are
 * those said after a closing; the goodbyes among them are heard as leaving before this is asked.
 */
export function isCourtesy(normalised: Normalised): 'thanks' | 'laughter' | null {
  if (isLaughter(normalised)) return 'laughter';
  return tables().afterClosing.get('thanks')!.matches(normalised) ? 'thanks' : null;
}

/**
 * Positions picked inside a longer message: "so maybe the first one? never had cancer" → [0].
 * Only an ordinal with a mark around it ("the ... one", "la ...") counts, so "my first symptom" picks nothing.
 */
export function positionsInside(normalised: Normalised): number[] {
  const { ordinalWords, ordinalBefore, ordinalAfter } = tables();
  const words = wordsOf(normalised);
  const positions = new Set<number>();
  words.forEach((word, i) => {
    const position = ordinalWords.get(word);
    if (position === undefined) return;
    const before = words[i - 1];
    const after = words[i + 1];
    if ((before !== undefined && ordinalBefore.has(before)) || (after !== undefined && ordinalAfter.has(after))) positions.add(position);
  });
  return [...positions].sort((a, b) => a - b);
}
