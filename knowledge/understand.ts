import type { ContextId, LocaleIndex, Owner } from './compile';
import { otherLocale, type ItemId, type Locale } from './ids';
import { isRealWord } from './dictionary';
import { knowledgeIndex } from './load';
import { findMatches, hasTermIn, isDenied, Match, negatedBefore, resolveOverlaps, Span, Token } from './match';
import { readRedFlags } from './redFlags';
import { answersIn, readShortAnswer } from './shortAnswer';
import { emergencyProbability, isModelGuess } from './emergencyModel';
import { splitClauses } from './clauses';
import { expandShorthand, FEVER_READING, isMarker, NORMAL_READING, normalizeText, tokenize } from './normalize';
import { termsOf, TermId } from './terms';
import type { Understanding } from './types';

// understand(text, locale): what a message reports, denies, asks or flags. The steps, in order:
// normalise -> tokens (shorthand expanded, typos mended) -> sentences -> clauses -> patterns ->
// polarity. Never throws, and never looks at anything but the text and the knowledge base.

const ITEM_KINDS = new Set<Owner['kind']>(['item', 'deny']);
const NOT_WITH_KINDS = new Set<Owner['kind']>(['notWith']);
const TOPIC_KINDS = new Set<Owner['kind']>(['topic']);
const FAQ_KINDS = new Set<Owner['kind']>(['faq']);
const UNLISTED_KINDS = new Set<Owner['kind']>(['unlisted']);
const CONTEXT_KINDS = new Set<Owner['kind']>(['context']);
const YEAR = /^(19|20)\d\d$/;
const FAQ_FALLBACK_MAX_SCORE = 0.3;

const empty = (): Understanding => ({
  present: [],
  absent: [],
  emergency: false,
  emergencyKind: null,
  emergencyTier: null,
  urgencyQuestion: false,
  urgencyKind: null,
  unsure: [],
  unlisted: [],
  flagAwaiting: null,
  answer: null,
  faq: null,
  explain: null,
});

/** Whether `phrase` is written at `at` in `words`. */
function phraseAt(phrase: readonly string[], words: readonly string[], at: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** Whether `phrase` is written at `at` in `tokens`. */
function phraseAtToken(phrase: readonly string[], tokens: readonly Token[], at: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k]?.word !== phrase[k]) return false;
  return true;
}

/** "black and blue" -> "blackandblue", so "and" inside a set phrase does not split a clause. */
function joinCompounds(index: LocaleIndex, words: string[]): string[] {
  if (index.compounds.size === 0) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const compound = index.compounds.get(words[i]!)?.find(({ words: phrase }) => phraseAt(phrase, words, i));
    if (compound) {
      out.push(compound.joined);
      i += compound.words.length - 1;
    } else {
      out.push(words[i]!);
    }
  }
  return out;
}

/** Whether a word as written fills any term. */
const means = (index: LocaleIndex, word: string) => knownTerms(index, word, false).length > 0;

const DIGIT = /\d/;

/** Shorter joins are too often chance: "no" + "se". */
const MIN_JOINED = 6;

/**
 * Voice dictation splits a word it does not know: "res pirar", "ki mio terapia". Two neighbours
 * that mean nothing alone but are a known word together are read as that word.
 */
function joinSplitWords(index: LocaleIndex, words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1];
    if (b !== undefined && a.length + b.length >= MIN_JOINED && !isMarker(a) && !isMarker(b) && !means(index, a) && !means(index, b)) {
      const joined = a + b;
      if (!DIGIT.test(joined) && means(index, joined)) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The terms one word fills: exact, stem or Snowball stem, a year, a count; else its mended spelling's. */
function termsOfWord(index: LocaleIndex, word: string, mend: boolean): TermId[] {
  let terms = termsOf(index.terms, word);
  if (YEAR.test(word)) terms = [...terms, index.yearTerm];
  else if (index.manyTerm !== undefined && /^\d{1,3}$/.test(word) && Number(word) >= 5) terms = [...terms, index.manyTerm];
  if (mend && terms.length === 0 && !index.commonWords.has(word) && !/\d/.test(word)) {
    // A real word of either language is never mended: "tried" is no "tired", "breaking" no "breathing".
    const corrected = index.speller.correct(word);
    if (corrected && !isRealWord(word, index.locale)) terms = termsOf(index.terms, corrected).filter((term) => !index.flagOnlyTerms.has(term));
  }
  return terms;
}

// The terms a word fills never change for a locale, and people use the same few hundred words:
// they are remembered per index, like the speller's answers.
// Read in the other language (see understand()), words are taken as written: its typos are not mended.
const termCache = new WeakMap<LocaleIndex, Map<string, TermId[]>>();
const exactTermCache = new WeakMap<LocaleIndex, Map<string, TermId[]>>();
const TERM_CACHE_SIZE = 20000;

/** termsOfWord, remembered per index (frozen: tokens share the arrays). */
function knownTerms(index: LocaleIndex, word: string, mend: boolean): TermId[] {
  const caches = mend ? termCache : exactTermCache;
  let known = caches.get(index);
  if (!known) caches.set(index, (known = new Map()));
  let terms = known.get(word);
  if (!terms) {
    terms = Object.freeze(termsOfWord(index, word, mend)) as TermId[];
    if (known.size >= TERM_CACHE_SIZE) known.clear();
    known.set(word, terms);
  }
  return terms;
}

/** Tokens with the terms each fills, typos mended only where an exact look-up found nothing. */
function annotate(index: LocaleIndex, words: string[], mend = true): Token[] {
  // Tokens share the remembered arrays: nothing changes a token's terms in place (the idiom
  // rule below gives a token a new array).
  const tokens = words.map((word): Token => (isMarker(word) ? { word, terms: [] } : { word, terms: knownTerms(index, word, mend) }));

  // "no matter how much I sleep": the "no" of an idiom denies nothing.
  for (let i = 0; i < tokens.length; i++) {
    const phrases = index.negationExceptions.get(tokens[i]!.word);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (phraseAtToken(phrase, tokens, i)) {
        for (let k = 0; k < phrase.length; k++) tokens[i + k]!.terms = tokens[i + k]!.terms.filter((term) => term !== index.negTerm);
      }
    }
  }
  return tokens;
}

/** The terms in order, at most one other word between two ("when I was a baby"). */
function inOrder(tokens: Token[], span: Span, terms: readonly number[]): boolean {
  const from = (position: number, k: number): boolean => {
    if (k === terms.length) return true;
    for (let i = position; i < Math.min(span.to, position + (k === 0 ? span.to : 2)); i++) {
      if (tokens[i]!.terms.includes(terms[k]!) && from(i + 1, k + 1)) return true;
    }
    return false;
  };
  return from(span.from, 0);
}

/** Which context words (past, now, hypothetical, topic, hedge) a stretch of tokens holds. */
function contextsIn(index: LocaleIndex, tokens: Token[], span: Span): Set<ContextId> {
  const found = new Set<ContextId>();
  if (!hasTermIn(tokens, span, index.contextOpeners)) return found;
  for (const match of findMatches(index, tokens, span, CONTEXT_KINDS)) {
    // Context words are phrases in order ("de chiquito", "years ago"): "de" and "niño" apart
    // in "al niño le duelen los huesos de las piernas" say nothing about time.
    if (match.pattern.owner.kind === 'context' && inOrder(tokens, span, match.pattern.terms)) found.add(match.pattern.owner.id);
  }
  return found;
}

/**
 * Whose a symptom is: the nearest person word before it in the sentence. "my sister is anaemic
 * and always pale" is the sister's; "grandma says he looks pale" and "wife says I'm white as a
 * ghost" are the person's (or their child's), who is who the check is about.
 */
function belongsToOther(index: LocaleIndex, tokens: Token[], sentence: Span, position: number): boolean {
  for (let i = position - 1; i >= sentence.from; i--) {
    const word = tokens[i]!.word;
    if (index.selfWords.has(word)) return false;
    if (index.others.has(word)) return true;
  }
  return false;
}

/**
 * A clause that is only a doubt: "hard to say", "not sure", "no sé"; not "sometimes" or "a bit"
 * (unsure answers, but no doubt about a report), nor "no sé de qué" (a doubt about the cause).
 */
function isDoubt(index: LocaleIndex, tokens: Token[], clause: Span, context: Set<ContextId>): boolean {
  const words = tokens.slice(clause.from, clause.to);
  if (index.answers.get(words.map((token) => token.word).join(' ')) !== 'unsure') return false;
  return context.has('hedge') || words.some((token) => token.terms.includes(index.negTerm));
}

/** Where a span's words begin, fillers aside ("wait what is…", "oh if…"). */
function openingAt(index: LocaleIndex, tokens: Token[], span: Span): number {
  let from = span.from;
  while (from < span.to - 1 && index.fillers.has(tokens[from]!.word)) from++;
  return from;
}

/**
 * A sentence that opens like a question, fillers aside ("wait what is petechiae"): a question
 * opening of the lexicon, or a verb like "is", "can", "puede" not followed by a negation ("can
 * leukemia make you lose weight", but not "can't breathe" nor "can barely walk").
 */
function startsWithQuestion(index: LocaleIndex, tokens: Token[], span: Span, withAuxiliaries = true): boolean {
  const from = openingAt(index, tokens, span);
  if (index.questionStarts.get(tokens[from]?.word ?? '')?.some((start) => phraseAtToken(start, tokens, from))) return true;
  const next = tokens[from + 1];
  // Negation by the word itself, so that a reading in the other language can ask this one.
  return (
    withAuxiliaries &&
    index.questionAuxiliaries.has(tokens[from]!.word) &&
    next !== undefined &&
    !isMarker(next.word) &&
    !(index.terms.words.get(next.word)?.includes(index.negTerm) ?? false)
  );
}

/**
 * "If I start getting bruises, should I come back?", "si le salen moretones, ¿vuelvo a escribir?":
 * a question that opens on a condition asks about what might happen; it reports nothing.
 */
function asksOnCondition(index: LocaleIndex, tokens: Token[], sentence: Span): boolean {
  return sentence.asked === true && index.conditionWords.has(tokens[openingAt(index, tokens, sentence)]!.word);
}

/** A token that is a number or a reading normalising marked. */
const isNumber = (word: string) => /^\d+$/.test(word) || word === FEVER_READING || word === NORMAL_READING;

/**
 * "¿37,3 es fiebre?", "37.3, is that a fever?", "¿37,4 ya se considera fiebre?": a question that
 * opens on a reading and asks what it is, with nobody's reading named (no "my", "tengo", "he"),
 * asks about the number; "mi hijo tiene 37,4, ¿es fiebre?" still reports.
 */
function asksAboutReading(index: LocaleIndex, tokens: Token[], sentence: Span): boolean {
  const from = openingAt(index, tokens, sentence);
  if (sentence.asked !== true || !isNumber(tokens[from]!.word)) return false;
  const next = tokens.slice(from + 1, Math.min(sentence.to, from + 4)).filter((token) => !isMarker(token.word));
  if (!next.some((token) => index.questionAuxiliaries.has(token.word))) return false;
  return !tokens.slice(sentence.from, sentence.to).some((token) => index.selfWords.has(token.word) && !index.questionAuxiliaries.has(token.word));
}

/** The yes/no a reply opens with: "para nada, las tengo perfectas" -> no. */
function openingAnswer(index: LocaleIndex, words: Token[]): Understanding['answer'] {
  const plain = words.filter((token) => !isMarker(token.word)).map((token) => token.word);
  for (let length = Math.min(plain.length, 5); length >= 1; length--) {
    const found = index.answers.get(plain.slice(0, length).join(' '));
    if (found) return found;
  }
  return null;
}

/**
 * The words after the last phrase that takes back what came before ("yes, I mean no" -> "no",
 * "sí... bueno, no, no" -> "no, no"), or null when there is none or nothing follows it.
 */
function afterCorrection(index: LocaleIndex, words: string[]): string[] | null {
  let after = -1;
  for (let at = 0; at < words.length; at++) {
    for (const phrase of index.answerCorrections) {
      // A correction word that ends the reply ("no, espera, sí, perdón") takes nothing back.
      const end = at + phrase.length;
      if (phrase.every((word, k) => words[at + k] === word) && words.slice(end).some((word) => !isMarker(word))) after = Math.max(after, end);
    }
  }
  const rest = after < 0 ? [] : words.slice(after).filter((word) => !isMarker(word));
  return rest.length > 0 && rest.length < words.length ? words.slice(after) : null;
}

/** A whole-message yes/no/unsure (knowledge/shortAnswer.ts), else one read part by part; a reply corrected by the person is read from the correction on. */
function shortAnswer(index: LocaleIndex, words: string[]): Understanding['answer'] {
  const corrected = afterCorrection(index, words);
  if (corrected) {
    const answer = shortAnswer(index, corrected);
    if (answer) return answer;
  }
  const whole = readShortAnswer(words, index.answerShapes);
  if (whole) return whole === 'mixed' ? null : whole;
  // Part by part only for a few words: a longer message says more than an answer.
  const kept = words.filter((word) => !isMarker(word) && !index.fillers.has(word));
  if (kept.length > 0 && kept.length <= 6) {
    const byParts = answerByParts(index, words);
    if (byParts) return byParts;
  }
  return answerThenReason(index, words);
}

/** A reason after an answer is at most this long: "no, I wasn't home that week". */
const MAX_REASON_WORDS = 14;
/** Words after an answer with no break between, at most: "nah not the little man". */
const MAX_TAIL_WORDS = 4;
/** An answer that opens a longer message is at most this long. */
const MAX_OPENING_WORDS = 6;

/** A word that a negation before it does not govern: a pronoun ("no I haven't") or another answer ("no not him"). */
function startsOwnClause(shapes: LocaleIndex['answerShapes'], word: string): boolean {
  const unit = shapes.units.get(word);
  return unit === 'pronoun' || unit === 'yes' || unit === 'no' || unit === 'unsure' || shapes.negators.has(word);
}

/** Units that alone open a statement rather than answer. */
const STATEMENT_UNITS: ReadonlySet<string> = new Set(['pronoun', 'auxiliary', 'tag']);

/** "I have", "she is": pronouns and auxiliaries alone open a statement ("I have blurred vision"), not an answer. */
function opensStatement(shapes: LocaleIndex['answerShapes'], words: string[]): boolean {
  return words.every((word) => isMarker(word) || STATEMENT_UNITS.has(shapes.units.get(word) ?? ''));
}

/**
 * "Not sure, I'd have to ask my mum", "sí, sí ha tenido, ya de días", "nah not the little man": a
 * message that opens with a short answer, then words that name nothing (the caller has already
 * found no item, question or red flag in them), is that answer. After a break the rest may be a
 * reason; without one, only a few words that say no other answer, and not after a bare negation,
 * which belongs to the words after it ("no puedo dormir").
 */
function answerThenReason(index: LocaleIndex, words: string[]): Understanding['answer'] {
  const shapes = index.answerShapes;
  for (let end = Math.min(words.length - 1, MAX_OPENING_WORDS); end > 0; end--) {
    const opening = words.slice(0, end);
    const first = readShortAnswer(opening, shapes, false);
    if (first === null || first === 'mixed' || opensStatement(shapes, opening)) continue;
    // The rest, less fillers and the same answer said again ("nah not my boy 👎").
    const rest = words.slice(end).filter((word) => !isMarker(word) && !index.fillers.has(word) && shapes.units.get(word) !== first);
    if (isMarker(words[end]!)) return rest.length <= MAX_REASON_WORDS ? first : null;
    // A doubt keeps a reason even unpunctuated, as dictation writes it: "I couldn't tell you I'd have to ask".
    if (first === 'unsure' && rest.length <= MAX_REASON_WORDS) return first;
    if (rest.length > MAX_TAIL_WORDS || (shapes.negators.has(words[end - 1]!) && !startsOwnClause(shapes, words[end]!))) continue;
    const others = answersIn(rest, shapes);
    others.delete(first);
    return others.size === 0 ? first : others.has('unsure') ? 'unsure' : null;
  }
  return null;
}

/**
 * "yup, that's me", "nope, none of that", "I think so yeah", "capaz, no sé": each part between
 * breaks is read by its longest opening that is an answer. A doubt anywhere makes the whole
 * unsure; yes and no together say nothing.
 */
function answerByParts(index: LocaleIndex, words: string[]): Understanding['answer'] {
  const found = new Set<NonNullable<Understanding['answer']>>();
  let part: string[] = [];
  const readPart = () => {
    const whole = readShortAnswer(part, index.answerShapes);
    if (whole) {
      if (whole !== 'mixed') found.add(whole);
      part = [];
      return;
    }
    const kept = part.filter((word) => !index.fillers.has(word));
    // The opening must be most of the part: "I have a headache" is no "I have".
    for (let length = kept.length; length > 0 && kept.length - length <= 1; length--) {
      const answer = index.answers.get(kept.slice(0, length).join(' '));
      if (answer) {
        found.add(answer);
        break;
      }
    }
    part = [];
  };
  for (const word of words) {
    if (isMarker(word)) readPart();
    else part.push(word);
  }
  readPart();
  if (found.has('unsure')) return 'unsure';
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * Who the message is about. 'self' (the person, or their child): another person's symptoms and
 * risk factors are not theirs. 'someone': the check is for a person the writer cares for, so
 * "my husband is pale" or "mi mamá tuvo quimio" is about that person.
 */
export type About = 'self' | 'someone';

/** One message being read: the passes below fill `result`, `polarity`, `unsure` and `unlisted`. */
interface Pass {
  index: LocaleIndex;
  about: About;
  /** The message as normalised and split, before shorthand and compounds: what the learned model reads. */
  plain: string[];
  words: string[];
  tokens: Token[];
  sentences: Span[];
  clauses: Span[];
  result: Understanding;
  /** Item -> reported (true) or denied (false); the latest mention wins. */
  polarity: Map<ItemId, boolean>;
  unsure: Set<ItemId>;
  unlisted: Set<string>;
  /** Token positions a red flag used: they are not also "something else". */
  claimed: Set<number>;
  /** The red flag rules named a sign and set it aside by its setting: the model is not asked to overrule them. */
  flagSetAside: boolean;
  /** Sentences that ask rather than report. */
  questions: Span[];
  /** Item and denial matches of each clause, found once (by clause start). */
  itemMatches: Map<number, Match[]>;
  /** When reading in the other language than the conversation's: only what uses a word of it counts. */
  foreign: ((word: string) => boolean) | null;
  /** Read in the other language, the conversation's language still says what is a question. */
  ownIndex: LocaleIndex | null;
}

/** Whether a match (or red flag) may count: in the other language, only through a word of that language. */
const counts = (pass: Pass, positions: Iterable<number>) => {
  if (!pass.foreign) return true;
  for (const position of positions) if (pass.foreign(pass.tokens[position]!.word)) return true;
  return false;
};

const inSpan = (span: Span, position: number) => position >= span.from && position < span.to;

/** Pass 1, red flags: "coughing up blood" is an emergency, and its words are not a cold. */
function readFlagsPass(pass: Pass): void {
  const { index, sentences, clauses, result } = pass;
  const tokens = pass.ownIndex ? withOwnNegations(index, pass.ownIndex, pass.tokens) : pass.tokens;
  const flags = readRedFlags({ index, tokens, sentences, clauses, opensAsQuestion: (span) => startsWithQuestion(index, tokens, span) });
  pass.claimed = flags.claimed;
  pass.flagSetAside = flags.setAside;
  if (!flags.emergency && !flags.setAside && pass.foreign === null) {
    if (readTypoFlags(pass, tokens)) return;
  }
  if (!counts(pass, flags.claimed)) return;
  result.emergency = flags.emergency;
  result.emergencyKind = flags.emergencyKind;
  result.emergencyTier = flags.emergencyTier;
  result.urgencyQuestion = flags.urgencyQuestion;
  result.urgencyKind = flags.urgencyKind;
  result.flagAwaiting = flags.awaiting;
}

/** A word this short is never mended into a red flag's word: too many words are one edit from "blue". */
const MIN_TYPO_FLAG_LENGTH = 5;

/**
 * "my dajghter cant breaht her lios are bkue pls": a red flag typed in a panic. Mending never fills a
 * red flag's own words in the ordinary reading (a typo alone must not call 911), so when the rules
 * found no flag, the message is read once more with its unknown words mended into those words
 * too; a flag found only so is possible, never clear: the person is asked whether it is happening
 * now, and gets the 911 advice with the question. True when it raised one.
 */
function readTypoFlags(pass: Pass, tokens: Token[]): boolean {
  const { index, result } = pass;
  // Only beside a plea or a hurry ("pls", "help", "ayuda"): a typo in a calm message ("ando bien
  // agüitada", sad, is one letter from "agitada") is read as it is.
  if (!tokens.some((token) => index.panicWords.has(token.word))) return false;
  let mended: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Only a word the knowledge base does not know as written (its ordinary mending may have
    // found an item's word in it: "breaht" is "breath" for the item, not yet for the red flag).
    if (token.word.length < MIN_TYPO_FLAG_LENGTH || isMarker(token.word) || /\d/.test(token.word) || termsOf(index.terms, token.word).length > 0) continue;
    // Nor a word the lexicon knows for someone ("mimama", joined from "mi mamá", is no "mirada").
    if (index.commonWords.has(token.word) || namesSomeone(index, token.word) || isRealWord(token.word, index.locale)) continue;
    const corrected = index.speller.correct(token.word);
    const flagTerms = corrected ? termsOf(index.terms, corrected).filter((term) => index.flagOnlyTerms.has(term)) : [];
    if (flagTerms.length === 0) continue;
    mended ??= [...tokens];
    mended[i] = { word: corrected!, terms: [...new Set([...token.terms, ...termsOf(index.terms, corrected!)])] };
  }
  if (!mended) return false;
  const { sentences, clauses } = pass;
  const typo = readRedFlags({ index, tokens: mended, sentences, clauses, opensAsQuestion: (span) => startsWithQuestion(index, mended!, span) });
  if (!typo.emergency) return false;
  result.emergency = true;
  result.emergencyKind = typo.emergencyKind;
  result.emergencyTier = 'possible';
  return true;
}

/**
 * Pass 2, questions: "what are petechiae?", "is it hereditary?" ask, they do not report. A
 * sentence that opens like a question always counts; one that only ends in "?" counts when it
 * matches an FAQ or names an item with nothing else ("petechiae??", "wait wats petechiae"), so
 * "u think bruises r bad? i get em all the time" still reports bruising.
 */
function readQuestionsPass(pass: Pass): void {
  const { index, tokens } = pass;
  for (const sentence of pass.sentences) {
    const opensAsQuestion =
      startsWithQuestion(index, tokens, sentence) || (pass.ownIndex !== null && startsWithQuestion(pass.ownIndex, tokens, sentence)) || asksOnCondition(index, tokens, sentence) || asksAboutReading(index, tokens, sentence);
    if (!opensAsQuestion && !sentence.asked) continue;
    const faqMatch = resolveOverlaps(findMatches(index, tokens, sentence, FAQ_KINDS))[0];
    if (faqMatch && !pass.result.faq) pass.result.faq = faqMatch.pattern.owner.id;
    if (opensAsQuestion) pass.questions.push(sentence);
    else if (faqMatch || lastClauseAsks(pass, sentence)) pass.questions.push(askingPart(pass, sentence));
  }
}

/** The clauses of one sentence, in order. */
const clausesOf = (pass: Pass, sentence: Span) => pass.clauses.filter((clause) => clause.from >= sentence.from && clause.to <= sentence.to);

/** "petechiae, what are they?", "bruises, are they bad?": the last clause of an asked sentence opens like a question. */
function lastClauseAsks(pass: Pass, sentence: Span): boolean {
  if (sentence.asked !== true) return false;
  const last = clausesOf(pass, sentence).at(-1);
  return last !== undefined && last.from > sentence.from && startsWithQuestion(pass.index, pass.tokens, last);
}

/** A word that names the writer or someone: "I", "tengo", "my", "his" (the lexicon's possessives), a relative, someone else. */
const namesSomeone = (index: LocaleIndex, word: string) => index.selfWords.has(word) || index.others.has(word) || index.relatives.has(word) || index.possessives.has(word);

/**
 * The part of a sentence closing on "?" that asks: "toy en quimio y tengo 38.8 de fiebre, voy a
 * urgencias o q?" asks only in its last clause, since the clauses before it say what someone has
 * (a word naming someone: "I", "tengo", "his", "mi hijo"); "petechiae, what are they?" asks whole.
 */
function askingPart(pass: Pass, sentence: Span): Span {
  const { index, tokens } = pass;
  const last = clausesOf(pass, sentence).at(-1);
  if (!last || last.from === sentence.from) return sentence;
  for (let i = sentence.from; i < last.from; i++) if (namesSomeone(index, tokens[i]!.word)) return { ...sentence, from: last.from };
  return sentence;
}

/** The yes/no of the sentence after one that asks an item back: "Bruises? Nothing like that". */
function replyAfter(pass: Pass, sentence: Span): boolean | null {
  const { index, tokens, sentences } = pass;
  if (!sentence.asked || startsWithQuestion(index, tokens, sentence, false)) return null;
  const reply = sentences[sentences.indexOf(sentence) + 1];
  if (!reply) return null;
  const words = tokens.slice(reply.from, reply.to);
  const answer = openingAnswer(index, words);
  if (answer === 'no' || (words[0]?.terms.includes(index.negTerm) ?? false)) return false;
  return answer === 'yes' ? true : null;
}

/** "gums: no, bones: no", "fiebre sí": a bare topic word and a yes or no make a list entry. */
function readListEntry(pass: Pass, clause: Span): void {
  const { index, tokens } = pass;
  if (clause.to - clause.from !== 2) return;
  const topic = index.listTopics.get(tokens[clause.from]!.word);
  const said = index.answers.get(tokens[clause.from + 1]!.word);
  if (topic && (said === 'yes' || said === 'no')) set(pass, topic, said === 'yes');
}

/** Records a mention; the latest wins, as people correct themselves. */
function set(pass: Pass, id: ItemId, present: boolean): void {
  pass.polarity.delete(id);
  pass.unsure.delete(id);
  pass.polarity.set(id, present);
}

/**
 * A cause of the kinds given that the sentence does not deny or belittle: "without bumping into
 * anything", "sin darme golpes", "from the smallest bump" explain nothing. (Their "sin" is a negation exception, so it is looked for
 * as a word right before the cause.)
 */
function explainedIn(pass: Pass, span: Span, kinds: readonly ContextId[]): boolean {
  const { index, tokens } = pass;
  if (!hasTermIn(tokens, span, index.contextOpeners)) return false;
  return findMatches(index, tokens, span, CONTEXT_KINDS).some(
    (match) => kinds.includes(match.pattern.owner.id as ContextId) && !negatedBefore(index, tokens, span, match) && !deniedJustBefore(index, tokens, span, match.positions[0]!),
  );
}

/** A negation or a "slight" word one or two words before a position: "sin golpes", "smallest bump". */
function deniedJustBefore(index: LocaleIndex, tokens: Token[], span: Span, position: number): boolean {
  for (let i = Math.max(span.from, position - 2); i < position; i++) {
    const token = tokens[i]!;
    if (index.plainNegators.has(token.word) || index.slight.has(token.word) || token.terms.includes(index.negTerm)) return true;
  }
  return false;
}

/**
 * A report explained by a cause in its sentence: "cut his foot on a shell and now the foot is
 * turning gray", "a bruise on my shin, but I banged it". A cause before a "but" does not explain
 * what follows it: "he plays sports but lately he bruises so easily".
 */
function explainedAway(pass: Pass, sentence: Span, match: Match): boolean {
  const rules = pass.index.itemRules.get(match.pattern.owner.id as ItemId)!;
  if (rules.explainedBy.length === 0) return false;
  let from = sentence.from;
  for (let i = match.positions[0]! - 1; i > sentence.from; i--) {
    if (pass.index.contrasts.has(pass.tokens[i]!.word)) {
      from = i + 1;
      break;
    }
  }
  return explainedIn(pass, { from, to: sentence.to, negated: false }, rules.explainedBy);
}

/** Whether an item named in a clause is the person's own, now, and meant: else it is skipped. */
function itemApplies(pass: Pass, clause: Span, sentence: Span, match: Match, context: Set<ContextId>): boolean {
  const { index, tokens, about } = pass;
  const rules = index.itemRules.get(match.pattern.owner.id as ItemId)!;
  if (match.pattern.owner.kind === 'item' && rules.notWith.length > 0 && hasTermIn(tokens, clause, index.notWithOpeners) && findMatches(index, tokens, clause, NOT_WITH_KINDS).some((other) => other.pattern.owner.id === match.pattern.owner.id)) return false;
  if (about !== 'self') return !(rules.symptom && context.has('past') && !context.has('now'));
  const aboutRelative = tokens.slice(clause.from, clause.to).some((token) => index.relatives.has(token.word));
  // "my dad worked with pesticides and solvents": his exposure, across the "and".
  const others = belongsToOther(index, tokens, sentence, match.positions[0]!);
  if (rules.personal && (aboutRelative || others)) return false;
  // A symptom long past ("with covid in 2021", "de chiquito") or someone else's is not now.
  return !(rules.symptom && ((context.has('past') && !context.has('now')) || others));
}

/** One item or denial phrase of a clause, read for polarity. */
function readItemMatch(pass: Pass, clause: Span, sentence: Span, match: Match, matches: Match[], context: Set<ContextId>): boolean {
  const { index, tokens } = pass;
  const owner = match.pattern.owner as { kind: 'item' | 'deny'; id: ItemId };
  if (!counts(pass, match.wordPositions) || !itemApplies(pass, clause, sentence, match, context)) return false;
  if (context.has('hedge') && owner.kind === 'item') {
    pass.polarity.delete(owner.id);
    pass.unsure.add(owner.id);
    return false;
  }
  if (owner.kind === 'item' && matches.some((other) => other.pattern.owner.kind === 'deny' && other.pattern.owner.id === owner.id)) return false;
  // "me siento bien weak", "las glands bien swollen": "bien" before such a word says "very".
  if (owner.kind === 'deny' && match.positions.some((position) => index.intensified.has(tokens[position + 1]?.word ?? ''))) return false;
  // A denial phrase is itself denied only by a negation before it: "the air reaches me fine"
  // ("el aire me alcanza bien") stays a denial, "doesn't eat well" reports the item.
  // A normal reading is no fever whatever negation comes before it: the "no" of "no tengo fiebre
  // tengo 36.7" (dictated, with no comma) is the fever's, and "not 36.7" says nothing.
  const reading = owner.kind === 'deny' && match.positions.some((position) => tokens[position]!.word === NORMAL_READING);
  const denied = owner.kind === 'deny' ? !reading && ((clause.negated && !clause.listed) || negatedBefore(index, tokens, clause, match)) : isDenied(index, tokens, clause, match);
  const present = owner.kind === 'item' ? !denied : denied;
  if (present && explainedAway(pass, sentence, match)) return false;
  set(pass, owner.id, present);
  return present;
}

function itemMatchesOf(pass: Pass, clause: Span): Match[] {
  let found = pass.itemMatches.get(clause.from);
  if (!found) pass.itemMatches.set(clause.from, (found = resolveOverlaps(findMatches(pass.index, pass.tokens, clause, ITEM_KINDS))));
  return found;
}

/** Pass 3, items: what each clause reports, denies or doubts. */
function readItemsPass(pass: Pass): void {
  const { index, tokens, sentences } = pass;
  let reportedBefore: ItemId[] = [];
  for (const clause of pass.clauses) {
    const question = pass.questions.find((sentence) => inSpan(sentence, clause.from));
    const sentence = sentences.find((span) => inSpan(span, clause.from)) ?? clause;
    const matches = itemMatchesOf(pass, clause);
    const context = matches.length > 0 ? contextsIn(index, tokens, clause) : new Set<ContextId>();
    if (matches.length === 0 && !question) readListEntry(pass, clause);
    if (matches.length === 0 && !question) readNormalState(pass, clause, sentence);
    // "maybe a bit pale? hard to say", "pálida, no sé": a doubt standing after a report makes it unsure.
    if (matches.length === 0 && reportedBefore.length > 0 && isDoubt(index, tokens, clause, contextsIn(index, tokens, clause))) {
      for (const id of reportedBefore) {
        pass.polarity.delete(id);
        pass.unsure.add(id);
      }
    }
    reportedBefore = [];
    const reply = replyAfter(pass, sentence);
    for (const match of matches) {
      const owner = match.pattern.owner as { kind: 'item' | 'deny'; id: ItemId };
      if (reply !== null && owner.kind === 'item') set(pass, owner.id, reply);
      else if (question) pass.result.explain ??= pass.result.faq ? null : owner.id;
      else if (readItemMatch(pass, clause, sentence, match, matches, context)) reportedBefore.push(owner.id);
    }
  }
}

/**
 * "appetite's huge", "tengo buen color", "respiro perfecto": the thing an item is about (its
 * topic words) in a good or normal state denies the item, when nothing in the clause names the
 * item itself and no negation turns the good state round ("not great").
 */
function readNormalState(pass: Pass, clause: Span, sentence: Span): void {
  const { index, tokens } = pass;
  let good = false;
  for (let i = clause.from; i < clause.to && !good; i++) good = tokens[i]!.terms.includes(index.goodTerm);
  if (!good || clause.negated) return;
  for (let i = clause.from; i < clause.to; i++) if (tokens[i]!.terms.includes(index.negTerm)) return;
  for (const match of resolveOverlaps(findMatches(index, tokens, clause, TOPIC_KINDS))) {
    const id = match.pattern.owner.id as ItemId;
    if (pass.polarity.has(id)) continue;
    if (pass.about === 'self' && belongsToOther(index, tokens, sentence, match.positions[0]!)) continue;
    set(pass, id, false);
  }
}

/** Pass 4, things off the list ("night sweats", "a cold"), never in a question or long past. */
function readUnlistedPass(pass: Pass): void {
  const { index, tokens } = pass;
  for (const clause of pass.clauses) {
    if (pass.questions.some((sentence) => inSpan(sentence, clause.from))) continue;
    const found = findMatches(index, tokens, clause, UNLISTED_KINDS);
    if (found.length === 0) continue;
    const claimed = new Set([...pass.claimed, ...itemMatchesOf(pass, clause).flatMap((match) => match.wordPositions)]);
    const context = contextsIn(index, tokens, clause);
    for (const match of found) {
      if (match.positions.some((position) => claimed.has(position)) || !counts(pass, match.wordPositions)) continue;
      if (!isDenied(index, tokens, clause, match) && !(context.has('past') && !context.has('now'))) pass.unlisted.add(match.pattern.owner.id);
    }
  }
}

/** Pass 5, the FAQ fallback: a question no pattern caught is looked up by its closest wording. */
function faqFallbackPass(pass: Pass): void {
  const { index, tokens, result } = pass;
  if (result.faq || pass.questions.length === 0 || pass.polarity.size > 0 || result.explain) return;
  const question = pass.questions[0]!;
  const best = index.faqSearch(tokens.slice(question.from, question.to).map((token) => token.word).join(' '));
  if (best && best.score <= FAQ_FALLBACK_MAX_SCORE) result.faq = best.id;
}

/** Pass 6, a short answer: only a message that reports, asks and flags nothing is a yes/no/unsure. */
function answerPass(pass: Pass): void {
  const { result } = pass;
  if (pass.polarity.size > 0 || pass.unsure.size > 0 || pass.unlisted.size > 0) return;
  if (result.emergency || result.explain) return;
  if (result.faq) {
    // "no, ¿por qué?", "nope, why do you ask?": a question back about our question, said with an
    // answer, is part of the answer (the lexicon's answerTags), not a question to answer instead.
    const whole = readShortAnswer(pass.words, pass.index.answerShapes);
    if (whole === null || whole === 'mixed') return;
    result.faq = null;
  }
  result.answer = shortAnswer(pass.index, pass.words);
}

/** Fewer words than this are a reply, not a description: the model is not asked. */
const MIN_MODEL_WORDS = 3;

/**
 * Pass 7, the learned second opinion (knowledge/emergencyModel.ts): where no rule raised a red
 * flag, in the conversation's own language, and the message does not only ask, a confident model
 * raises a possible flag. It knows no kind: the advice is the general one, and the person is asked
 * whether it is happening now. A question ("what do I do if someone has a seizure?") and a sign
 * the rules set aside by its setting (a game, the news, years ago) are left to the rules, which
 * know settings.
 */
function modelPass(pass: Pass): void {
  const { result, index } = pass;
  // A reading in the other language (`foreign`) counts only that language's words: no model there.
  if (result.emergency || pass.flagSetAside || pass.foreign !== null) return;
  if (pass.plain.filter((word) => !isMarker(word)).length < MIN_MODEL_WORDS) return;
  if (pass.sentences.every((sentence) => pass.questions.includes(sentence))) return;
  const model = index.emergencyModel;
  if (emergencyProbability(model, pass.plain) <= model.threshold) return;
  result.emergency = true;
  result.emergencyKind = null;
  result.emergencyTier = 'possible';
}

export function understandWith(index: LocaleIndex, text: unknown, about: About = 'self'): Understanding {
  return readWords(index, tokenize(normalizeText(text)), about, null, null);
}

/**
 * Red flags read in the other language still hear the conversation's own negations: "estoy en
 * chemo pero sin fever" has no fever on treatment in the English reading either. Only for red
 * flags: the items of the other reading count through its own words alone.
 */
function withOwnNegations(index: LocaleIndex, ownIndex: LocaleIndex, tokens: Token[]): Token[] {
  return tokens.map((token) =>
    isMarker(token.word) || token.terms.includes(index.negTerm) || !knownTerms(ownIndex, token.word, false).includes(ownIndex.negTerm)
      ? token
      : { word: token.word, terms: [...token.terms, index.negTerm] },
  );
}

/** A message already normalised and split into words, made ready for the passes in one language; null when it has no words. */
function startPass(index: LocaleIndex, plain: string[], about: About, foreign: Pass['foreign'], ownIndex: LocaleIndex | null): Pass | null {
  const words = joinCompounds(index, joinSplitWords(index, expandShorthand(plain, index.shorthand)));
  if (words.length === 0) return null;
  const tokens = annotate(index, words, foreign === null);
  const { sentences, clauses } = splitClauses(index, tokens, ownIndex?.clauseBreaks);
  return {
    index, about, plain, words, tokens, sentences, clauses, result: empty(),
    polarity: new Map(), unsure: new Set(), unlisted: new Set(), claimed: new Set(), flagSetAside: false, questions: [], itemMatches: new Map(), foreign, ownIndex,
  };
}

/** The passes over a message already normalised and split into words (shared by both languages). */
function readWords(index: LocaleIndex, plain: string[], about: About, foreign: Pass['foreign'], ownIndex: LocaleIndex | null): Understanding {
  const pass = startPass(index, plain, about, foreign, ownIndex);
  if (!pass) return empty();
  const { result } = pass;
  readFlagsPass(pass);
  readQuestionsPass(pass);
  readItemsPass(pass);
  readUnlistedPass(pass);
  faqFallbackPass(pass);
  answerPass(pass);
  modelPass(pass);
  for (const [id, present] of pass.polarity) (present ? result.present : result.absent).push(id);
  for (const id of pass.unsure) if (!pass.polarity.has(id)) result.unsure.push(id);
  result.unlisted.push(...pass.unlisted);
  return result;
}

/** Only the red flag pass (pass 1 depends on no other pass). */
function readFlagsOnly(index: LocaleIndex, plain: string[], foreign: Pass['foreign'], ownIndex: LocaleIndex | null): Understanding {
  const pass = startPass(index, plain, 'self', foreign, ownIndex);
  if (!pass) return empty();
  readFlagsPass(pass);
  return pass.result;
}

// A result may be shared by several readers of one message (check/reading.ts keeps one per
// language), so it is frozen: no reader can change what another sees.
function freeze(result: Understanding): Readonly<Understanding> {
  Object.freeze(result.present);
  Object.freeze(result.absent);
  Object.freeze(result.unlisted);
  Object.freeze(result.unsure);
  return Object.freeze(result);
}

// A message may mix the two languages ("me duelen los bones", "my gums bleed cuando me
// cepillo"). When it holds a word that only the other language's knowledge knows, it is read in
// both, and what either finds counts; the conversation's language wins a conflict.
const foreignCache = new WeakMap<LocaleIndex, Map<string, boolean>>();

/**
 * Whether a word means nothing in `own` (not even a frequent word) but is a word of `other`: as
 * written, or through a stem when it is a real word of that language ("bolitas", not "dotor").
 */
function isForeign(own: LocaleIndex, other: LocaleIndex, word: string): boolean {
  let cache = foreignCache.get(own);
  if (!cache) foreignCache.set(own, (cache = new Map()));
  let found = cache.get(word);
  if (found === undefined) {
    found = !isMarker(word) && !own.commonWords.has(word) && termsOf(own.terms, word).length === 0 &&
      (other.terms.words.has(word) || (termsOf(other.terms, word).length > 0 && isRealWord(word, other.locale)));
    if (cache.size >= TERM_CACHE_SIZE) cache.clear();
    cache.set(word, found);
  }
  return found;
}


/** Own's flag stands unless the other language's rules raised one where own has none or only the model's guess (the other reading never asks the model). */
const keepsOwnFlag = (own: Understanding, other: Understanding) => !other.emergency || (own.emergency && !isModelGuess(own.emergencyKind, own.emergencyTier));

/** `own` with what `other` adds: items own does not mention, a red flag own missed, an FAQ. */
function merged(own: Understanding, other: Understanding, otherIs: Locale): Understanding {
  const mentioned = new Set([...own.present, ...own.absent, ...own.unsure]);
  const added = (ids: readonly ItemId[]) => ids.filter((id) => !mentioned.has(id));
  const result: Understanding = {
    ...(keepsOwnFlag(own, other) ? own : { ...own, emergency: true, emergencyKind: other.emergencyKind, emergencyTier: other.emergencyTier, emergencyFrom: otherIs }),
    present: [...own.present, ...added(other.present)],
    absent: [...own.absent, ...added(other.absent)],
    unsure: [...own.unsure, ...added(other.unsure)],
    unlisted: [...new Set([...own.unlisted, ...other.unlisted])],
    urgencyQuestion: own.urgencyQuestion || other.urgencyQuestion,
    urgencyKind: own.urgencyKind ?? other.urgencyKind,
    flagAwaiting: own.flagAwaiting ?? other.flagAwaiting,
    faq: own.faq ?? other.faq,
    explain: own.explain ?? other.explain,
  };
  const saysItems = result.present.length + result.absent.length + result.unsure.length > 0;
  result.answer = saysItems || result.emergency || result.faq || result.explain ? null : (own.answer ?? other.answer);
  return result;
}

/**
 * Understands one message in English or Spanish, about the person or their child ('self', the
 * default) or about someone the writer cares for. Any input is safe: junk gives an empty result.
 */
export function understand(text: string, locale: Locale, about: About = 'self'): Understanding {
  const own = knowledgeIndex(locale);
  const other = knowledgeIndex(otherLocale(locale));
  const plain = tokenize(normalizeText(text));
  const result = readWords(own, plain, about, null, null);
  if (!plain.some((word) => isForeign(own, other, word))) return freeze(result);
  return freeze(merged(result, readWords(other, plain, about, (word) => isForeign(own, other, word), own), other.locale));
}

/** The red flag fields of understand(). */
export type EmergencyReading = Pick<Understanding, 'emergency' | 'emergencyKind' | 'emergencyTier' | 'emergencyFrom'>;

/**
 * What understand(text, locale) says about a red flag (emergency, its kind, tier and language),
 * reading nothing else: a turn asks the other language only whether it flags ("no puedo
 * respirar" in an English conversation), and the other passes cost as much again. Red flags do
 * not depend on whose check it is, so there is no `about`. The same rules as understand() and
 * merged(): the conversation's language first, then the other language's words.
 */
export function understandEmergency(text: string, locale: Locale): EmergencyReading {
  const own = knowledgeIndex(locale);
  const other = knowledgeIndex(otherLocale(locale));
  const plain = tokenize(normalizeText(text));
  const flags = (reading: Understanding, from?: Locale): EmergencyReading =>
    Object.freeze({ emergency: reading.emergency, emergencyKind: reading.emergencyKind, emergencyTier: reading.emergencyTier, ...(from ? { emergencyFrom: from } : {}) });
  const ownReading = readFlagsOnly(own, plain, null, null);
  if (ownReading.emergency || !plain.some((word) => isForeign(own, other, word))) return flags(ownReading);
  const otherReading = readFlagsOnly(other, plain, (word) => isForeign(own, other, word), own);
  return otherReading.emergency ? flags(otherReading, other.locale) : flags(ownReading);
}
