import { ITEM_IDS, itemLabel, LOCALES, understand, type ItemId, type Locale, type Understanding } from '../knowledge';
import { translate } from '../locales/i18n';
import { answerAll, notesFrom, SUBJECTS, type Notes, type Subject } from './check';
import { normalise, pickedPositions, saysOnly, saysReply } from './keywords';
import { CHOICE_KEYS, type Question } from './questions';

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
  | { kind: 'unknown' };

const UNKNOWN: Reply = { kind: 'unknown' };

type ButtonKey = (typeof CHOICE_KEYS)[keyof typeof CHOICE_KEYS][number];

let buttonWords: Map<ButtonKey, Set<string>> | undefined;
/** Each button's words, normalised, in both languages: built on first use, once. */
function buttons(): Map<ButtonKey, Set<string>> {
  buttonWords ??= new Map(
    Object.values(CHOICE_KEYS)
      .flat()
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

/** The message read in the conversation's language, or in the other one when that finds nothing. */
function understandEither(text: string, locale: Locale): Understanding {
  const saysSomething = (understood: Understanding) =>
    understood.present.length > 0 || understood.absent.length > 0 || understood.answer !== null;
  const first = understand(text, locale);
  if (saysSomething(first)) return first;
  const other = understand(text, locale === 'en' ? 'es' : 'en');
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

function readOpen(text: string, locale: Locale): Reply {
  if (isLabel(text, 'open.choices.list') || saysReply('toList', text) || isPick(text, 0)) return { kind: 'toList' };
  const understood = understandEither(text, locale);
  const notes = notesFrom(understood);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  // "no" or "not sure" to "how have you been feeling?": nothing to note, so on to the list.
  return understood.answer === 'no' || understood.answer === 'unsure' ? { kind: 'toList' } : UNKNOWN;
}

function readGroup(text: string, items: readonly ItemId[], locale: Locale): Reply {
  const tapped = itemByLabel(text);
  if (tapped) return { kind: 'notes', notes: { [tapped]: 'yes' }, only: false, fromWords: false };
  if (isLabel(text, 'group.choices.none') || saysReply('none', text)) return { kind: 'none' };
  if (isLabel(text, 'group.choices.unsure') || saysReply('unsure', text)) return { kind: 'unsure' };
  if (saysReply('all', text)) return { kind: 'all' };
  if (saysReply('explain', text)) return { kind: 'explain' };
  // Numbered lists (SMS) run on past the items: "4" is "None of these", "5" is "Not sure".
  if (isPick(text, items.length)) return { kind: 'none' };
  if (isPick(text, items.length + 1)) return { kind: 'unsure' };
  const picked = pickedPositions(text);
  if (picked.length > 0 && picked.every((position) => position < items.length)) {
    return { kind: 'notes', notes: answerAll(picked.map((position) => items[position]!), 'yes'), only: saysOnly(text), fromWords: false };
  }
  const understood = understandEither(text, locale);
  const notes = notesFrom(understood);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: saysOnly(text), fromWords: true };
  if (understood.answer === 'no') return { kind: 'none' };
  if (understood.answer === 'unsure') return { kind: 'unsure' };
  // A bare "yes" does not say which ones: ask again.
  return UNKNOWN;
}

function readConfirm(text: string, locale: Locale): Reply {
  if (isLabel(text, 'readBack.choices.confirm') || isPick(text, 0)) return { kind: 'confirm' };
  if (isLabel(text, 'readBack.choices.reject') || isPick(text, 1)) return { kind: 'reject' };
  const understood = understandEither(text, locale);
  const notes = notesFrom(understood);
  // "no, I don't have a fever" corrects rather than rejects: it says what to change.
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  if (understood.answer === 'yes') return { kind: 'confirm' };
  if (understood.answer === 'no' || understood.answer === 'unsure') return { kind: 'reject' };
  return UNKNOWN;
}

/** What `text` answers to `question`, in `locale` (the other language is tried too). */
export function readReply(question: Question, text: string, locale: Locale): Reply {
  switch (question.kind) {
    case 'who':
      return readWho(text);
    case 'open':
      return readOpen(text, locale);
    case 'group':
      return readGroup(text, question.items, locale);
    case 'readBack':
      return readConfirm(text, locale);
  }
}
