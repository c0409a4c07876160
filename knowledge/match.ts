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

const hasTerm = (token: Token, term: TermId) => token.terms.includes(term);

// Term -> patterns, per set of wanted kinds: each caller passes one of a few constant sets, so
// the candidates are only patterns of those kinds without filtering on every look-up.
const byKinds = new WeakMap<LocaleIndex, Map<ReadonlySet<Owner['kind']>, Map<TermId, number[]>>>();

function patternsOfKinds(index: LocaleIndex, kinds: ReadonlySet<Owner['kind']>): Map<TermId, number[]> {
  let perIndex = byKinds.get(index);
  if (!perIndex) byKinds.set(index, (perIndex = new Map()));
  let byTerm = perIndex.get(kinds);
  if (!byTerm) {
    byTerm = new Map();
    for (const [term, list] of index.patternsByTerm) {
      const kept = list.filter((p) => kinds.has(index.patterns[p]!.owner.kind));
      if (kept.length > 0) byTerm.set(term, kept);
    }
    perIndex.set(kinds, byTerm);
  }
  return byTerm;
}

/** Finds every pattern (of the wanted kinds) whose terms all fill distinct tokens of the span. */
export function findMatches(index: LocaleIndex, tokens: Token[], span: Span, kinds: ReadonlySet<Owner['kind']>): Match[] {
  const byTerm = patternsOfKinds(index, kinds);
  const candidates = new Set<number>();
  for (let i = span.from; i < span.to; i++) {
    for (const term of tokens[i]!.terms) {
      const list = byTerm.get(term);
      if (list) for (const p of list) candidates.add(p);
    }
  }
  const matches: Match[] = [];
  for (const p of candidates) {
    const pattern = index.patterns[p]!;
    if (!kinds.has(pattern.owner.kind)) continue;
    const positions: number[] = [];
    let complete = true;
    for (const term of pattern.terms) {
      let found = -1;
      for (let i = span.from; i < span.to; i++) {
        if (hasTerm(tokens[i]!, term) && !positions.includes(i)) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        complete = false;
        break;
      }
      positions.push(found);
    }
    if (!complete) continue;
    const wordPositions = positions.filter((_, k) => pattern.terms[k] !== index.negTerm);
    matches.push({ pattern, positions: positions.sort((a, b) => a - b), wordPositions });
  }
  return matches;
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
