import { ITEM_IDS, itemLabel, LOCALES, understand, type About, type ItemId, type Locale, type Understanding } from '../knowledge';
import { translate } from '../locales/i18n';
import { answerAll, notesFrom, orderedNotes, SUBJECTS, type Answer, type Notes, type Subject } from './check';
import { findHedge, itemsNamed, normalise, pickedPositions, positionsInside, saysOnly, saysRemove, saysReply } from './keywords';
import { CHOICE_KEYS, OLD_CHOICE_KEYS, type Question } from './questions';

// What a reply to one of our questions says, decided without any Bot Framework type.
// Taps and our own button words are matched first and exactly, so a tap never depends on the
// free-text matcher; only then is the message read with understand().

export type Reply =
  | { kind: 'subject'; subject: Subject }
  | { kind: 'toList' }
  /** `fromWords`: read by understand() from free text, so it is read back before it is kept. */
  | { kind: 'notes'; notes: Notes; only: boolean; fromWords: boolean }
  | { kind: 'none' }
  | { kind: 'unsure' }
  | { kind: 'all' }
  | { kind: 'explain' }
  | { kind: 'confirm' }
  | { kind: 'reject' }
  /** "I didn't say that about my weight": these items are taken out of the read-back. */
  | { kind: 'remove'; items: ItemId[] }
  /** The item to change, tapped or named ("change the fever"). */
  | { kind: 'pickItem'; item: ItemId }
  /** "Ask me each one": the read-back is set aside. */
  | { kind: 'dropAll' }
  /** The answer to "Is this happening right now?" */
  | { kind: 'now'; now: boolean }
  | { kind: 'unknown' };

const UNKNOWN: Reply = { kind: 'unknown' };

type ButtonKey = (typeof CHOICE_KEYS)[keyof typeof CHOICE_KEYS][number] | (typeof OLD_CHOICE_KEYS)[number];

let buttonWords: Map<ButtonKey, Set<string>> | undefined;
/** Each button's words, normalised, in both languages: built on first use, once. */
function buttons(): Map<ButtonKey, Set<string>> {
  buttonWords ??= new Map(
    [...Object.values(CHOICE_KEYS).flat(), ...OLD_CHOICE_KEYS]
      .map((key) => [key, new Set(LOCALES.map((locale) => normalise(translate(locale)(key))))]),
  );
  return buttonWords;
}

/** Whether the message is the text of this button, in either language. */
const isLabel = (text: string, key: ButtonKey) => buttons().get(key)!.has(normalise(text));

/** Whether the reply picks exactly the button at `position` of a numbered list ("2", "the second"). */
const isPick = (text: string, position: number) => {
  const picked = pickedPositions(text);
  return picked.length === 1 && picked[0] === position;
};

let itemsByLabel: Map<string, ItemId> | undefined;
/** The item whose button label this is, in either language. Built on first use, once. */
function itemByLabel(text: string): ItemId | undefined {
  itemsByLabel ??= new Map(ITEM_IDS.flatMap((id) => LOCALES.map((locale) => [normalise(itemLabel(id, locale)), id] as const)));
  return itemsByLabel.get(normalise(text));
}

/**
 * Whether the message is one of our own buttons. The interrupt check skips the free-text matcher
 * for these: a tapped "Shortness of breath" is an answer, not a cry for help.
 */
export function isButtonText(text: string): boolean {
  const normalised = normalise(text);
  return itemByLabel(text) !== undefined || [...buttons().values()].some((words) => words.has(normalised));
}

/** A check for someone the writer cares for reads "my mom is pale" as about that person. */
const aboutWhom = (subject: Subject): About => (subject === 'someone' ? 'someone' : 'self');

/** The message read in the conversation's language, or in the other one when that finds nothing. */
function understandEither(text: string, locale: Locale, about: About = 'self'): Understanding {
  const saysSomething = (understood: Understanding) =>
    understood.present.length > 0 || understood.absent.length > 0 || understood.answer !== null;
  const first = understand(text, locale, about);
  if (saysSomething(first)) return first;
  const other = understand(text, locale === 'en' ? 'es' : 'en', about);
  return saysSomething(other) ? other : first;
}

function readWho(text: string): Reply {
  const tapped = SUBJECTS.find((subject) => isLabel(text, `who.choices.${subject}`));
  const picked = pickedPositions(text);
  // "my son" before "for me", and someone else before me: "for my mom" is not for me.
  const said = (['child', 'someone', 'self'] as const).find((subject) => saysReply(subject, text));
  const subject = tapped ?? (picked.length === 1 ? SUBJECTS[picked[0]!] : undefined) ?? said;
  return subject ? { kind: 'subject', subject } : UNKNOWN;
}

function readOpen(text: string, locale: Locale, about: About): Reply {
  if (isLabel(text, 'open.choices.list') || saysReply('toList', text) || isPick(text, 0)) return { kind: 'toList' };
  const notes = readNotes(text, locale, [], about);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  const understood = understandEither(text, locale, about);
  // "no" or "not sure" to "how have you been feeling?": nothing to note, so on to the list. So
  // too for only things outside the list ("night sweats"): the turn runner has noted them.
  const onlyUnlisted = (understood.unlisted?.length ?? 0) > 0;
  // "nope, feeling fine", "nada, está bien": checked after the notes, so "fine but I bruise" is read.
  const fine = saysReply('fine', text);
  return understood.answer === 'no' || understood.answer === 'unsure' || onlyUnlisted || fine ? { kind: 'toList' } : UNKNOWN;
}

/** Clauses for hedges: a hedge covers its own clause, cut at punctuation and "but" / "pero". */
const CLAUSE_CUT = /[,;.!?¿¡]+|\b(?:but|though|although|pero|aunque|sino)\b/i;
const SHORT_CLAUSE_WORDS = 6;
const OTHERS = /\b(else|other|others|más|mas|otra|otro|otras|otros|demás|demas)\b/i;

/**
 * What free text says about each item, hedges applied to the item they are about: "pale lately,
 * no spots, not sure about the lymph nodes" → pale yes, spots no, lymph nodes unsure. The whole
 * message is read once (understanding's own per-item `unsure` wins); each clause with a hedge is
 * read again, and its items become "unsure". A short hedge clause with no item of its own ("...
 * tiny spots, but I'm not sure") covers the clause before it. `positions` are the items on screen,
 * for "maybe the first one".
 */
export function readNotes(text: string, locale: Locale, positions: readonly ItemId[] = [], about: About = 'self'): Notes {
  const whole = understandEither(text, locale, about);
  const notes: Notes = { ...notesFrom(whole), ...answerAll(whole.unsure ?? [], 'unsure') };
  let previous: ItemId[] = [];
  for (const part of text.split(CLAUSE_CUT)) {
    if (!part || part.trim() === '') continue;
    const hedge = findHedge(part);
    const read = understandEither(part, locale, about);
    const picked = positionsInside(part).flatMap((position) => (positions[position] ? [positions[position]!] : []));
    const named = [...read.present, ...read.absent, ...(read.unsure ?? []), ...picked];
    for (const id of picked) notes[id] ??= 'yes';
    if (hedge) {
      const hedged = hedge === 'strong' ? named : [...read.present, ...(read.unsure ?? []), ...picked];
      const short = part.trim().split(/\s+/).length <= SHORT_CLAUSE_WORDS && !OTHERS.test(part);
      for (const id of named.length === 0 && short ? previous : hedged) notes[id] = 'unsure';
    }
    if (named.length > 0) previous = named;
  }
  return notes;
}

function readGroup(text: string, items: readonly ItemId[], locale: Locale, about: About): Reply {
  const tapped = itemByLabel(text);
  if (tapped) return { kind: 'notes', notes: { [tapped]: 'yes' }, only: false, fromWords: false };
  if (isLabel(text, 'group.choices.none')) return { kind: 'none' };
  if (isLabel(text, 'group.choices.unsure')) return { kind: 'unsure' };
  // Numbered lists (SMS) run on past the items: "4" is "None of these", "5" is "Not sure".
  if (isPick(text, items.length)) return { kind: 'none' };
  if (isPick(text, items.length + 1)) return { kind: 'unsure' };
  const picked = pickedPositions(text);
  if (picked.length > 0 && picked.every((position) => position < items.length)) {
    return { kind: 'notes', notes: answerAll(picked.map((position) => items[position]!), 'yes'), only: saysOnly(text), fromWords: false };
  }
  // Items named in words come before "not sure" or "none" said about the whole list, so "not
  // sure about the pale skin" is about the pale skin only.
  const notes = readNotes(text, locale, items, about);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: saysOnly(text) || saysReply('none', text), fromWords: true };
  if (saysReply('none', text)) return { kind: 'none' };
  if (saysReply('unsure', text)) return { kind: 'unsure' };
  if (saysReply('all', text)) return { kind: 'all' };
  if (saysReply('explain', text)) return { kind: 'explain' };
  const understood = understandEither(text, locale, about);
  if (understood.answer === 'no') return { kind: 'none' };
  if (understood.answer === 'unsure') return { kind: 'unsure' };
  // A bare "yes" does not say which ones, so it is asked again; unless only one is on screen.
  if (understood.answer === 'yes' && items.length === 1) return { kind: 'notes', notes: { [items[0]!]: 'yes' }, only: false, fromWords: false };
  return UNKNOWN;
}

function readItem(text: string, item: ItemId, locale: Locale, about: About): Reply {
  const answer = (value: Answer): Reply => ({ kind: 'notes', notes: { [item]: value }, only: false, fromWords: false });
  if (isLabel(text, 'item.choices.yes') || isPick(text, 0)) return answer('yes');
  if (isLabel(text, 'item.choices.no') || isPick(text, 1)) return answer('no');
  if (isLabel(text, 'group.choices.unsure') || isPick(text, 2)) return answer('unsure');
  const notes = readNotes(text, locale, [], about);
  if (notes[item]) return answer(notes[item]!);
  if (findHedge(text) === 'strong' || saysReply('unsure', text)) return answer('unsure');
  const understood = understandEither(text, locale, about);
  if (understood.answer) return answer(understood.answer);
  if (saysReply('none', text)) return answer('no');
  if (saysReply('explain', text)) return { kind: 'explain' };
  return UNKNOWN;
}

/** Items of the read-back the message is about, by understanding or by a topic word ("lo del peso"). */
function notedItemsNamed(text: string, locale: Locale, notes: Notes): ItemId[] {
  const read = understandEither(text, locale);
  const named = new Set<string>([...read.present, ...read.absent, ...(read.unsure ?? []), ...itemsNamed(text)]);
  return ITEM_IDS.filter((id) => named.has(id) && notes[id] !== undefined);
}

/** A correction in words, shared by the read-back and "which one?": take out, change, or pick. */
function readCorrection(text: string, locale: Locale, noted: Notes): Reply | null {
  if (saysRemove(text)) {
    const items = notedItemsNamed(text, locale, noted);
    return items.length > 0 ? { kind: 'remove', items } : { kind: 'reject' };
  }
  const notes = readNotes(text, locale);
  // "no, I don't have a fever" corrects rather than rejects: it says what to change.
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  // "change the fever": the item, but not what to make it.
  const named = notedItemsNamed(text, locale, noted);
  if (named.length === 1) return { kind: 'pickItem', item: named[0]! };
  return null;
}

function readConfirm(text: string, locale: Locale, noted: Notes): Reply {
  if (isLabel(text, 'readBack.choices.right') || isLabel(text, 'readBack.choices.confirm') || isPick(text, 0)) return { kind: 'confirm' };
  if (isLabel(text, 'readBack.choices.reject') || isPick(text, 1)) return { kind: 'reject' };
  const correction = readCorrection(text, locale, noted);
  if (correction) return correction;
  const understood = understandEither(text, locale);
  if (understood.answer === 'yes') return { kind: 'confirm' };
  if (understood.answer === 'no' || understood.answer === 'unsure') return { kind: 'reject' };
  return UNKNOWN;
}

function readWhich(text: string, locale: Locale, noted: Notes): Reply {
  const shown = orderedNotes(noted).map(([id]) => id);
  const tapped = itemByLabel(text);
  if (tapped && noted[tapped] !== undefined) return { kind: 'pickItem', item: tapped };
  // "No, change it" again (a stale button): change everything, so each one is asked.
  if (isLabel(text, 'readBack.choices.dropAll') || isLabel(text, 'readBack.choices.reject') || isPick(text, shown.length)) return { kind: 'dropAll' };
  const picked = pickedPositions(text);
  if (picked.length === 1 && picked[0]! < shown.length) return { kind: 'pickItem', item: shown[picked[0]!]! };
  if (isLabel(text, 'readBack.choices.right') || isLabel(text, 'readBack.choices.confirm')) return { kind: 'confirm' };
  const correction = readCorrection(text, locale, noted);
  if (correction && correction.kind !== 'reject') return correction;
  const understood = understandEither(text, locale);
  // "nothing, it's fine now" / "yes": keep it as it is.
  if (understood.answer === 'yes' || saysReply('none', text)) return { kind: 'confirm' };
  return UNKNOWN;
}

function readEmergencyNow(text: string, locale: Locale): Reply {
  if (isLabel(text, 'emergency.choices.yes') || isPick(text, 0)) return { kind: 'now', now: true };
  if (isLabel(text, 'emergency.choices.no') || isPick(text, 1)) return { kind: 'now', now: false };
  const understood = understandEither(text, locale);
  if (understood.answer === 'yes') return { kind: 'now', now: true };
  if (understood.answer === 'no') return { kind: 'now', now: false };
  return UNKNOWN;
}

/** What `text` answers to `question`, in `locale` (the other language is tried too). */
export function readReply(question: Question, text: string, locale: Locale): Reply {
  switch (question.kind) {
    case 'who':
      return readWho(text);
    case 'open':
      return readOpen(text, locale, aboutWhom(question.subject));
    case 'group':
      return readGroup(text, question.items, locale, aboutWhom(question.subject));
    case 'item':
      return readItem(text, question.item, locale, aboutWhom(question.subject));
    case 'readBack':
      return readConfirm(text, locale, question.notes);
    case 'readBackWhich':
      return readWhich(text, locale, question.notes);
    case 'emergencyNow':
      return readEmergencyNow(text, locale);
  }
}
