import type { ContextId, LocaleIndex, Owner } from './compile';
import { findMatches, negatedBefore, Match, Span, Token } from './match';
import type { Understanding } from './types';

// Red flags: what in a message needs 911 now. Kept apart from understand.ts so the rules about
// emergencies live in one place (knowledge/data/redflags.json holds the words).

const FLAG_KINDS = new Set<Owner['kind']>(['flag', 'unless']);

/** What understand() passes in: the message's sentences and clauses, and how to read a span's context. */
export interface FlagInput {
  index: LocaleIndex;
  tokens: Token[];
  sentences: Span[];
  clauses: Span[];
  /** Which context words (past, now, hypothetical, topic, ...) a stretch holds. */
  contextsIn: (span: Span) => Set<ContextId>;
  /** True when a sentence opens like a question ("what do I do if..."). */
  opensAsQuestion: (span: Span) => boolean;
}

export interface RedFlagReading {
  emergency: Understanding['emergency'];
  emergencyKind: Understanding['emergencyKind'];
  emergencyTier: Understanding['emergencyTier'];
  /** Token positions the red flag used: they are not also "something else". */
  claimed: Set<number>;
}

/**
 * True when a negation before a red flag denies it ("no chest pain"). Words after it never do:
 * "no puedo respirar bien" and "no respira bien" are emergencies, not breathing that is fine.
 */
function isFlagDenied(index: LocaleIndex, tokens: Token[], span: Span, match: Match): boolean {
  return negatedBefore(index, tokens, span, match);
}

/**
 * The red flag a message raises, if any. Red flags may span "and" ("bleeding for hours and it
 * won't stop"), so they match per sentence. Recall comes first: a question or a single past time
 * only lowers a clear flag to a possible one; a distant past ("years ago", "en 2015"), a
 * hypothetical question ("what do I do if someone has a seizure?") or talk about a topic ("we
 * learned about strokes") removes it.
 */
export function readRedFlags({ index, tokens, sentences, clauses, contextsIn, opensAsQuestion }: FlagInput): RedFlagReading {
  const result: RedFlagReading = { emergency: false, emergencyKind: null, emergencyTier: null, claimed: new Set() };
  const inSpan = (span: Span, position: number) => position >= span.from && position < span.to;
  for (const sentence of sentences) {
    const found = findMatches(index, tokens, sentence, FLAG_KINDS);
    if (!found.some((match) => match.pattern.owner.kind === 'flag')) continue;
    const context = contextsIn(sentence);
    const asked = sentence.asked === true || opensAsQuestion(sentence);
    if (context.has('topic')) continue;
    if (asked && context.has('hypothetical')) continue;
    if (context.has('past') && !context.has('now')) continue;
    const lowered = asked || context.has('past') || context.has('once');
    const harmless = new Set(found.filter((match) => match.pattern.owner.kind === 'unless').map((match) => match.pattern.owner.id));
    for (const match of found) {
      const owner = match.pattern.owner;
      if (owner.kind !== 'flag' || harmless.has(owner.id)) continue;
      const tier = lowered ? 'possible' : owner.tier;
      // Denial is judged inside the clause the red flag starts in: "I can't breathe and my lips
      // are turning blue" must not let the first clause's "not" deny the second.
      const clause = clauses.find((span) => inSpan(span, match.positions[0]!)) ?? sentence;
      // A clear red flag anywhere outranks a possible one found earlier.
      if (result.emergencyTier === 'clear' || (result.emergency && tier === 'possible')) continue;
      if (!isFlagDenied(index, tokens, { ...clause, to: sentence.to, negated: false }, match)) {
        for (const position of match.positions) result.claimed.add(position);
        result.emergency = true;
        result.emergencyKind = owner.id;
        result.emergencyTier = tier;
      }
    }
  }
  return result;
}
