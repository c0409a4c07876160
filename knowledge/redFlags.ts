import type { ContextId, FlagContextId, LocaleIndex, Owner } from './compile';
import type { ItemId } from './ids';
import { knowledgeData } from './load';
import { findMatches, hasTermIn, isDenied, Match, Span, Token } from './match';
import { FEVER_READING, isMarker } from './normalize';
import type { Understanding } from './types';

// Red flags: what in a message needs 911 now, and whether the person asks if it is urgent.
// The words are data (knowledge/data/redflags.json); these are the rules that read them.
//
// A red flag is a kind of sign (breathing, stroke, self-harm...) found by its concepts, never by
// a whole sentence: "@neg @airway" is any negation bound to any word of breathing. It counts
// when it is about someone here and now: a film, a pet, a long past, something that is over, a
// general question or a denial takes it away; a question or a single past time lowers it.

const FLAG_KINDS = new Set<Owner['kind']>(['flag', 'unless']);
const CONTEXT_KINDS = new Set<Owner['kind']>(['context', 'flagContext']);
const ITEM_KINDS = new Set<Owner['kind']>(['item', 'deny']);
/** How many words a sign's terms may span at most ("the bleeding won't stop" is 3; a sentence is not one sign). */
const SIGN_REACH = 12;
/** How far before a red flag a "no" still denies it ("I haven't had any chest pain"). */
const NEGATION_REACH = 6;
/** How many bridge words may stand between a red flag's own negation and its word. */
const BRIDGE_REACH = 4;
/** How close before a red flag an "almost" must stand. */
const ALMOST_REACH = 4;
/** A question of at most this many words may leave out who it is about ("can't breathe?"). */
const SHORT_QUESTION = 4;
/** How far after a negation a word can turn it away from the red flag ("can't bear", "ngl"). */
const NOT_DENYING_REACH = 3;

/** What understand() passes in: the message's tokens, sentences and clauses. */
export interface FlagInput {
  index: LocaleIndex;
  tokens: Token[];
  sentences: Span[];
  clauses: Span[];
  /** True when a sentence opens like a question ("what do I do if..."). */
  opensAsQuestion: (span: Span) => boolean;
}

export interface RedFlagReading {
  emergency: Understanding['emergency'];
  emergencyKind: Understanding['emergencyKind'];
  emergencyTier: Understanding['emergencyTier'];
  urgencyQuestion: Understanding['urgencyQuestion'];
  urgencyKind: Understanding['urgencyKind'];
  /** A kind whose sign is named and current but whose item no sentence tells (see Understanding). */
  awaiting: string | null;
  /** Token positions the red flags used: they are not also "something else". */
  claimed: Set<number>;
  /** A sign was named, but its setting (a film, the past, someone far away, a question) set every one aside. */
  setAside: boolean;
}

type Context = ContextId | FlagContextId;
/** The context phrases of a sentence, each with the positions of its words. */
type Contexts = Map<Context, number[][]>;

const inSpan = (span: Span, position: number) => position >= span.from && position < span.to;
const hasTerm = (token: Token | undefined, term: number | undefined) => token !== undefined && term !== undefined && token.terms.includes(term);

/**
 * The positions of the terms in order, at most one other word between two ("years ago", "hace
 * muchos años"), never a gap blocker ("de la niña" is a girl, "de niña" a childhood) nor a
 * negation ("it is not stopping" is no "it is stopped").
 */
function inOrder(index: LocaleIndex, tokens: Token[], span: Span, terms: readonly number[]): number[] | null {
  const from = (position: number, k: number): number[] | null => {
    if (k === terms.length) return [];
    const last = k === 0 ? span.to : Math.min(span.to, position + 2);
    for (let i = position; i < last; i++) {
      const gap = tokens[position]!;
      if (k > 0 && i > position && (index.flags.gapBlockers.has(gap.word) || gap.terms.includes(index.negTerm))) break;
      if (tokens[i]!.terms.includes(terms[k]!)) {
        const rest = from(i + 1, k + 1);
        if (rest) return [i, ...rest];
      }
    }
    return null;
  };
  return from(span.from, 0);
}

/** The lexicon's and the red flags' context phrases in a sentence (the same id is one meaning: "past", "now"). */
function contextsOf(index: LocaleIndex, tokens: Token[], span: Span): Contexts {
  const found: Contexts = new Map();
  if (!hasTermIn(tokens, span, index.contextOpeners) && !hasTermIn(tokens, span, index.flags.contextOpeners)) return found;
  for (const match of findMatches(index, tokens, span, CONTEXT_KINDS)) {
    const owner = match.pattern.owner;
    if (owner.kind !== 'context' && owner.kind !== 'flagContext') continue;
    const positions = inOrder(index, tokens, span, match.pattern.terms);
    if (!positions) continue;
    // "que no se me quita", "it doesn't go away": a denied end is no end.
    if (owner.id === 'over' && hasTerm(tokens[positions[0]! - 1], index.negTerm)) continue;
    const list = found.get(owner.id) ?? [];
    list.push(positions);
    found.set(owner.id, list);
  }
  return found;
}

/** What a sentence says about when and where, as red flags read it. */
interface Setting {
  /** A distant past (the lexicon's) or an earlier time (the red flags' "in March", "last month"). */
  past: boolean;
  /** A treatment over: the lexicon's distant past or "finished chemo", "back when". */
  ended: boolean;
  now: boolean;
  once: boolean;
  over: boolean;
  /** Talk about a topic (the lexicon's "learned about", "health class"). */
  topic: boolean;
  /** A film, a book, a streamer, a pet. */
  elsewhere: boolean;
  /** Someone already in care: a hospital, the ICU, the doctors with them. */
  caredFor: boolean;
  hypothetical: boolean;
  urgency: boolean;
  deciding: boolean;
  almost: number[][];
}

function settingOf(contexts: Contexts): Setting {
  const get = (id: Context) => contexts.get(id) ?? [];
  const past = [...get('past'), ...get('earlier')];
  const over = get('over');
  // A word of now inside a phrase of the past, of something over or of a show says nothing of
  // now: "never happened again", "fine since", "acabo de ver un capítulo".
  const inside = new Set([...past, ...over, ...get('elsewhere')].flat());
  const now = [...get('now')].some((positions) => positions.every((position) => !inside.has(position)));
  return {
    past: past.length > 0,
    ended: get('past').length > 0 || get('ended').length > 0,
    now,
    once: get('once').length > 0,
    over: over.length > 0,
    topic: get('topic').length > 0,
    elsewhere: get('elsewhere').length > 0,
    caredFor: get('caredFor').length > 0,
    hypothetical: get('hypothetical').length > 0,
    urgency: get('urgency').length > 0,
    deciding: get('deciding').length > 0,
    almost: get('almost'),
  };
}

/**
 * Whether a word of now bears on the sign: before it ("and now he's not breathing"), or in its own
 * clause. A now in a later clause speaks of something else ("…convulsionó, y ahora me da miedo").
 */
function nowInClauseOf(input: FlagInput, contexts: Contexts, match: Match): boolean {
  const first = Math.min(...match.positions);
  const clause = input.clauses.find((span) => inSpan(span, first));
  return (contexts.get('now') ?? []).some((positions) => positions.every((position) => position < first || (clause !== undefined && inSpan(clause, position))));
}

/** The pattern's own negation slot: "can't breathe" names the sign with it. */
function ownNegation(index: LocaleIndex, match: Match): boolean {
  return match.pattern.terms.includes(index.negTerm);
}

/**
 * A red flag's own negation must be one that names a sign ("can't", "no"; not "me falta") and be
 * bound to its word by nothing but bridge words ("can't breathe", "no le entra el aire"): "no
 * trouble breathing" and a "No," standing alone before "I breathe fine" are denials, not signs.
 */
function negationBound(index: LocaleIndex, tokens: Token[], sentence: Span, match: Match): boolean {
  const words = match.pattern.terms.filter((term) => term !== index.negTerm);
  for (let p = sentence.from; p < sentence.to; p++) {
    if (!index.flags.cannot.has(tokens[p]!.word) || !tokens[p]!.terms.includes(index.negTerm)) continue;
    for (let j = p + 1; j < Math.min(sentence.to, p + 2 + BRIDGE_REACH); j++) {
      const token = tokens[j]!;
      if (isMarker(token.word)) break;
      if (words.some((term) => token.terms.includes(term))) return true;
      if (!index.flags.bridges.has(token.word)) break;
    }
  }
  return false;
}

/**
 * True when a negation before the red flag denies it: "no chest pain", "never had a seizure",
 * "ni he tenido convulsiones". Not one that is about something else: "I can't bear this
 * squeezing in my chest", "no sé por qué me duele el pecho".
 */
function flagDenied(index: LocaleIndex, tokens: Token[], clause: Span, sentence: Span, match: Match): boolean {
  if (index.negatedBreaks.has(tokens[clause.from - 1]?.word ?? '')) return true;
  // A clinical denial list: "niega disnea, dolor torácico y fiebre", "denies chest pain".
  const first = match.positions[0]!;
  for (let i = clause.listed ? sentence.from : clause.from; i < first; i++) if (index.listNegators.has(tokens[i]!.word)) return true;
  const last = match.positions[match.positions.length - 1]!;
  const used = new Set(match.positions);
  for (let i = last - 1; i >= Math.max(clause.from, first - NEGATION_REACH); i--) {
    if (i < first && index.negationStops.has(tokens[i]!.word)) return false;
    if (used.has(i) || !tokens[i]!.terms.includes(index.negTerm)) continue;
    let turnedAway = false;
    for (let k = i + 1; k <= Math.min(sentence.to - 1, i + NOT_DENYING_REACH) && !turnedAway; k++) {
      turnedAway = hasTerm(tokens[k], index.flags.notDenyingTerm);
    }
    if (!turnedAway) return true;
  }
  return false;
}

/**
 * How few words the sign's terms can stand in (the last position minus the first, at best): a
 * sign's words stand near each other, and a bleed word at the start of a long sentence and a
 * "won't stop" at its end are two things.
 */
function narrowestReach(tokens: Token[], sentence: Span, terms: readonly number[]): number {
  let best = Infinity;
  for (let start = sentence.from; start < sentence.to; start++) {
    if (!terms.some((term) => tokens[start]!.terms.includes(term))) continue;
    const unmet = new Set(terms.map((_, k) => k));
    for (let i = start; i < sentence.to && i - start < best; i++) {
      for (const k of unmet) if (tokens[i]!.terms.includes(terms[k]!)) { unmet.delete(k); break; }
      if (unmet.size === 0) { best = i - start; break; }
    }
  }
  return best;
}

/** "almost had a heart attack", "casi me desmayo": an "almost" just before the sign. */
function almostBefore(setting: Setting, match: Match): boolean {
  const first = match.positions[0]!;
  return setting.almost.some((positions) => {
    const end = positions[positions.length - 1]!;
    return end < first && first - end <= ALMOST_REACH;
  });
}

/** The item (a fever) is reported in the sentence: present, not denied, not long past. */
function itemReported(index: LocaleIndex, tokens: Token[], sentence: Span, clauses: Span[], item: ItemId): boolean {
  return clauses.some((clause) => {
    if (!inSpan(sentence, clause.from)) return false;
    const matches = findMatches(index, tokens, clause, ITEM_KINDS).filter((match) => match.pattern.owner.id === item);
    if (matches.some((match) => match.pattern.owner.kind === 'deny')) return false;
    if (!matches.some((match) => !isDenied(index, tokens, clause, match))) return false;
    const setting = settingOf(contextsOf(index, tokens, clause));
    return !(setting.past || setting.over) || setting.now;
  });
}

/** A treatment word that is going on now: not denied ("no chemo") nor past ("finished chemo years ago"). */
function currentInClause(index: LocaleIndex, tokens: Token[], clause: Span, sentence: Span, match: Match): boolean {
  if (flagDenied(index, tokens, clause, sentence, match)) return false;
  const setting = settingOf(contextsOf(index, tokens, clause));
  if (setting.ended && !setting.now) return false;
  // "Back in 2009 I had ALL as a kid, did the full chemo thing, spiked fevers": a past the
  // sentence opens with covers its later clauses, unless one of them says now.
  if (setting.now || clause.from === sentence.from) return true;
  // ... but not past a "but": "I finished chemo last year but now I'm back on treatment".
  let from = sentence.from;
  for (let i = clause.from - 1; i >= sentence.from; i--) {
    if (index.contrasts.has(tokens[i]!.word)) {
      from = i;
      break;
    }
  }
  const before = settingOf(contextsOf(index, tokens, { ...sentence, from, to: clause.from }));
  return !(before.ended && !before.now);
}

/**
 * Whose the sign is: the nearest owner word before it. The person or their child ("I", "my
 * son"), someone else ("my neighbour", "mi prima") or an animal ("my dog", "mi gato").
 */
function ownerOf(index: LocaleIndex, tokens: Token[], sentence: Span, match: Match): 'self' | 'other' | 'animal' | null {
  let pronoun = false;
  for (let i = match.positions[0]! - 1; i >= sentence.from; i--) {
    const word = tokens[i]!.word;
    if (index.flags.animals.has(word)) return 'animal';
    if (index.flags.referBack.has(word)) pronoun = true;
    else if (index.selfWords.has(word)) return 'self';
    if (index.others.has(word)) return 'other';
  }
  return pronoun ? 'self' : null;
}

/** "is coughing blood a sign of leukemia", "how long is too long for a nosebleed": a question without "?". */
function opensLikeQuestion(index: LocaleIndex, tokens: Token[], sentence: Span): boolean {
  const first = tokens[sentence.from];
  const second = tokens[sentence.from + 1];
  return first !== undefined && index.flags.questionOpeners.has(first.word) && !(second?.terms.includes(index.negTerm) ?? false);
}

/** Someone here: a person word (I, my son, mi mamá). A question without one is general. */
function namesPerson(index: LocaleIndex, tokens: Token[], span: Span): boolean {
  for (let i = span.from; i < span.to; i++) {
    const word = tokens[i]!.word;
    if (index.flags.generic.has(word)) continue;
    if (index.selfWords.has(word) || index.others.has(word) || index.relatives.has(word) || index.flags.persons.has(word)) return true;
  }
  return false;
}

/**
 * A topic phrase ("reading about", "in the film") governs the signs after it until the writer
 * speaks of themself: "I've been reading about leukemia and sometimes I think everyone would be
 * better off without me" is the writer's own sign.
 */
function aboutTopic(index: LocaleIndex, tokens: Token[], contexts: Contexts, match: Match): boolean {
  const first = match.positions[0]!;
  return (contexts.get('topic') ?? []).some((positions) => {
    const end = positions[positions.length - 1]!;
    if (end > first) return positions[0]! <= first + 3;
    for (let i = end + 1; i < first; i++) if (index.flags.selfSpeakers.has(tokens[i]!.word)) return false;
    return true;
  });
}

/** Where the writer turns to themself ("I'm fine", "yo solo tengo mocos"), anywhere in the message. */
function selfContrastStarts(input: FlagInput): number[] {
  return input.sentences.flatMap((sentence) => (contextsOf(input.index, input.tokens, sentence).get('selfContrast') ?? []).map((positions) => positions[0]!));
}

/**
 * Someone outside the household named in the sign's sentence ("my coworker's kid", "a man on the
 * train", and after the verb as Spanish puts it: "se desmayó un señor"). Not a husband or a
 * mother: "my husband can't breathe and I'm fine but scared" is the emergency of the person the
 * check may well be for.
 */
function distantPersonIn(index: LocaleIndex, tokens: Token[], sentence: Span): boolean {
  for (let i = sentence.from; i < sentence.to; i++) if (index.flags.distant.has(tokens[i]!.word)) return true;
  return false;
}

interface Found {
  match: Match;
  tier: 'clear' | 'possible';
}

/** Different possible signs of one kind in a message that together make it clear. */
const CONVERGING_SIGNS = 2;

const better = (a: Found, b: Found | null) =>
  b === null ||
  (a.tier === 'clear' && b.tier === 'possible') ||
  (a.tier === b.tier && (a.match.pattern.score > b.match.pattern.score || (a.match.pattern.score === b.match.pattern.score && a.match.pattern.order < b.match.pattern.order)));

/** "tiene 40 años", "he's 40": a word of the match is none because of the word after or before it. */
function unitFollows(index: LocaleIndex, tokens: Token[], match: Match): boolean {
  const voided = (pairs: [number, Set<string>][], step: number) =>
    pairs.some(
      ([term, words]) =>
        match.pattern.terms.includes(term) && match.positions.some((position) => hasTerm(tokens[position], term) && words.has(tokens[position + step]?.word ?? '')),
    );
  return voided(index.flags.notBefore, 1) || voided(index.flags.notAfter, -1);
}

/** A fever's temperature written as a number ("38.7", "102"), as normalising marks it. */
const hasReading = (tokens: Token[], span: Span) => tokens.slice(span.from, span.to).some((token) => token.word === FEVER_READING);

/** A sign a sentence names; `apart` when its item (the fever) is told in another sentence, without a reading. */
interface Named {
  match: Match;
  apart: boolean;
}

/** Kinds whose sign a sentence names, current, with their item told nowhere in the message. */
function awaitingKinds(input: FlagInput, sentence: Span): string[] {
  const { index, tokens, clauses } = input;
  const kinds: string[] = [];
  for (const match of findMatches(index, tokens, sentence, FLAG_KINDS)) {
    const owner = match.pattern.owner;
    if (owner.kind !== 'flag' || !owner.needsItem || kinds.includes(owner.id)) continue;
    const item = index.flags.kindItems.get(owner.id);
    const clause = clauses.find((span) => inSpan(span, match.positions[0]!)) ?? sentence;
    if (!item || !currentInClause(index, tokens, clause, sentence, match)) continue;
    if (input.sentences.some((any) => itemReported(index, tokens, any, clauses, item))) continue;
    kinds.push(owner.id);
  }
  return kinds;
}

/** The signs a sentence names and does not deny, whatever its setting. */
function namedSigns(input: FlagInput, sentence: Span): Named[] {
  const { index, tokens, clauses } = input;
  const found = findMatches(index, tokens, sentence, FLAG_KINDS);
  if (!found.some((match) => match.pattern.owner.kind === 'flag')) return [];
  const harmless = new Set(
    found.flatMap((match) => (match.pattern.owner.kind === 'unless' ? [`${match.pattern.owner.id}:${match.pattern.owner.group ?? '*'}`] : [])),
  );
  const named: Named[] = [];
  for (const match of found) {
    const owner = match.pattern.owner;
    if (unitFollows(index, tokens, match)) continue;
    if (owner.kind !== 'flag' || harmless.has(`${owner.id}:*`) || harmless.has(`${owner.id}:${owner.group}`)) continue;
    if (ownNegation(index, match) && !negationBound(index, tokens, sentence, match)) continue;
    const clause = clauses.find((span) => inSpan(span, match.positions[0]!)) ?? sentence;
    if (narrowestReach(tokens, sentence, match.pattern.terms) > SIGN_REACH) continue;
    if (owner.sameClause && !match.positions.every((position) => inSpan(clause, position))) continue;
    if (!ownNegation(index, match) && flagDenied(index, tokens, clause, sentence, match)) continue;
    if (!owner.needsItem) {
      named.push({ match, apart: false });
      continue;
    }
    const item = index.flags.kindItems.get(owner.id);
    if (!item || !currentInClause(index, tokens, clause, sentence, match)) continue;
    // "She's on chemo for breast cancer. Tonight she felt shivery and it's 38.4": the fever in
    // another sentence of the message still counts, as a possible flag.
    if (itemReported(index, tokens, sentence, clauses, item)) named.push({ match, apart: false });
    else {
      const others = input.sentences.filter((other) => other !== sentence && itemReported(index, tokens, other, clauses, item));
      // A measured reading in the other sentence is no vaguer than one in the same sentence: "La
      // quimio la hice hace cinco días. El termómetro marca 38,7" is clear.
      if (others.length > 0) named.push({ match, apart: !others.some((other) => hasReading(tokens, other)) });
    }
  }
  return named;
}

/**
 * The red flag a message raises, if any, and whether it asks about urgency. Recall comes first:
 * a question or a single past time only lowers a clear flag to a possible one; a distant past, a
 * thing that is over, a hypothetical or general question, a film, a book or a pet removes it.
 */
export function readRedFlags(input: FlagInput): RedFlagReading {
  const { index, tokens, sentences } = input;
  const result: RedFlagReading = {
    emergency: false,
    emergencyKind: null,
    emergencyTier: null,
    urgencyQuestion: false,
    urgencyKind: null,
    awaiting: null,
    claimed: new Set(),
    setAside: false,
  };
  let best: Found | null = null;
  // Possible signs by kind, as said (not lowered by a question, a past or a place): two different
  // ones make the kind clear ("I gave my things away" and "I won't be around much longer").
  const converging = new Map<string, Match[]>();
  let signsNamed = false;
  let named: Match | null = null;
  // Read only when a sign follows someone outside the household: most messages never need it.
  let turnsToSelf: number[] | null = null;
  for (const sentence of sentences) {
    // Only a message that names no red flag can leave one waiting ("on chemo", no fever yet).
    if (best === null && result.awaiting === null && hasTermIn(tokens, sentence, index.flags.awaitOpeners)) result.awaiting = awaitingKinds(input, sentence)[0] ?? null;
    const signs = namedSigns(input, sentence);
    const mayAskUrgency = hasTermIn(tokens, sentence, index.flags.urgencyOpeners);
    if (signs.length === 0 && !mayAskUrgency) continue;
    if (signs.length > 0) signsNamed = true;
    const contexts = contextsOf(index, tokens, sentence);
    const setting = settingOf(contexts);
    const asked = sentence.asked === true || input.opensAsQuestion(sentence) || opensLikeQuestion(index, tokens, sentence);
    const person = namesPerson(index, tokens, sentence);
    const urgencyAsked = setting.urgency && (asked || setting.deciding) && !setting.topic && !setting.elsewhere && !(setting.past && !setting.now);
    if (urgencyAsked) result.urgencyQuestion = true;
    for (const { match, apart } of signs) {
      const owner = match.pattern.owner as Extract<Owner, { kind: 'flag' }>;
      // "what's the point of going on?" says the sign by asking it.
      const askedHere = asked && !owner.rhetorical;
      if (urgencyAsked && (named === null || match.pattern.score > named.pattern.score)) named = match;
      // A film, a book, a pet; "he was watching a show and now he's not breathing" still counts,
      // by a now before the sign or in its own clause: "vimos una novela donde una niña convulsionó,
      // y ahora me da miedo" is still the show.
      const nowHere = setting.now && nowInClauseOf(input, contexts, match);
      // "reading about seizures": the sign is what is read about; "estaba viendo la tele y de
      // repente dejó de respirar" is not.
      if (setting.topic && !nowHere && aboutTopic(index, tokens, contexts, match)) continue;
      if (setting.elsewhere && !nowHere) continue;
      if (setting.caredFor) continue;
      // "what if he stops breathing?" is no one's now; "do I need the ER if my lips are going blue?"
      // asks about someone's sign: it gets "Is this happening right now?".
      const askingForSomeone = urgencyAsked && person;
      if (askedHere && setting.hypothetical && !askingForSomeone) continue;
      // "is a seizure an emergency?", "can leukemia make you cough up blood?": about no one. A
      // few words ("can't breathe??") are a person's own, with the subject left out.
      if (askedHere && !person && !setting.now && !(ownNegation(index, match) && sentence.to - sentence.from <= SHORT_QUESTION)) continue;
      // A fever on treatment is judged by the fever's own time and the treatment's (above).
      if (!owner.needsItem && (setting.past || setting.over) && !setting.now) continue;
      const whose = ownerOf(index, tokens, sentence, match);
      if (whose === 'animal') continue;
      // "my neighbour had a heart attack last week": someone else's, and over.
      if (!owner.needsItem && (setting.past || setting.once || setting.over) && !setting.now && whose === 'other') continue;
      if (!ownNegation(index, match) && almostBefore(setting, match)) continue;
      if (distantPersonIn(index, tokens, sentence) && (turnsToSelf ??= selfContrastStarts(input)).some((start) => start > match.positions[0]!)) continue;
      // Asking whether to go to the ER about a sign someone has now does not make it less clear.
      // "if my kid gets a temperature during treatment, do we go straight in?" is a plan, not a report.
      const lowered =
        (askedHere && (!askingForSomeone || setting.hypothetical)) ||
        (setting.hypothetical && !setting.now && !owner.rhetorical) ||
        setting.elsewhere ||
        (!owner.needsItem && (setting.past || setting.once));
      const found: Found = { match, tier: lowered || apart ? 'possible' : owner.tier };
      for (const position of match.positions) result.claimed.add(position);
      if (better(found, best)) best = found;
      if (found.tier === 'possible' && owner.tier === 'possible') {
        const same = converging.get(owner.id) ?? [];
        // Different signs share no word (a negation may serve both: "can't go on, no point").
        if (!same.some((other) => other.wordPositions.some((position) => match.wordPositions.includes(position)))) converging.set(owner.id, [...same, match]);
      }
    }
  }
  for (const [, signs] of converging) {
    const found: Found = { match: signs[0]!, tier: 'clear' };
    if (signs.length >= CONVERGING_SIGNS && better(found, best)) best = found;
  }
  result.setAside = signsNamed && best === null;
  if (best) {
    result.awaiting = null;
    result.emergency = true;
    result.emergencyKind = best.match.pattern.owner.id;
    result.emergencyTier = best.tier;
  }
  if (result.urgencyQuestion) result.urgencyKind = result.emergencyKind ?? named?.pattern.owner.id ?? null;
  return result;
}

/** What the advice for a red flag kind says besides 911, from the data (never from its id). */
export interface RedFlagAdvice {
  /** "feverOnTreatment": call the care team's line too; "call911": the 911 advice alone. */
  advice: 'call911' | 'feverOnTreatment';
  /** The crisis line (988) goes with it. */
  crisisLine: boolean;
}

/** The item a red flag kind needs besides its sign (a fever for a fever during treatment), from the data. */
export function redFlagItem(kind: string): ItemId | null {
  return knowledgeData().redFlags.kinds.find((flag) => flag.id === kind)?.item ?? null;
}

export function redFlagAdvice(kind: string | null): RedFlagAdvice {
  const entry = kind === null ? undefined : knowledgeData().redFlags.kinds.find((flag) => flag.id === kind);
  return { advice: entry?.advice ?? 'call911', crisisLine: entry?.crisisLine ?? false };
}
