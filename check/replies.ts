import { ITEM_IDS, type About, type ItemId } from '../knowledge';
import { isLabel, itemByLabel, signByLabel } from './buttons';
import { answerAll, notesFrom, orderedNotes, SUBJECTS, type Answer, type Notes, type Subject } from './check';
import { findHedge, itemsNamed, namesOthers, pickedPositions, positionsInside, saysOnly, saysRemove, saysReply, saysUnsure, withoutFillers } from './keywords';
import type { Question } from './questions';
import type { Reading, Selection } from './reading';
import { SIGNS_FOR, type ScreenSign } from './screen';

// What a reply to one of our questions says, decided without any Bot Framework type.
// Taps and our own button words are matched first and exactly, so a tap never depends on the
// free-text matcher; only then is the message's understanding asked for.

export type Reply =
  /** Who the check is for; `notes`: what the same message also reported ("my son, he bruises a lot"). */
  | { kind: 'subject'; subject: Subject; notes: Notes }
  /** A sign on the red-flag screen is happening now; `null`: "yes" without saying which. */
  | { kind: 'screenSign'; sign: ScreenSign | null }
  /** Nothing on the screen is happening; what the message also reported is kept. */
  | { kind: 'screenClear'; notes: Notes }
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

/** Whether the reply picks exactly the button at `position` of a numbered list ("2", "the second"). */
const isPick = (reading: Reading, position: number) => {
  const picked = pickedPositions(reading.words);
  return picked.length === 1 && picked[0] === position;
};

/** Whose signs a check reads: a check for someone the writer cares for reads "my mom is pale" as about that person. */
export const aboutWhom = (subject: Subject = 'self'): About => (subject === 'someone' ? 'someone' : 'self');

function readWho(reading: Reading): Reply {
  // "me lol", "for my son pls": laughter and fillers around the answer change nothing.
  const words = withoutFillers(reading.words);
  const tapped = SUBJECTS.find((subject) => isLabel(words, `who.choices.${subject}`));
  const picked = pickedPositions(words);
  // "my son" before "for me", and someone else before me: "for my mom" is not for me.
  const said = (['child', 'someone', 'self'] as const).find((subject) => saysReply(subject, words));
  const subject = tapped ?? (picked.length === 1 ? SUBJECTS[picked[0]!] : undefined) ?? said;
  if (tapped || picked.length > 0) return subject ? { kind: 'subject', subject, notes: {} } : UNKNOWN;
  // Symptoms told before saying who they are about are kept; the check asks who once more.
  const notes = readNotes(reading, [], subject ? aboutWhom(subject) : 'self');
  if (subject) return { kind: 'subject', subject, notes };
  return Object.keys(notes).length > 0 ? { kind: 'notes', notes, only: false, fromWords: true } : UNKNOWN;
}

/**
 * The red-flag screen. A sign tapped, picked by number or said "yes" to is an emergency (the turn
 * decision acts on it before any step sees it); "none", "no", "fine" or a message that only
 * reports listed signs ("no, but I bruise a lot") clears it and keeps what it reported.
 */
function readScreen(reading: Reading, subject: Subject): Reply {
  const { words } = reading;
  const signs = SIGNS_FOR[subject];
  const tapped = signByLabel(words);
  if (tapped) return { kind: 'screenSign', sign: tapped };
  if (isLabel(words, 'screen.choices.none') || isPick(reading, signs.length)) return { kind: 'screenClear', notes: {} };
  const picked = pickedPositions(words);
  if (picked.length > 0 && picked.every((position) => position < signs.length)) return { kind: 'screenSign', sign: signs[picked[0]!]! };
  const notes = readNotes(reading, [], aboutWhom(subject));
  const understood = reading.inEither(aboutWhom(subject));
  if (understood.answer === 'yes' && Object.keys(notes).length === 0) return { kind: 'screenSign', sign: null };
  const clear = saysReply('none', words) || saysReply('fine', words) || understood.answer === 'no';
  if (clear || Object.keys(notes).length > 0) return { kind: 'screenClear', notes };
  return UNKNOWN;
}

function readOpen(reading: Reading, about: About): Reply {
  const { words } = reading;
  if (isLabel(words, 'open.choices.list') || saysReply('toList', words) || isPick(reading, 0)) return { kind: 'toList' };
  const notes = readNotes(reading, [], about);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  const understood = reading.inEither(about);
  // "no" or "not sure" to "how have you been feeling?": nothing to note, so on to the list. So
  // too for only things outside the list ("night sweats"): the turn runner has noted them.
  const onlyUnlisted = (understood.unlisted?.length ?? 0) > 0;
  // "nope, feeling fine", "nada, está bien": checked after the notes, so "fine but I bruise" is read.
  const fine = saysReply('fine', words);
  return understood.answer === 'no' || understood.answer === 'unsure' || onlyUnlisted || fine ? { kind: 'toList' } : UNKNOWN;
}

/** A hedge clause this short with no item of its own ("but I'm not sure") covers the clause before. */
const SHORT_CLAUSE_WORDS = 6;

/**
 * What free text says about each item, hedges applied to the item they are about: "pale lately,
 * no spots, not sure about the lymph nodes" → pale yes, spots no, lymph nodes unsure. The whole
 * message is understood once (understanding's own per-item `unsure` wins); a message with a hedge
 * or a position in it ("maybe the first one") is read clause by clause too, and a hedged clause's
 * items become "unsure". A short hedge clause with no item of its own ("... tiny spots, but I'm
 * not sure") covers the clause before it. `positions` are the items on screen.
 */
export function readNotes(reading: Reading, positions: readonly ItemId[] = [], about: About = 'self'): Notes {
  const whole = reading.inEither(about);
  const notes: Notes = { ...notesFrom(whole), ...answerAll(whole.unsure ?? [], 'unsure') };
  const clauses = reading.clauses();
  const picks = (clause: Reading) => positionsInside(clause.words).flatMap((position) => (positions[position] ? [positions[position]!] : []));
  // Without a hedge or a pick in any clause, the clauses would change nothing: they are not read.
  if (!clauses.some((clause) => findHedge(clause.words) !== null || picks(clause).length > 0)) return notes;
  let previous: ItemId[] = [];
  for (const clause of clauses) {
    const hedge = findHedge(clause.words);
    const read = clause.inEither(about);
    const picked = picks(clause);
    const named = [...read.present, ...read.absent, ...(read.unsure ?? []), ...picked];
    for (const id of picked) notes[id] ??= 'yes';
    if (hedge) {
      const hedged = hedge === 'strong' ? named : [...read.present, ...(read.unsure ?? []), ...picked];
      const short = clause.text.trim().split(/\s+/).length <= SHORT_CLAUSE_WORDS && !namesOthers(clause.words);
      for (const id of named.length === 0 && short ? previous : hedged) notes[id] = 'unsure';
    }
    if (named.length > 0) previous = named;
  }
  return notes;
}

/** A card's ticked boxes: ticked items yes, the others it showed no, as one answer. */
function readSelection({ ticked, shown }: Selection, items: readonly ItemId[]): Reply {
  const onScreen = new Set(items);
  const notes: Notes = { ...answerAll(shown.filter((id) => onScreen.has(id)), 'no'), ...answerAll(ticked.filter((id) => onScreen.has(id)), 'yes') };
  return Object.keys(notes).length > 0 ? { kind: 'notes', notes, only: false, fromWords: false } : UNKNOWN;
}

function readGroup(reading: Reading, items: readonly ItemId[], about: About): Reply {
  const { words } = reading;
  if (reading.selection) return readSelection(reading.selection, items);
  const tapped = itemByLabel(words);
  if (tapped) return { kind: 'notes', notes: { [tapped]: 'yes' }, only: false, fromWords: false };
  if (isLabel(words, 'group.choices.none')) return { kind: 'none' };
  if (isLabel(words, 'group.choices.unsure')) return { kind: 'unsure' };
  // Numbered lists (SMS) run on past the items: "4" is "None of these", "5" is "Not sure".
  if (isPick(reading, items.length)) return { kind: 'none' };
  if (isPick(reading, items.length + 1)) return { kind: 'unsure' };
  // Numbers ("2", "2, 3", "2 and 3") answer the whole numbered list: the items picked yes, the
  // others no. The list is not asked again, so no number ever points at a renumbered list.
  const picked = pickedPositions(words);
  if (picked.length > 0 && picked.every((position) => position < items.length)) {
    return { kind: 'notes', notes: answerAll(picked.map((position) => items[position]!), 'yes'), only: true, fromWords: false };
  }
  // Items named in words come before "not sure" or "none" said about the whole list, so "not
  // sure about the pale skin" is about the pale skin only.
  const notes = readNotes(reading, items, about);
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: saysOnly(words) || saysReply('none', words), fromWords: true };
  if (saysReply('none', words)) return { kind: 'none' };
  if (saysUnsure(words)) return { kind: 'unsure' };
  if (saysReply('all', words)) return { kind: 'all' };
  if (saysReply('explain', words)) return { kind: 'explain' };
  const understood = reading.inEither(about);
  if (understood.answer === 'no') return { kind: 'none' };
  if (understood.answer === 'unsure') return { kind: 'unsure' };
  // A bare "yes" does not say which ones, so it is asked again; unless only one is on screen.
  if (understood.answer === 'yes' && items.length === 1) return { kind: 'notes', notes: { [items[0]!]: 'yes' }, only: false, fromWords: false };
  return UNKNOWN;
}

function readItem(reading: Reading, item: ItemId, about: About): Reply {
  const { words } = reading;
  const answer = (value: Answer): Reply => ({ kind: 'notes', notes: { [item]: value }, only: false, fromWords: false });
  if (isLabel(words, 'item.choices.yes') || isPick(reading, 0)) return answer('yes');
  if (isLabel(words, 'item.choices.no') || isPick(reading, 1)) return answer('no');
  if (isLabel(words, 'group.choices.unsure') || isPick(reading, 2)) return answer('unsure');
  const notes = readNotes(reading, [], about);
  if (notes[item]) return answer(notes[item]!);
  if (saysUnsure(words)) return answer('unsure');
  const understood = reading.inEither(about);
  if (understood.answer) return answer(understood.answer);
  if (saysReply('none', words)) return answer('no');
  if (saysReply('explain', words)) return { kind: 'explain' };
  return UNKNOWN;
}

/** Items of the read-back the message is about, by understanding or by a topic word ("lo del peso"). */
function notedItemsNamed(reading: Reading, notes: Notes, about: About = 'self'): ItemId[] {
  const read = reading.inEither(about);
  const named = new Set<string>([...read.present, ...read.absent, ...(read.unsure ?? []), ...itemsNamed(reading.words)]);
  return ITEM_IDS.filter((id) => named.has(id) && notes[id] !== undefined);
}

/** A correction in words, shared by the read-back and "which one?": take out, change, or pick. */
function readCorrection(reading: Reading, noted: Notes, about: About = 'self'): Reply | null {
  if (saysRemove(reading.words)) {
    const items = notedItemsNamed(reading, noted, about);
    return items.length > 0 ? { kind: 'remove', items } : { kind: 'reject' };
  }
  // Read as whose check it is: in a check for "mi madre", "no sé si mi madre tiene puntitos" is hers.
  const notes = readNotes(reading, [], about);
  // "no, I don't have a fever" corrects rather than rejects: it says what to change.
  if (Object.keys(notes).length > 0) return { kind: 'notes', notes, only: false, fromWords: true };
  // "change the fever": the item, but not what to make it.
  const named = notedItemsNamed(reading, noted, about);
  if (named.length === 1) return { kind: 'pickItem', item: named[0]! };
  return null;
}

function readConfirm(reading: Reading, noted: Notes, about: About = 'self'): Reply {
  const { words } = reading;
  if (isLabel(words, 'readBack.choices.right') || isLabel(words, 'readBack.choices.confirm') || isPick(reading, 0)) return { kind: 'confirm' };
  if (isLabel(words, 'readBack.choices.reject') || isPick(reading, 1)) return { kind: 'reject' };
  const correction = readCorrection(reading, noted, about);
  if (correction) return correction;
  const understood = reading.inEither(about);
  if (understood.answer === 'yes') return { kind: 'confirm' };
  if (understood.answer === 'no' || understood.answer === 'unsure') return { kind: 'reject' };
  return UNKNOWN;
}

function readWhich(reading: Reading, noted: Notes, about: About = 'self'): Reply {
  const { words } = reading;
  const shown = orderedNotes(noted).map(([id]) => id);
  const tapped = itemByLabel(words);
  if (tapped && noted[tapped] !== undefined) return { kind: 'pickItem', item: tapped };
  // "No, change it" again (a stale button): change everything, so each one is asked.
  if (isLabel(words, 'readBack.choices.dropAll') || isLabel(words, 'readBack.choices.reject') || isPick(reading, shown.length)) return { kind: 'dropAll' };
  const picked = pickedPositions(words);
  if (picked.length === 1 && picked[0]! < shown.length) return { kind: 'pickItem', item: shown[picked[0]!]! };
  if (isLabel(words, 'readBack.choices.right') || isLabel(words, 'readBack.choices.confirm')) return { kind: 'confirm' };
  const correction = readCorrection(reading, noted, about);
  if (correction && correction.kind !== 'reject') return correction;
  const understood = reading.inEither(about);
  // "nothing, it's fine now" / "yes": keep it as it is.
  if (understood.answer === 'yes' || saysReply('none', words)) return { kind: 'confirm' };
  return UNKNOWN;
}

function readEmergencyNow(reading: Reading): Reply {
  const { words } = reading;
  if (isLabel(words, 'emergency.choices.yes') || isPick(reading, 0)) return { kind: 'now', now: true };
  if (isLabel(words, 'emergency.choices.no') || isPick(reading, 1)) return { kind: 'now', now: false };
  const understood = reading.inEither();
  if (understood.answer === 'yes') return { kind: 'now', now: true };
  if (understood.answer === 'no') return { kind: 'now', now: false };
  return UNKNOWN;
}

/** What the message answers to `question` (the other language is tried too). */
export function readReply(question: Question, reading: Reading): Reply {
  switch (question.kind) {
    case 'who':
      return readWho(reading);
    case 'screen':
      return readScreen(reading, question.subject);
    case 'open':
      return readOpen(reading, aboutWhom(question.subject));
    case 'group':
      return readGroup(reading, question.items, aboutWhom(question.subject));
    case 'item':
      return readItem(reading, question.item, aboutWhom(question.subject));
    case 'readBack':
      return readConfirm(reading, question.notes, aboutWhom(question.subject));
    case 'readBackWhich':
      return readWhich(reading, question.notes, aboutWhom(question.subject));
    case 'emergencyNow':
      return readEmergencyNow(reading);
  }
}
