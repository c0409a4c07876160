import type { LocaleIndex, Owner, Pattern } from './compile';
import type { TermId } from './terms';

// Pattern matching over one stretch of tokens, and the polarity rules that decide whether what
// matched was reported or denied. Pure functions over the compiled index.

export interface Token {
  word: string;
  terms: TermId[];
}

export interface Span {
  from: number;
  to: number;
  /** Denied as a whole: it follows "ni"/"nor", or continues a list that started with "no". */
  negated: boolean;
  /** Denied only because it continues a list opened by "no" ("no spots, no bruises, gums ok"): a denial phrase in it stays a denial. */
  listed?: boolean;
  /** A sentence that ends with "?" or opens with "¿". */
  asked?: boolean;
}

export interface Match {
  pattern: Pattern;
  /** Token positions the pattern used, ascending. */
  positions: number[];
  /** The same without the slots that were negation words. */
  wordPositions: number[];
}

/** How far before a match a "no"/"never" still reaches ("I haven't had any fever"). */
const NEGATION_REACH = 6;

const hasTerm = (token: Token, term: TermId) => fills(token.terms, term);

/** `list.includes(value)` for the few numbers of a token's terms or a match's positions, without the call into the built-in. */
function fills(list: readonly number[], value: number): boolean {
  for (let k = 0; k < list.length; k++) if (list[k] === value) return true;
  return false;
}

// Term -> patterns, per set of wanted kinds: each caller passes one of a few constant sets, so
// the candidates are only patterns of those kinds without filtering on every look-up. Term ids
// are dense (0, 1, 2...), so the table is an array indexed by term: reading it was the dearest
// line of matching as a Map.
type PatternsByTerm = readonly (readonly number[] | undefined)[];
const byKinds = new WeakMap<LocaleIndex, Map<ReadonlySet<Owner['kind']>, PatternsByTerm>>();

function patternsOfKinds(index: LocaleIndex, kinds: ReadonlySet<Owner['kind']>): PatternsByTerm {
  let perIndex = byKinds.get(index);
  if (!perIndex) byKinds.set(index, (perIndex = new Map()));
  let byTerm = perIndex.get(kinds);
  if (!byTerm) {
    const table: (number[] | undefined)[] = Array.from({ length: index.terms.ids.size }, () => undefined);
    for (const [term, list] of index.patternsByTerm) {
      const kept = list.filter((p) => kinds.has(index.patterns[p]!.owner.kind));
      if (kept.length > 0) table[term] = kept;
    }
    perIndex.set(kinds, (byTerm = table));
  }
  return byTerm;
}

/**
 * Marks of one findMatches call, per index: a pattern already made a candidate and a term seen
 * in the span carry the call's stamp. They stand for a Set of candidates and a Set of terms made
 * on every call; a new stamp clears them all at once.
 */
interface Marks {
  stamp: number;
  pattern: Uint32Array;
  term: Uint32Array;
}
const marksOf = new WeakMap<LocaleIndex, Marks>();

function nextMarks(index: LocaleIndex): Marks {
  let marks = marksOf.get(index);
  if (!marks || marks.term.length < index.terms.ids.size || marks.stamp === 0xffffffff) {
    marks = { stamp: 0, pattern: new Uint32Array(index.patterns.length), term: new Uint32Array(index.terms.ids.size) };
    marksOf.set(index, marks);
  }
  marks.stamp++;
  return marks;
}

const ascending = (a: number, b: number) => a - b;

function allMarked(terms: readonly TermId[], marked: Uint32Array, stamp: number): boolean {
  for (let k = 0; k < terms.length; k++) if (marked[terms[k]!] !== stamp) return false;
  return true;
}

/** The first free token of the span for each term of the pattern, in the pattern's order; null when one is missing. */
function positionsOf(pattern: Pattern, tokens: Token[], span: Span): number[] | null {
  const positions: number[] = [];
  for (let k = 0; k < pattern.terms.length; k++) {
    const term = pattern.terms[k]!;
    let found = -1;
    for (let i = span.from; i < span.to; i++) {
      if (fills(tokens[i]!.terms, term) && !fills(positions, i)) {
        found = i;
        break;
      }
    }
    if (found < 0) return null;
    positions.push(found);
  }
  return positions;
}

/**
 * Finds every pattern (of the wanted kinds) whose terms all fill distinct tokens of the span, in
 * the order the span's words first make each a candidate. Most candidates lack a term, which the
 * term marks tell at once, before the span is searched for positions.
 */
export function findMatches(index: LocaleIndex, tokens: Token[], span: Span, kinds: ReadonlySet<Owner['kind']>): Match[] {
  const byTerm = patternsOfKinds(index, kinds);
  const marks = nextMarks(index);
  const { stamp } = marks;
  const candidates: number[] = [];
  for (let i = span.from; i < span.to; i++) {
    const terms = tokens[i]!.terms;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      marks.term[term] = stamp;
      const list = byTerm[term];
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        if (marks.pattern[p] === stamp) continue;
        marks.pattern[p] = stamp;
        candidates.push(p);
      }
    }
  }
  const matches: Match[] = [];
  for (const p of candidates) {
    const pattern = index.patterns[p]!;
    if (!allMarked(pattern.terms, marks.term, stamp)) continue;
    const positions = positionsOf(pattern, tokens, span);
    if (!positions) continue;
    const wordPositions: number[] = [];
    for (let k = 0; k < positions.length; k++) if (pattern.terms[k] !== index.negTerm) wordPositions.push(positions[k]!);
    matches.push({ pattern, positions: positions.sort(ascending), wordPositions });
  }
  return matches;
}

// A set of terms as flags by term id, made once per set (the sets belong to the compiled index
// and never change): "does this stretch hold one of these terms?" is asked of every clause and
// sentence, and reading an array is cheaper than Set.has for every term of every word.
const flagsOfSet = new WeakMap<ReadonlySet<TermId>, Uint8Array>();

function flagsOf(terms: ReadonlySet<TermId>): Uint8Array {
  let flags = flagsOfSet.get(terms);
  if (!flags) {
    flags = new Uint8Array(Math.max(-1, ...terms) + 1);
    for (const term of terms) flags[term] = 1;
    flagsOfSet.set(terms, flags);
  }
  return flags;
}

/** Whether a token of the stretch fills one of the terms. */
export function hasTermIn(tokens: readonly Token[], span: { from: number; to: number }, terms: ReadonlySet<TermId>): boolean {
  const flags = flagsOf(terms);
  for (let i = span.from; i < span.to; i++) {
    const filled = tokens[i]!.terms;
    for (let k = 0; k < filled.length; k++) if (flags[filled[k]!] === 1) return true;
  }
  return false;
}

/** True when the span denies what the match names: "no fever", "gums are fine", "bruises: no". */
export function isDenied(index: LocaleIndex, tokens: Token[], span: Span, match: Match): boolean {
  if (span.negated) return true;
  const last = match.positions[match.positions.length - 1]!;
  // Negative concord: in "I ain't got no appetite" the pattern's own "no" carries the meaning,
  // and an earlier negation only repeats it.
  // ("sin nada de color"); "falta" in "sin falta de aire" names the thing and can be denied.
  const ownNegation =
    match.pattern.terms.includes(index.negTerm) || match.positions.some((position) => index.plainNegators.has(tokens[position]!.word));
  if (!ownNegation && negatedBefore(index, tokens, span, match)) return true;
  for (let i = last + 1; i < span.to; i++) {
    if (
      index.postNegation.has(tokens[i]!.word) &&
      !index.postNegationBlockers.has(tokens[i - 1]!.word) &&
      !index.intensified.has(tokens[i + 1]?.word ?? '')
    )
      return true;
  }
  // "fiebre no he tenido": a negation right after the item, then "have"/"had".
  for (let i = last + 1; i < Math.min(span.to - 1, last + 4); i++) {
    if (hasTerm(tokens[i]!, index.negTerm) && index.postNegationVerbs.has(tokens[i + 1]!.word)) return true;
  }
  // "bleeding gums no": a bare "no" closing the clause.
  const closing = tokens[span.to - 1];
  // "con nada", "por nada" inside a clause are no denial; "fiebre cero" at its end is.
  return (
    !ownNegation &&
    span.to - 1 > last &&
    closing !== undefined &&
    index.closingNegation.has(closing.word) &&
    !index.postNegationBlockers.has(tokens[span.to - 2]?.word ?? '')
  );
}

/** A negation before the match or among its words, not reaching past "just" or "pero". */
export function negatedBefore(index: LocaleIndex, tokens: Token[], span: Span, match: Match): boolean {
  const first = match.positions[0]!;
  const last = match.positions[match.positions.length - 1]!;
  const used = new Set(match.positions);
  for (let i = last - 1; i >= Math.max(span.from, first - NEGATION_REACH); i--) {
    if (i < first && index.negationStops.has(tokens[i]!.word)) return false;
    if (!used.has(i) && hasTerm(tokens[i]!, index.negTerm)) return true;
  }
  return false;
}

const outranks = (a: Match, b: Match) =>
  a.pattern.score > b.pattern.score || (a.pattern.score === b.pattern.score && a.pattern.order < b.pattern.order);

/** Keeps, per owner, the best match; then drops matches whose words a better match already used. */
export function resolveOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches.slice(); // nothing to rank or overlap: the common case
  const bestByOwner = new Map<string, Match>();
  for (const match of matches) {
    const key = `${match.pattern.owner.kind}:${match.pattern.owner.id}`;
    const best = bestByOwner.get(key);
    if (!best || outranks(match, best)) bestByOwner.set(key, match);
  }
  const ranked = [...bestByOwner.values()].sort((a, b) => (outranks(a, b) ? -1 : 1));
  // "radiation therapy" (a past treatment) uses up "radiation", so exposure to radiation is not
  // read from the same word. Negation words are shared, never used up.
  const claimed = new Set<number>();
  const kept: Match[] = [];
  for (const match of ranked) {
    if (match.wordPositions.length > 0 && match.wordPositions.every((position) => claimed.has(position))) continue;
    kept.push(match);
    for (const position of match.wordPositions) claimed.add(position);
  }
  return kept;
}
