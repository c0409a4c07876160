import Fuse from 'fuse.js';
import { remembered } from './remembered';
import type { ItemId, Locale } from './ids';
import { expandShorthand, normalizeText, tokenize } from './normalize';
import type { FaqData, ItemData, LexiconData, RedFlagData, RepliesData, UnlistedData } from './schema';
import { createSpeller, Speller } from './spell';
import type { AnswerShapes, AnswerUnit } from './shortAnswer';
import type { EmergencyModel } from './emergencyModel';
import { createStemmer } from './stem';
import { createTermTable, defineTerm, TermId, TermTable, vocabulary } from './terms';

// Builds, once per locale at start-up, everything understand() looks things up in.

export type Owner =
  | { kind: 'item'; id: ItemId }
  | { kind: 'deny'; id: ItemId }
  /** Words that mean another thing than the item in its clause ("muscle" pain). */
  | { kind: 'notWith'; id: ItemId }
  /** What the item is about ("appetite", "color"): in a good state, it denies the item. */
  | { kind: 'topic'; id: ItemId }
  | { kind: 'flag'; id: string; tier: 'clear' | 'possible'; group: number; needsItem: boolean; sameClause: boolean; rhetorical: boolean }
  /** Harmless words of one group of a red flag kind, or of the whole kind (group null). */
  | { kind: 'unless'; id: string; group: number | null }
  | { kind: 'flagContext'; id: FlagContextId }
  | { kind: 'faq'; id: string }
  | { kind: 'unlisted'; id: string }
  | { kind: 'context'; id: ContextId };

/** What a sentence's other words say about when, whose and how sure (see the lexicon). */
export type ContextId = 'past' | 'once' | 'now' | 'hypothetical' | 'topic' | 'hedge' | 'cause' | 'wound' | 'current';

/** What understand() needs to know of an item besides its patterns (see knowledge/schema.ts). */
export interface ItemRules {
  symptom: boolean;
  personal: boolean;
  explainedBy: readonly ContextId[];
  notWith: readonly string[];
}

/** What red flags read around them besides the lexicon's contexts (see knowledge/data/redflags.json). */
export type FlagContextId = 'earlier' | 'ended' | 'now' | 'over' | 'elsewhere' | 'caredFor' | 'almost' | 'urgency' | 'deciding' | 'selfContrast';

/** What red flags need beyond their patterns. */
export interface FlagIndex extends FlagWordSets {
  /** Kind id -> the item its withItem patterns need (fever_on_treatment -> fever). */
  kindItems: Map<string, ItemId>;
  /** The term of the words that turn a negation away from a red flag ("can't bear"). */
  notDenyingTerm: TermId | undefined;
  /** Terms that open a red flag context phrase. */
  contextOpeners: Set<TermId>;
  /** [class, words]: a word of the class is none when the next word is one of the words ("40 años"). */
  notBefore: [TermId, Set<string>][];
  /** [class, words]: a word of the class is none when the word before is one of the words ("he's 40"). */
  notAfter: [TermId, Set<string>][];
  /** The narrowest term of each urgency phrase: a sentence without one asks nothing about urgency. */
  urgencyOpeners: Set<TermId>;
  /** The narrowest terms of signs that need an item (a treatment going on): a sentence without one leaves nothing waiting. */
  awaitOpeners: Set<TermId>;
}

export interface Pattern {
  owner: Owner;
  terms: TermId[];
  /** Patterns that name more get priority; a word counts more than a negation slot. */
  score: number;
  /** Position in the data: among equal scores the one written first wins. */
  order: number;
}

/** Everything understand() looks up for one language; the lexicon's word lists are sets of the same name (WordSets). */
export interface LocaleIndex extends WordSets, PhraseIndexes {
  locale: Locale;
  terms: TermTable;
  negTerm: TermId;
  /** The @good class: a normal or good state ("fine", "huge", "perfecto"). */
  goodTerm: TermId;
  itemRules: Map<ItemId, ItemRules>;
  /** Filled by a year (1900-2099): "in 2015" is the past. */
  yearTerm: TermId;
  /** The @many class ("a handful", "todas"), also filled by a count of five or more ("took 30 paracetamol"). */
  manyTerm: TermId | undefined;
  /** Terms that open a context phrase: a stretch without one has no context to look for. */
  contextOpeners: Set<TermId>;
  /** The first terms of notWith patterns: a clause without one needs no look for them. */
  notWithOpeners: Set<TermId>;
  /** Terms only red flags use: a typo never raises an emergency, only the word itself does. */
  flagOnlyTerms: Set<TermId>;
  patterns: Pattern[];
  /** Term -> indexes into `patterns` that use it, to test only patterns that could match. */
  patternsByTerm: Map<TermId, number[]>;
  shorthand: Map<string, string[]>;
  /** The one-word hypotheticals ("if", "si", "someone"): a condition before ", ¿" keeps the question whole. */
  conditionWords: Set<string>;
  /** Set phrases that contain a clause-break word, joined into one token ("black and blue"), by first word. */
  compounds: PhrasesByFirstWord<{ words: string[]; joined: string }>;
  closingNegation: Set<string>;
  listTopics: Map<string, ItemId>;
  /** Normalised whole-message answers -> yes/no/unsure. */
  answers: Map<string, 'yes' | 'no' | 'unsure'>;
  /** The word classes of a short answer (knowledge/shortAnswer.ts). */
  answerShapes: AnswerShapes;
  /** Phrases that take back what came before in a reply ("I mean", "bueno"), as word lists. */
  answerCorrections: string[][];
  speller: Speller;
  /** Fallback for FAQ questions that no pattern caught. */
  faqSearch: FaqSearch;
  flags: FlagIndex;
  /** The learned second opinion on red flags (knowledge/emergencyModel.ts), shared by both languages. */
  emergencyModel: EmergencyModel;
}

/**
 * Phrases grouped by their first word, each group in the data's order: a look-up at one word
 * tries only the phrases that can start there, and the first that fits is the same one a walk
 * over the whole list would find.
 */
export type PhrasesByFirstWord<T> = ReadonlyMap<string, readonly T[]>;

function byFirstWord<T>(entries: readonly T[], wordsOf: (entry: T) => readonly string[]): PhrasesByFirstWord<T> {
  const grouped = new Map<string, T[]>();
  for (const entry of entries) {
    const first = wordsOf(entry)[0] ?? '';
    const group = grouped.get(first);
    if (group) group.push(entry);
    else grouped.set(first, [entry]);
  }
  return grouped;
}

/** The closest FAQ wording to a question (Fuse.js score: 0 is exact), or null. */
export type FaqSearch = (asked: string) => { id: string; score: number } | null;

function createFaqSearch(entries: { id: string; question: string }[], cacheSize = 2000): FaqSearch {
  const fuse = new Fuse(entries, { keys: ['question'], includeScore: true, threshold: 0.35, ignoreLocation: true });
  // A fuzzy pass over every FAQ wording is the dearest step of understanding, and people ask the
  // same few questions; answers are remembered like the speller's.
  return remembered(cacheSize, (asked) => {
    const best = fuse.search(asked, { limit: 1 })[0];
    return best ? { id: best.item.id, score: best.score ?? 1 } : null;
  });
}

export interface KnowledgeData {
  items: ItemData[];
  faq: FaqData[];
  redFlags: RedFlagData;
  /** Things outside the list; matched into `unlisted`, never into present or absent. */
  unlisted: UnlistedData[];
  lexicons: Record<Locale, LexiconData>;
  /** Commands and replies to our questions, read by check/keywords.ts (not by understand()). */
  replies: Record<Locale, RepliesData>;
  /** The learned second opinion on red flags, one for both languages. */
  emergencyModel: EmergencyModel;
}

// Words of red flags, contexts and things outside the list: a typo never fills one of these alone.
const FLAG_ONLY_KINDS = new Set<Owner['kind']>(['flag', 'context', 'unlisted', 'flagContext', 'notWith']);

/** Lexicon word lists that the index keeps as sets, under the same name. */
const WORD_SETS = [
  'listNegators', 'postNegation', 'postNegationVerbs', 'relatives', 'selfWords', 'others', 'postNegationBlockers',
  'intensified', 'slight', 'contrasts', 'plainNegators', 'negationStops', 'clauseBreaks', 'negatedBreaks', 'subjects', 'fillers', 'commonWords', 'questionAuxiliaries', 'panicWords', 'possessives',
] as const satisfies readonly (keyof LexiconData)[];
type WordSets = Record<(typeof WORD_SETS)[number], Set<string>>;

/** Red flag word lists (redflags.json) that the index keeps as sets in `flags`, under the same name. */
const FLAG_WORD_SETS = [
  /** The negations a red flag pattern's own @neg may be ("can't breathe"; not "me falta el aire"). */
  'cannot', 'bridges', 'gapBlockers',
  /** Person words besides the lexicon's; people outside the household (`distant`); the writer (`selfSpeakers`). */
  'persons', 'animals', 'distant', 'selfSpeakers', 'referBack', 'generic', 'questionOpeners',
] as const satisfies readonly (keyof RedFlagData['en'])[];
type FlagWordSets = Record<(typeof FLAG_WORD_SETS)[number], Set<string>>;

/** Lexicon phrase lists that the index keeps as token arrays by first word: [index field, lexicon field]. */
const PHRASE_INDEXES = [
  /** Idioms whose "no" denies nothing ("no matter how"). */
  ['negationExceptions', 'negationExceptions'],
  /** Question openings ("what is", "que son"). */
  ['questionStarts', 'questionWords'],
] as const satisfies readonly (readonly [string, keyof LexiconData])[];
type PhraseIndexes = Record<(typeof PHRASE_INDEXES)[number][0], PhrasesByFirstWord<string[]>>;

/** Each field of `fields` in `source` as a set of its words, under the same name. */
function setsOf<F extends string>(source: Readonly<Record<F, readonly string[]>>, fields: readonly F[]): Record<F, Set<string>> {
  return Object.fromEntries(fields.map((field) => [field, new Set(source[field])])) as Record<F, Set<string>>;
}

/** Lexicon pattern lists that are contexts, and the context each one marks. */
const CONTEXT_FIELDS = [
  ['past', 'pastTime'], ['once', 'pastOnce'], ['now', 'nowWords'], ['hypothetical', 'hypothetical'], ['topic', 'topicWords'],
  ['hedge', 'hedges'], ['cause', 'causes'], ['wound', 'wounds'], ['current', 'currentTreatment'],
] as const satisfies readonly (readonly [ContextId, keyof LexiconData])[];

/** Red flag word lists (redflags.json) that are contexts of their own, and the context each marks. */
const FLAG_CONTEXT_FIELDS = [
  ['earlier', 'past'], ['ended', 'ended'], ['now', 'now'], ['over', 'over'], ['elsewhere', 'elsewhere'], ['caredFor', 'caredFor'],
  ['almost', 'almost'], ['urgency', 'urgency'], ['deciding', 'deciding'], ['selfContrast', 'selfContrast'],
] as const satisfies readonly (readonly [FlagContextId, string])[];

/** {"tempnumber": ["years", ...]} to the class's term id and the words; an unknown class stops start-up. */
function classWords(terms: TermTable, locale: Locale, byClass: Record<string, string[]>): [TermId, Set<string>][] {
  return Object.entries(byClass).map(([name, words]) => {
    const term = terms.ids.get(`@${name}`);
    if (term === undefined) throw new Error(`${locale}: red flag words name an unknown class @${name}`);
    return [term, new Set(words)];
  });
}

const normalizePhrase = (phrase: string) => tokenize(normalizeText(phrase)).join(' ');

/** The lexicon's answers of one kind; a doubt said on its own ("no sé", "idk") is an unsure answer. */
function answerPhrases(lexicon: LexiconData, kind: 'yes' | 'no' | 'unsure'): readonly string[] {
  return kind === 'unsure' ? [...lexicon.answers.unsure, ...lexicon.answers.doubt] : lexicon.answers[kind];
}

/**
 * The units of a short answer, written as the message's words will be (shorthand expanded: "yeah
 * nah" is met as "yeah no"). An answer word wins over a pronoun or auxiliary, and those over a tag.
 */
export function answerShapes(lexicon: LexiconData, shorthand: ReadonlyMap<string, string[]>): AnswerShapes {
  const units = new Map<string, AnswerUnit>();
  const add = (unit: AnswerUnit, phrases: readonly string[]) => {
    for (const phrase of phrases) {
      const key = expandShorthand(tokenize(normalizeText(phrase)), shorthand).join(' ');
      if (key !== '' && !units.has(key)) units.set(key, unit);
    }
  };
  for (const kind of ['yes', 'no', 'unsure'] as const) add(kind, answerPhrases(lexicon, kind));
  add('pronoun', lexicon.answerPronouns);
  add('auxiliary', lexicon.answerAuxiliaries);
  // "creo que no, pero no sé": a "but" joins two answers, and a doubt in either makes the whole unsure.
  add('tag', [...lexicon.answerTags, ...lexicon.fillers, ...lexicon.contrasts]);
  const longest = Math.max(1, ...[...units.keys()].map((key) => key.split(' ').length));
  const phrases = (list: readonly string[]) => list.map((phrase) => expandShorthand(tokenize(normalizeText(phrase)), shorthand));
  return {
    units,
    longest,
    negators: new Set(lexicon.plainNegators),
    knowing: new Set(lexicon.answerKnowing),
    notThat: phrases(lexicon.answerNotThat),
    noticing: phrases(lexicon.answerNoticing),
  };
}

/** Term ids of the lexicon's and red flags' classes, and the few terms every index needs. */
interface ClassTerms {
  terms: TermTable;
  negTerm: TermId;
  yearTerm: TermId;
  notDenyingTerm: TermId | undefined;
}

function defineClassTerms(locale: Locale, lexicon: LexiconData, flagWords: RedFlagData['en']): ClassTerms {
  const terms = createTermTable(createStemmer(locale), new Set([...lexicon.exactForms, ...flagWords.exactForms]));
  for (const [name, words] of Object.entries(lexicon.classes)) defineTerm(terms, `@${name}`, words);
  for (const [name, words] of Object.entries(flagWords.classes)) {
    if (name in lexicon.classes) throw new Error(`${locale}: red flag class @${name} is also a lexicon class`);
    defineTerm(terms, `@${name}`, words);
  }
  const notDenyingTerm = flagWords.notDenying.length > 0 ? defineTerm(terms, '@notdenying_', flagWords.notDenying) : undefined;
  return { terms, negTerm: terms.ids.get('@neg')!, yearTerm: defineTerm(terms, '@year', []), notDenyingTerm };
}

/** Every pattern of the data for one language, in the data's order, each with its owner. */
function collectPatterns(locale: Locale, data: KnowledgeData, { terms, negTerm }: ClassTerms): Pattern[] {
  const patterns: Pattern[] = [];
  const add = (owner: Owner, sources: readonly string[]) => {
    for (const source of sources) {
      const ids = source.split(' ').filter(Boolean).map((term) => {
        if (!term.startsWith('@')) return defineTerm(terms, term, [term]);
        const id = terms.ids.get(term);
        if (id === undefined) throw new Error(`${locale}: pattern "${source}" uses unknown class ${term}`);
        return id;
      });
      const negSlots = ids.filter((id) => id === negTerm).length;
      patterns.push({ owner, terms: ids, score: (ids.length - negSlots) * 2 + negSlots, order: patterns.length });
    }
  };
  for (const item of data.items) {
    const entry = item[locale];
    add({ kind: 'item', id: item.id }, entry.patterns);
    add({ kind: 'deny', id: item.id }, entry.deny);
    add({ kind: 'notWith', id: item.id }, entry.notWith);
    add({ kind: 'topic', id: item.id }, entry.topics);
  }
  for (const flag of data.redFlags.kinds) {
    const entry = flag[locale];
    [entry, ...entry.groups].forEach((group, number) => {
      const { sameClause, rhetorical } = group;
      add({ kind: 'flag', id: flag.id, tier: 'clear', group: number, needsItem: false, sameClause, rhetorical }, group.patterns);
      add({ kind: 'flag', id: flag.id, tier: 'possible', group: number, needsItem: false, sameClause, rhetorical }, group.possible);
      add({ kind: 'unless', id: flag.id, group: number === 0 ? null : number }, group.unless);
    });
    add({ kind: 'flag', id: flag.id, tier: 'clear', group: 0, needsItem: true, sameClause: false, rhetorical: false }, entry.withItem);
  }
  const flagWords = data.redFlags[locale];
  for (const [id, field] of FLAG_CONTEXT_FIELDS) add({ kind: 'flagContext', id }, flagWords[field]);
  for (const faq of data.faq) add({ kind: 'faq', id: faq.id }, faq[locale].patterns);
  for (const entry of data.unlisted) add({ kind: 'unlisted', id: entry.id }, entry[locale].patterns);
  for (const [id, field] of CONTEXT_FIELDS) add({ kind: 'context', id }, data.lexicons[locale][field]);
  return patterns;
}

/**
 * A pattern's narrowest term: the one that meets the fewest messages. A stem, a frequent word or
 * a short one ("me", "to") meets more messages than a long word; "@neg" meets almost all.
 */
function narrowestTerm(classTerms: ClassTerms, lexicon: LexiconData, flagWords: RedFlagData['en']): (pattern: Pattern) => TermId {
  const { terms, negTerm, notDenyingTerm } = classTerms;
  const common = new Set(lexicon.commonWords);
  const termKeys = new Map([...terms.ids].map(([key, id]) => [id, key]));
  const breadths = new Map<TermId, number>();
  const cost = (word: string) => (word.endsWith('*') ? 3 : 1) + (common.has(word) ? 50 : 0) + (word.length <= 3 ? 2 : 0);
  const breadth = (term: TermId): number => {
    if (term === negTerm || term === notDenyingTerm) return Infinity;
    let known = breadths.get(term);
    if (known === undefined) {
      const key = termKeys.get(term) ?? '';
      const name = key.startsWith('@') ? key.slice(1) : null;
      const words = name === null ? [key] : (flagWords.classes[name] ?? lexicon.classes[name] ?? []);
      known = words.flatMap((word) => word.split('|')).reduce((sum, word) => sum + cost(word), 0);
      breadths.set(term, known);
    }
    return known;
  };
  return (pattern) => pattern.terms.reduce((best, term) => (breadth(term) < breadth(best) ? term : best));
}

/**
 * Term -> the patterns that use it. A red flag pattern is a candidate through its narrowest word
 * only: every word must be there anyway, and indexing "@neg" or "@turning" would test many
 * patterns on every "no".
 */
function patternsByTermOf(patterns: readonly Pattern[], negTerm: TermId, narrowest: (pattern: Pattern) => TermId): Map<TermId, number[]> {
  const byTerm = new Map<TermId, number[]>();
  patterns.forEach((pattern, index) => {
    const flagKind = pattern.owner.kind === 'flag' || pattern.owner.kind === 'unless' || pattern.owner.kind === 'flagContext';
    for (const term of flagKind && pattern.terms.length > 1 ? [narrowest(pattern)] : new Set(pattern.terms)) {
      if (term === negTerm && pattern.terms.length > 1) continue; // "no" alone never makes a pattern a candidate
      const list = byTerm.get(term) ?? [];
      list.push(index);
      byTerm.set(term, list);
    }
  });
  return byTerm;
}

/**
 * Terms only red flags, contexts and things off the list use. Typos never fill one: "nena" must
 * not become "niña" of "de niña", nor "spraying" the "sprain" of a thing outside the list.
 */
function flagOnlyTermsOf(patterns: readonly Pattern[]): Set<TermId> {
  const flagTerms = new Set(patterns.filter((p) => FLAG_ONLY_KINDS.has(p.owner.kind)).flatMap((p) => p.terms));
  const otherTerms = new Set(patterns.filter((p) => !FLAG_ONLY_KINDS.has(p.owner.kind) && p.owner.kind !== 'unless').flatMap((p) => p.terms));
  return new Set([...flagTerms].filter((term) => !otherTerms.has(term)));
}

/** The first terms of the patterns of one owner kind (`id`: of that id only). */
const openersOf = (patterns: readonly Pattern[], kind: Owner['kind'], id?: string, pick = (p: Pattern) => p.terms[0]!) =>
  new Set(patterns.filter((p) => p.owner.kind === kind && (id === undefined || p.owner.id === id)).map(pick));

function flagIndexOf(locale: Locale, data: KnowledgeData, classTerms: ClassTerms, patterns: readonly Pattern[], narrowest: (pattern: Pattern) => TermId): FlagIndex {
  const flagWords = data.redFlags[locale];
  return {
    ...setsOf(flagWords, FLAG_WORD_SETS),
    kindItems: new Map(data.redFlags.kinds.flatMap((kind) => (kind.item ? [[kind.id, kind.item] as const] : []))),
    notBefore: classWords(classTerms.terms, locale, flagWords.notBefore),
    notAfter: classWords(classTerms.terms, locale, flagWords.notAfter),
    notDenyingTerm: classTerms.notDenyingTerm,
    contextOpeners: openersOf(patterns, 'flagContext'),
    urgencyOpeners: openersOf(patterns, 'flagContext', 'urgency', narrowest),
    awaitOpeners: new Set(patterns.filter((p) => p.owner.kind === 'flag' && p.owner.needsItem).map(narrowest)),
  };
}

/** The lexicon's whole-message answers, normalised, each to yes, no or unsure. */
function answersOf(lexicon: LexiconData): Map<string, 'yes' | 'no' | 'unsure'> {
  const answers = new Map<string, 'yes' | 'no' | 'unsure'>();
  for (const kind of ['yes', 'no', 'unsure'] as const) for (const phrase of answerPhrases(lexicon, kind)) answers.set(normalizePhrase(phrase), kind);
  return answers;
}

/** What understand() needs of each item besides its patterns. */
function itemRulesOf(items: readonly ItemData[], locale: Locale): Map<ItemId, ItemRules> {
  return new Map(items.map((item) => [item.id, { symptom: item.kind === 'symptom', personal: item.personal, explainedBy: item.explainedBy, notWith: item[locale].notWith }]));
}

export function compileLocale(locale: Locale, data: KnowledgeData): LocaleIndex {
  const lexicon = data.lexicons[locale];
  const classTerms = defineClassTerms(locale, lexicon, data.redFlags[locale]);
  const { terms, negTerm, yearTerm } = classTerms;
  const patterns = collectPatterns(locale, data, classTerms);
  const narrowest = narrowestTerm(classTerms, lexicon, data.redFlags[locale]);
  const { words, stems } = vocabulary(terms);
  const shorthand = new Map(Object.entries(lexicon.shorthand).map(([short, full]) => [short, full.split(' ')]));
  const phraseWords = (phrase: string) => normalizePhrase(phrase).split(' ');
  return {
    ...setsOf(lexicon, WORD_SETS),
    ...(Object.fromEntries(PHRASE_INDEXES.map(([field, source]) => [field, byFirstWord(lexicon[source].map(phraseWords), (phrase) => phrase)])) as PhraseIndexes),
    locale,
    terms,
    negTerm,
    goodTerm: terms.ids.get('@good') ?? defineTerm(terms, '@good', []),
    itemRules: itemRulesOf(data.items, locale),
    yearTerm,
    manyTerm: terms.ids.get('@many'),
    contextOpeners: openersOf(patterns, 'context'),
    notWithOpeners: openersOf(patterns, 'notWith'),
    flagOnlyTerms: flagOnlyTermsOf(patterns),
    patterns,
    patternsByTerm: patternsByTermOf(patterns, negTerm, narrowest),
    shorthand,
    conditionWords: new Set(lexicon.hypothetical.filter((phrase) => !phrase.includes(' ')).flatMap((phrase) => phrase.split('|')).map(normalizePhrase)),
    compounds: byFirstWord(Object.entries(lexicon.compounds).map(([phrase, joined]) => ({ words: phraseWords(phrase), joined })), (compound) => compound.words),
    closingNegation: new Set(['no', ...lexicon.closingNegation]),
    listTopics: new Map(Object.entries(lexicon.listTopics)),
    answers: answersOf(lexicon),
    answerShapes: answerShapes(lexicon, shorthand),
    answerCorrections: lexicon.answerCorrections.map((phrase) => expandShorthand(tokenize(normalizeText(phrase)), shorthand)),
    speller: createSpeller(words, stems),
    flags: flagIndexOf(locale, data, classTerms, patterns, narrowest),
    emergencyModel: data.emergencyModel,
    faqSearch: createFaqSearch(data.faq.flatMap((faq) => faq[locale].questions.map((question) => ({ id: faq.id, question: normalizePhrase(question) })))),
  };
}
