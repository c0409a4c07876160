import Fuse from 'fuse.js';
import { remembered } from './remembered';
import type { ItemId, Locale } from './ids';
import { normalizeText, tokenize } from './normalize';
import type { FaqData, ItemData, LexiconData, RedFlagData, UnlistedData } from './schema';
import { createSpeller, Speller } from './spell';
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
export type FlagContextId = 'earlier' | 'ended' | 'now' | 'over' | 'elsewhere' | 'almost' | 'urgency' | 'deciding' | 'selfContrast';

/** What red flags need beyond their patterns. */
export interface FlagIndex {
  /** Kind id -> the item its withItem patterns need (fever_on_treatment -> fever). */
  kindItems: Map<string, ItemId>;
  /** The negations a red flag pattern's own @neg may be ("can't breathe"; not "me falta el aire"). */
  cannot: Set<string>;
  bridges: Set<string>;
  /** The term of the words that turn a negation away from a red flag ("can't bear"). */
  notDenyingTerm: TermId | undefined;
  gapBlockers: Set<string>;
  /** Terms that open a red flag context phrase. */
  contextOpeners: Set<TermId>;
  /** Person words besides the lexicon's. */
  persons: Set<string>;
  animals: Set<string>;
  /** People outside the household: their sign is theirs when the writer then turns to themself. */
  distant: Set<string>;
  /** The writer speaking of themself (I, me, yo): ends what a topic phrase governs. */
  selfSpeakers: Set<string>;
  referBack: Set<string>;
  generic: Set<string>;
  questionOpeners: Set<string>;
  /** [class, words]: a word of the class is none when the next word is one of the words ("40 años"). */
  notBefore: [TermId, Set<string>][];
  /** [class, words]: a word of the class is none when the word before is one of the words ("he's 40"). */
  notAfter: [TermId, Set<string>][];
  /** The narrowest term of each urgency phrase: a sentence without one asks nothing about urgency. */
  urgencyOpeners: Set<TermId>;
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
export interface LocaleIndex extends WordSets {
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
  answerTags: string[];
  listTopics: Map<string, ItemId>;
  /** Idioms whose "no" denies nothing ("no matter how"), as token arrays by first word. */
  negationExceptions: PhrasesByFirstWord<string[]>;
  /** Normalised question openings ("what is", "que son"), as token arrays by first word. */
  questionStarts: PhrasesByFirstWord<string[]>;
  /** Normalised whole-message answers -> yes/no/unsure. */
  answers: Map<string, 'yes' | 'no' | 'unsure'>;
  speller: Speller;
  /** Fallback for FAQ questions that no pattern caught. */
  faqSearch: FaqSearch;
  flags: FlagIndex;
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
}

// Words of red flags, contexts and things outside the list: a typo never fills one of these alone.
const FLAG_ONLY_KINDS = new Set<Owner['kind']>(['flag', 'context', 'unlisted', 'flagContext', 'notWith']);

/** Lexicon word lists that the index keeps as sets, under the same name. */
const WORD_SETS = [
  'listNegators', 'postNegation', 'postNegationVerbs', 'relatives', 'selfWords', 'others', 'postNegationBlockers',
  'intensified', 'slight', 'contrasts', 'plainNegators', 'negationStops', 'clauseBreaks', 'negatedBreaks', 'subjects', 'fillers', 'commonWords', 'questionAuxiliaries',
] as const satisfies readonly (keyof LexiconData)[];
type WordSets = Record<(typeof WORD_SETS)[number], Set<string>>;

/** Lexicon pattern lists that are contexts, and the context each one marks. */
const CONTEXT_FIELDS = [
  ['past', 'pastTime'], ['once', 'pastOnce'], ['now', 'nowWords'], ['hypothetical', 'hypothetical'], ['topic', 'topicWords'],
  ['hedge', 'hedges'], ['cause', 'causes'], ['wound', 'wounds'], ['current', 'currentTreatment'],
] as const satisfies readonly (readonly [ContextId, keyof LexiconData])[];

/** Red flag word lists (redflags.json) that are contexts of their own, and the context each marks. */
const FLAG_CONTEXT_FIELDS = [
  ['earlier', 'past'], ['ended', 'ended'], ['now', 'now'], ['over', 'over'], ['elsewhere', 'elsewhere'],
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

export function compileLocale(locale: Locale, data: KnowledgeData): LocaleIndex {
  const lexicon = data.lexicons[locale];
  const flagWords = data.redFlags[locale];
  const terms = createTermTable(createStemmer(locale), new Set([...lexicon.exactForms, ...flagWords.exactForms]));
  for (const [name, words] of Object.entries(lexicon.classes)) defineTerm(terms, `@${name}`, words);
  for (const [name, words] of Object.entries(flagWords.classes)) {
    if (name in lexicon.classes) throw new Error(`${locale}: red flag class @${name} is also a lexicon class`);
    defineTerm(terms, `@${name}`, words);
  }
  const notDenyingTerm = flagWords.notDenying.length > 0 ? defineTerm(terms, '@notdenying_', flagWords.notDenying) : undefined;
  const negTerm = terms.ids.get('@neg')!;
  const yearTerm = defineTerm(terms, '@year', []);

  const patterns: Pattern[] = [];
  const addPattern = (owner: Owner, source: string) => {
    const ids = source.split(' ').filter(Boolean).map((term) => {
      if (term.startsWith('@')) {
        const id = terms.ids.get(term);
        if (id === undefined) throw new Error(`${locale}: pattern "${source}" uses unknown class ${term}`);
        return id;
      }
      return defineTerm(terms, term, [term]);
    });
    const negSlots = ids.filter((id) => id === negTerm).length;
    patterns.push({ owner, terms: ids, score: (ids.length - negSlots) * 2 + negSlots, order: patterns.length });
  };
  for (const item of data.items) {
    for (const source of item[locale].patterns) addPattern({ kind: 'item', id: item.id }, source);
    for (const source of item[locale].deny) addPattern({ kind: 'deny', id: item.id }, source);
    for (const source of item[locale].notWith) addPattern({ kind: 'notWith', id: item.id }, source);
    for (const source of item[locale].topics) addPattern({ kind: 'topic', id: item.id }, source);
  }
  for (const flag of data.redFlags.kinds) {
    const entry = flag[locale];
    [entry, ...entry.groups].forEach((group, number) => {
      const { sameClause, rhetorical } = group;
      for (const source of group.patterns) addPattern({ kind: 'flag', id: flag.id, tier: 'clear', group: number, needsItem: false, sameClause, rhetorical }, source);
      for (const source of group.possible) addPattern({ kind: 'flag', id: flag.id, tier: 'possible', group: number, needsItem: false, sameClause, rhetorical }, source);
      for (const source of group.unless) addPattern({ kind: 'unless', id: flag.id, group: number === 0 ? null : number }, source);
    });
    for (const source of entry.withItem) addPattern({ kind: 'flag', id: flag.id, tier: 'clear', group: 0, needsItem: true, sameClause: false, rhetorical: false }, source);
  }
  for (const [id, field] of FLAG_CONTEXT_FIELDS) for (const source of flagWords[field]) addPattern({ kind: 'flagContext', id }, source);
  for (const faq of data.faq) for (const source of faq[locale].patterns) addPattern({ kind: 'faq', id: faq.id }, source);
  for (const entry of data.unlisted) for (const source of entry[locale].patterns) addPattern({ kind: 'unlisted', id: entry.id }, source);
  for (const [id, field] of CONTEXT_FIELDS) for (const source of lexicon[field]) addPattern({ kind: 'context', id }, source);

  // A red flag pattern is a candidate through its narrowest word only: every word must be there
  // anyway, and indexing "@neg" or "@turning" would test many patterns on every "no".
  const common = new Set(lexicon.commonWords);
  const breadths = new Map<TermId, number>();
  const breadth = (term: TermId): number => {
    if (term === negTerm || term === notDenyingTerm) return Infinity;
    let known = breadths.get(term);
    if (known === undefined) {
      const key = termKeys.get(term) ?? '';
      const name = key.startsWith('@') ? key.slice(1) : null;
      const words = name === null ? [key] : (flagWords.classes[name] ?? lexicon.classes[name] ?? []);
      // A stem, a frequent word or a short one ("me", "to") meets more messages than a long word.
      const cost = (word: string) => (word.endsWith('*') ? 3 : 1) + (common.has(word) ? 50 : 0) + (word.length <= 3 ? 2 : 0);
      known = words.flatMap((word) => word.split('|')).reduce((sum, word) => sum + cost(word), 0);
      breadths.set(term, known);
    }
    return known;
  };
  const termKeys = new Map([...terms.ids].map(([key, id]) => [id, key]));
  const narrowest = (pattern: Pattern) => pattern.terms.reduce((best, term) => (breadth(term) < breadth(best) ? term : best));
  const patternsByTerm = new Map<TermId, number[]>();
  patterns.forEach((pattern, index) => {
    const flagKind = pattern.owner.kind === 'flag' || pattern.owner.kind === 'unless' || pattern.owner.kind === 'flagContext';
    for (const term of flagKind && pattern.terms.length > 1 ? [narrowest(pattern)] : new Set(pattern.terms)) {
      if (term === negTerm && pattern.terms.length > 1) continue; // "no" alone never makes a pattern a candidate
      const list = patternsByTerm.get(term) ?? [];
      list.push(index);
      patternsByTerm.set(term, list);
    }
  });

  const answers = new Map<string, 'yes' | 'no' | 'unsure'>();
  for (const kind of ['yes', 'no', 'unsure'] as const) {
    for (const phrase of lexicon.answers[kind]) answers.set(normalizePhrase(phrase), kind);
  }

  // Typos never fill a red-flag or a context word: "nena" must not become "niña" of "de niña".
  // Nor a thing outside the list: "spraying" must not become "sprain".
  const flagTerms = new Set(
    patterns.filter((p) => FLAG_ONLY_KINDS.has(p.owner.kind)).flatMap((p) => p.terms),
  );
  const otherTerms = new Set(patterns.filter((p) => !FLAG_ONLY_KINDS.has(p.owner.kind) && p.owner.kind !== 'unless').flatMap((p) => p.terms));
  const flagOnlyTerms = new Set([...flagTerms].filter((term) => !otherTerms.has(term)));
  const { words, stems } = vocabulary(terms);
  const wordSets = Object.fromEntries(WORD_SETS.map((field) => [field, new Set(lexicon[field])])) as WordSets;
  return {
    ...wordSets,
    locale,
    terms,
    negTerm,
    goodTerm: terms.ids.get('@good') ?? defineTerm(terms, '@good', []),
    itemRules: new Map(
      data.items.map((item) => [
        item.id,
        { symptom: item.kind === 'symptom', personal: item.personal, explainedBy: item.explainedBy, notWith: item[locale].notWith },
      ]),
    ),
    yearTerm,
    manyTerm: terms.ids.get('@many'),
    contextOpeners: new Set(patterns.filter((p) => p.owner.kind === 'context').map((p) => p.terms[0]!)),
    notWithOpeners: new Set(patterns.filter((p) => p.owner.kind === 'notWith').map((p) => p.terms[0]!)),
    flagOnlyTerms,
    patterns,
    patternsByTerm,
    shorthand: new Map(Object.entries(lexicon.shorthand).map(([short, full]) => [short, full.split(' ')])),
    conditionWords: new Set(lexicon.hypothetical.filter((phrase) => !phrase.includes(' ')).flatMap((phrase) => phrase.split('|')).map(normalizePhrase)),
    compounds: byFirstWord(
      Object.entries(lexicon.compounds).map(([phrase, joined]) => ({ words: normalizePhrase(phrase).split(' '), joined })),
      (compound) => compound.words,
    ),
    closingNegation: new Set(['no', ...lexicon.closingNegation]),
    answerTags: lexicon.answerTags.map(normalizePhrase),
    listTopics: new Map(Object.entries(lexicon.listTopics)),
    negationExceptions: byFirstWord(lexicon.negationExceptions.map((phrase) => normalizePhrase(phrase).split(' ')), (words) => words),
    questionStarts: byFirstWord(lexicon.questionWords.map((phrase) => normalizePhrase(phrase).split(' ')), (words) => words),
    answers,
    speller: createSpeller(words, stems),
    flags: {
      kindItems: new Map(data.redFlags.kinds.flatMap((kind) => (kind.item ? [[kind.id, kind.item] as const] : []))),
      cannot: new Set(flagWords.cannot),
      persons: new Set(flagWords.persons),
      animals: new Set(flagWords.animals),
      distant: new Set(flagWords.distant),
      selfSpeakers: new Set(flagWords.selfSpeakers),
      referBack: new Set(flagWords.referBack),
      generic: new Set(flagWords.generic),
      questionOpeners: new Set(flagWords.questionOpeners),
      notBefore: classWords(terms, locale, flagWords.notBefore),
      notAfter: classWords(terms, locale, flagWords.notAfter),
      bridges: new Set(flagWords.bridges),
      notDenyingTerm,
      gapBlockers: new Set(flagWords.gapBlockers),
      contextOpeners: new Set(patterns.filter((p) => p.owner.kind === 'flagContext').map((p) => p.terms[0]!)),
      urgencyOpeners: new Set(patterns.filter((p) => p.owner.kind === 'flagContext' && p.owner.id === 'urgency').map(narrowest)),
    },
    faqSearch: createFaqSearch(
      data.faq.flatMap((faq) => faq[locale].questions.map((question) => ({ id: faq.id, question: normalizePhrase(question) }))),
    ),
  };
}
