import { LOCALES, type Locale } from '../knowledge';
import en from '../locales/en/keywords.json';
import es from '../locales/es/keywords.json';

// The words people type to steer the conversation ("stop", "español", "none of these"), as data in
// locales/*/keywords.json. Both languages are always matched: a person may write "salir" while
// the check is in English, and a stale button from before a language switch may still be tapped.

export type CommandKind = keyof typeof en.commands;
export type ReplyKind = keyof typeof en.replies;

interface PhraseList {
  exact: string[];
  contains: string[];
}

/** Text as normalise() leaves it; the type stops raw text reaching a phrase list by mistake. */
export type Normalised = string & { readonly normalisedBy: 'keywords' };

/**
 * Lower-case, accents off, apostrophes dropped, other punctuation as spaces: "¡Español!" → "espanol",
 * "I don't know" → "i dont know". Simpler than knowledge/'s normaliser on purpose: commands are
 * compared as whole phrases, with no clause marks or spelling repair.
 */
export function normalise(text: string): Normalised {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim() as Normalised;
}

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

const files = [en, es];
const phrasesFor = (pick: (file: typeof en) => PhraseList) => new Phrases(files.map(pick));

// Order matters: "talk to a person, I want to stop" asks for a person before it asks to stop.
const COMMAND_ORDER: readonly CommandKind[] = ['human', 'quit', 'restart', 'help'];
const commands = new Map(COMMAND_ORDER.map((kind) => [kind, phrasesFor((file) => file.commands[kind])]));
const languages = new Map(LOCALES.map((locale) => [locale, phrasesFor((file) => file.language[locale])]));
const replies = new Map(
  (Object.keys(en.replies) as ReplyKind[]).map((kind) => [kind, phrasesFor((file) => file.replies[kind])]),
);
const onlyWords = new Set(files.flatMap((file) => file.only).map(normalise));
const pickWords = new Set(files.flatMap((file) => file.pickWords).map(normalise));
/** "second" → 1, "segunda" → 1. */
const ordinalWords = new Map(files.flatMap((file) => file.ordinals.flatMap((words, position) => words.map((word) => [normalise(word), position] as const))));

/** The first key, in the table's order, whose phrases the message says. */
function firstMatching<K>(table: ReadonlyMap<K, Phrases>, normalised: Normalised): K | null {
  for (const [key, phrases] of table) if (phrases.matches(normalised)) return key;
  return null;
}

/** A request to switch language ("español", "in English"), in either language. */
export function findLanguageRequest(normalised: Normalised): Locale | null {
  return firstMatching(languages, normalised);
}

// A request for a person in the person's own words: asking (can I, prefiero), reaching (talk,
// connect, pasar con) and a person (a nurse, someone real, alguien de carne y hueso), in any order
// and either language: "can you connect me to someone on your team?", "¿me puede pasar con alguien
// de verdad?". All three are needed, so "my doctor said to talk to someone" is not a request.
const personRequest = (pick: (words: typeof en.personRequest) => string[]) => files.flatMap((file) => pick(file.personRequest)).map((phrase) => ` ${normalise(phrase)} `);
const personAsks = personRequest((words) => words.asks);
const personReach = personRequest((words) => words.reach);
const personPeople = personRequest((words) => words.people);
const saysAny = (padded: string, phrases: readonly string[]) => phrases.some((phrase) => padded.includes(phrase));

function asksForPerson(normalised: Normalised): boolean {
  const words = ` ${normalised} `;
  return saysAny(words, personReach) && saysAny(words, personPeople) && saysAny(words, personAsks);
}

// "Bye Thandi, drive safe!! oops, wrong window. Carry on": a goodbye to someone in the room,
// taken back in the same message, is no quit.
const carryOn = phrasesFor((file) => ({ exact: [], contains: file.carryOn }));

/** A conversation command ("stop", "talk to a person", "empezar de nuevo", "help"), in either language. */
export function findCommand(normalised: Normalised): CommandKind | null {
  if (asksForPerson(normalised)) return 'human';
  const command = firstMatching(commands, normalised);
  return command === 'quit' && carryOn.matches(normalised) ? null : command;
}

/** Whether a reply says `kind` ("none of these", "my son", "all of them"), in either language. */
export function saysReply(kind: ReplyKind, normalised: Normalised): boolean {
  return replies.get(kind)!.matches(normalised);
}

const fillerWords = new Set(files.flatMap((file) => file.fillers).map(normalise));
const laughWords = new Set(files.flatMap((file) => file.laughter).map(normalise));
/** The message less laughter and fillers ("me lol" → "me"); unchanged when that leaves nothing. */
export function withoutFillers(normalised: Normalised): Normalised {
  const kept = wordsOf(normalised).filter((word) => word !== '' && !fillerWords.has(word) && !isLaughWord(word));
  return kept.length > 0 ? (kept.join(' ') as Normalised) : normalised;
}

/** "just the bruising", "solo la primera": the person names these and no others. */
export function saysOnly(normalised: Normalised): boolean {
  return wordsOf(normalised).some((word) => onlyWords.has(word));
}

/**
 * The 0-based positions a reply picks from a numbered list: "2" → [1], "1 and 3" → [0, 2],
 * "just the first one" → [0], "la segunda" → [1]. Only a message made of nothing but numbers,
 * ordinals and little words counts, so "a fever of 101" or "my first symptom" picks nothing.
 */
export function pickedPositions(normalised: Normalised): number[] {
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
export type HardQuestion = keyof typeof en.questions;
export type AfterClosingReply = keyof typeof en.afterClosing;

const padded = (normalised: Normalised) => ` ${normalised} `;
const hedgeWords = (kind: Hedge) => files.flatMap((file) => file.hedges[kind]).map((phrase) => ` ${normalise(phrase)} `);
const hedges: ReadonlyArray<[Hedge, string[]]> = [
  ['strong', hedgeWords('strong')],
  ['soft', hedgeWords('soft')],
];
// "no sé" alone is a hedge; inside a sentence ("no se me quita la fiebre") it is not.
const aloneHedges = new Set(files.flatMap((file) => file.hedges.alone).map(normalise));
const removeWords = files.flatMap((file) => file.remove).map((phrase) => ` ${normalise(phrase)} `);
const hardQuestions = new Map(
  (Object.keys(en.questions) as HardQuestion[]).map((kind) => [kind, phrasesFor((file) => file.questions[kind])]),
);
const afterClosing = new Map(
  (Object.keys(en.afterClosing) as AfterClosingReply[]).map((kind) => [kind, phrasesFor((file) => file.afterClosing[kind])]),
);
const itemWordsByLocale = files.map((file) => Object.entries(file.itemWords).map(([id, words]) => [id, new Set(words.map(normalise))] as const));

/**
 * "not sure", "no sé si" (strong: the item is unsure whatever the words around it say) or
 * "maybe", "creo que" (soft: only a report becomes unsure, "I don't think I'm pale" stays a no).
 */
export function findHedge(normalised: Normalised): Hedge | null {
  if (aloneHedges.has(normalised)) return 'strong';
  const words = padded(normalised);
  for (const [kind, phrases] of hedges) if (phrases.some((phrase) => words.includes(phrase))) return kind;
  return null;
}

// A hedge covers its own clause: clauses are cut at punctuation and at "but" / "pero" (clauseBreaks).
// Not the lexicon's clauseBreaks, which also cut at "and" / "y" for the reach of a denial: a hedge
// covers what it joins, so "not sure about fever and bone pain" leaves both unsure.
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clauseCut = new RegExp(
  String.raw`[,;.!?¿¡]+|\b(?:${files.flatMap((file) => file.clauseBreaks).map(escapeRegExp).join('|')})\b`,
  'i',
);
const othersWords = new Set(files.flatMap((file) => file.others).map(normalise));

/** The clauses of a message, as written: "pale lately, no spots but not sure" → three. */
export function clausesOf(text: string): string[] {
  return text.split(clauseCut).filter((part) => part.trim() !== '');
}

/** "anything else", "los demás": a clause about items other than the ones just named. */
export function namesOthers(normalised: Normalised): boolean {
  return wordsOf(normalised).some((word) => othersWords.has(word));
}

/** "I didn't say that", "quita lo del peso": the person wants an item taken out. */
export function saysRemove(normalised: Normalised): boolean {
  const words = padded(normalised);
  return removeWords.some((phrase) => words.includes(phrase));
}

/** Items a message names by a topic word ("lo del peso", "my weight"), even when no answer is said. */
export function itemsNamed(normalised: Normalised): string[] {
  const words = new Set(wordsOf(normalised));
  const found = new Set<string>();
  for (const table of itemWordsByLocale) for (const [id, topic] of table) if ([...topic].some((word) => words.has(word))) found.add(id);
  return [...found];
}

/** "do I have leukemia?", "do you take my insurance?", "are you a bot?": asked, in either language. */
export function findHardQuestion(normalised: Normalised): HardQuestion | null {
  return firstMatching(hardQuestions, normalised);
}

/** After a closing: "thank you" or "bye" (thanks), "ok what do I do" (ack). */
export function findAfterClosing(normalised: Normalised): AfterClosingReply | null {
  // Laughter after a closing is taken like thanks: a short goodbye, not a new check.
  return firstMatching(afterClosing, normalised) ?? (isLaughter(normalised) ? 'thanks' : null);
}

// "jajaja", "hahahaha", "jejeje" at any length (one syllable repeated, so "hija" is no laugh),
// and "lol", "xd" from the keywords' laughter.
const LAUGH = /^([jh])([aeiou])(?:\1\2)+\1?$/;
const isLaughWord = (word: Normalised) => LAUGH.test(word) || laughWords.has(word);

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
  return afterClosing.get('thanks')!.matches(normalised) ? 'thanks' : null;
}

/**
 * Positions picked inside a longer message: "so maybe the first one? never had cancer" → [0].
 * Only an ordinal with "the ... one" or "la ..." around it counts, so "my first symptom" picks nothing.
 */
export function positionsInside(normalised: Normalised): number[] {
  const words = wordsOf(normalised);
  const positions = new Set<number>();
  words.forEach((word, i) => {
    const position = ordinalWords.get(word);
    if (position === undefined) return;
    const before = words[i - 1];
    const after = words[i + 1];
    if (before === 'the' || before === 'la' || before === 'el' || after === 'one' || after === 'ones') positions.add(position);
  });
  return [...positions].sort((a, b) => a - b);
}
