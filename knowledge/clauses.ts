import type { LocaleIndex } from './compile';
import { LOCALES } from './ids';
import { knowledgeLexicons } from './load';
import type { Span, Token } from './match';
import { BREAK, CLAUSE_MARKS, QUESTION_END, SENTENCE_END } from './normalize';

// Where a message's clauses end, in one place. A clause ends at a comma, a sentence or question
// mark (normalizeText's BREAK, SENTENCE_END and QUESTION_END; CLAUSE_MARKS as written) and at a
// lexicon's break words. Two readers cut by these rules:
// - splitClauses, for understand(): over the tokens, at the marks and at every clauseBreak ("but",
//   "and", "pero", "y") and negatedBreak ("nor", "ni"), keeping what a clause leaves open (a
//   denied list, a question).
// - clausesAsWritten, for the check's hedges (check/reading.ts): over the text as written, at the
//   marks and at the contrasts only ("but", "pero"): a hedge covers what "and" joins, so "not sure
//   about fever and bone pain" leaves both unsure. Each piece is kept as written, to be understood
//   on its own.

/** Where splitClauses is in a message: the open sentence and clause, and what the last clause left open. */
interface Splitting {
  index: LocaleIndex;
  tokens: Token[];
  sentences: Span[];
  clauses: Span[];
  sentenceStart: number;
  clauseStart: number;
  /** The clause after "ni" / "nor" is denied. */
  nextNegated: boolean;
  /** A comma list that opened with "no" ("no fever, bruises or bleeding") goes on denying. */
  listNegated: boolean;
  /** A list opened by a clinical denial verb ("niega fiebre y pérdida de peso") runs over "and". */
  byNegator: boolean;
  /** The sentence opened with a question mark ("¿lo llevo al hospital"). */
  openedAsQuestion: boolean;
}

/** Ends the open clause at `end` (a clause of no words is none). */
function closeClause(state: Splitting, end: number): void {
  const { index } = state;
  if (end > state.clauseStart) {
    const words = state.tokens.slice(state.clauseStart, end);
    // "denies fever, night sweats, wt loss": a clinical denial verb anywhere opens the list too.
    // A "no" standing alone is an answer, not the start of a list: "no, respira bien".
    const startsWithNo =
      (words[0] !== undefined && words.length > 1 && words[0].terms.includes(index.negTerm)) || words.some((token) => index.listNegators.has(token.word));
    // "no fever, bruises or bleeding": a comma list that opened with "no" stays denied until a
    // subject or a verb starts a new statement ("no fever, I'm just tired").
    const continuesList = state.listNegated && !words.some((token) => index.subjects.has(token.word) || token.terms.includes(index.negTerm));
    state.clauses.push({ from: state.clauseStart, to: end, negated: state.nextNegated || continuesList, listed: continuesList && !state.nextNegated });
    state.listNegated = startsWithNo || (continuesList && !state.nextNegated);
    state.byNegator = (state.byNegator && continuesList) || words.some((token) => index.listNegators.has(token.word));
  }
  state.nextNegated = false;
}

/**
 * Ends the sentence at the mark at `at`. A question mark with nothing before it in its sentence
 * opens a question ("¿lo llevo al hospital"); one after words closes it, and the sentence after
 * that is no question: "¿lo llevo al hospital? vomitó sangre" reports the blood.
 */
function closeSentence(state: Splitting, at: number): void {
  closeClause(state, at);
  state.listNegated = false;
  const questionMark = state.tokens[at]!.word === QUESTION_END;
  if (at > state.sentenceStart) state.sentences.push({ from: state.sentenceStart, to: at, negated: false, asked: questionMark || state.openedAsQuestion });
  state.openedAsQuestion = questionMark && at === state.sentenceStart;
  state.sentenceStart = at + 1;
  state.clauseStart = at + 1;
}

/**
 * ", ¿" at `at` opens a question after a statement: "tiene 39, ¿la llevo?" reports the 39. (Not
 * after a condition, see splitClauses: "si le da fiebre, ¿voy a urgencias?" asks as a whole.)
 */
function openQuestionAfter(state: Splitting, at: number): void {
  closeClause(state, at - 1);
  state.listNegated = false;
  state.sentences.push({ from: state.sentenceStart, to: at - 1, negated: false, asked: state.openedAsQuestion });
  state.openedAsQuestion = true;
  state.sentenceStart = at + 1;
  state.clauseStart = at + 1;
}

/** Ends the clause at a break word ("but", "y", "ni") at `at`. */
function breakClause(state: Splitting, at: number, word: string): void {
  const negatedBreak = state.index.negatedBreaks.has(word);
  closeClause(state, at);
  if (!negatedBreak && !state.byNegator) state.listNegated = false;
  state.nextNegated = negatedBreak;
  state.clauseStart = at + 1;
}

/** Sentences end at . ! ? ; clauses also at commas and words like "but", "and", "pero", "ni". */
/** `alsoBreaks`: read in the other language, the conversation's own "pero" or "but" still ends a clause. */
export function splitClauses(index: LocaleIndex, tokens: Token[], alsoBreaks?: ReadonlySet<string>): { sentences: Span[]; clauses: Span[] } {
  const state: Splitting = {
    index, tokens, sentences: [], clauses: [], sentenceStart: 0, clauseStart: 0, nextNegated: false, listNegated: false, byNegator: false, openedAsQuestion: false,
  };
  tokens.forEach(({ word }, i) => {
    if (word === QUESTION_END && tokens[i - 1]?.word === BREAK && i - 1 > state.sentenceStart && !conditionIn(index, tokens, state.sentenceStart, i)) openQuestionAfter(state, i);
    else if (word === SENTENCE_END || word === QUESTION_END) closeSentence(state, i);
    else if (word === BREAK) {
      closeClause(state, i);
      state.clauseStart = i + 1;
    } else if (index.clauseBreaks.has(word) || index.negatedBreaks.has(word) || alsoBreaks?.has(word)) breakClause(state, i, word);
  });
  closeClause(state, tokens.length);
  if (tokens.length > state.sentenceStart) state.sentences.push({ from: state.sentenceStart, to: tokens.length, negated: false, asked: state.openedAsQuestion });
  return { sentences: state.sentences, clauses: state.clauses };
}

/** A word of the lexicon's hypotheticals ("si", "if", "alguien") in tokens [from, to). */
function conditionIn(index: LocaleIndex, tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (index.conditionWords.has(tokens[i]!.word)) return true;
  return false;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let contrastCut: RegExp | undefined;

/**
 * The clauses of a message, as written, cut at clause marks and at either lexicon's contrasts:
 * "pale lately, no spots but not sure" -> "pale lately", " no spots ", " not sure". Blank pieces
 * are dropped.
 */
export function clausesAsWritten(text: string): string[] {
  contrastCut ??= new RegExp(
    String.raw`[${CLAUSE_MARKS}]+|\b(?:${LOCALES.flatMap((locale) => knowledgeLexicons()[locale].contrasts).map(escapeRegExp).join('|')})\b`,
    'i',
  );
  return text.split(contrastCut).filter((part) => part.trim() !== '');
}
