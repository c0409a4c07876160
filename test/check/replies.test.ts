import type { Question } from '../../check/questions';
import { Reading } from '../../check/reading';
import { normalise } from '../../check/keywords';
import { readReply } from '../../check/replies';
import { isButtonText } from '../../check/buttons';

const who: Question = { kind: 'who' };
const open: Question = { kind: 'open', subject: 'self' };
const group: Question = { kind: 'group', list: 'symptoms', items: ['pale_skin', 'easy_bruising', 'petechiae'], subject: 'self', followUp: false };
const oneLeft: Question = { kind: 'group', list: 'symptoms', items: ['swollen_lymph_nodes'], subject: 'self', followUp: true };
const readBack: Question = { kind: 'readBack', notes: { fever: 'yes' } };

describe('taps and our own words are read exactly, without the free-text matcher', () => {
  it.each([
    [who, 'Me', { kind: 'subject', subject: 'self', notes: {} }],
    [who, 'My child', { kind: 'subject', subject: 'child', notes: {} }],
    [who, 'Otra persona', { kind: 'subject', subject: 'someone', notes: {} }],
    [who, '2', { kind: 'subject', subject: 'child', notes: {} }],
    [who, 'me lol', { kind: 'subject', subject: 'self', notes: {} }],
    [who, 'pa mi hijo jaja', { kind: 'subject', subject: 'child', notes: {} }],
    [who, 'my gums bleed', { kind: 'notes', notes: { bleeding_gums: 'yes' }, only: false, fromWords: true }],
    [who, 'my son, he bruises so easily', { kind: 'subject', subject: 'child', notes: { easy_bruising: 'yes' } }],
    [who, 'for my son', { kind: 'subject', subject: 'child', notes: {} }],
    [who, 'my mom', { kind: 'subject', subject: 'someone', notes: {} }],
    [open, 'Show me the list', { kind: 'toList' }],
    [open, 'Ver la lista', { kind: 'toList' }],
    [open, 'nothing really', { kind: 'toList' }],
    [group, 'Easy bruising', { kind: 'notes', notes: { easy_bruising: 'yes' }, only: false, fromWords: false }],
    [group, 'Moretones fáciles', { kind: 'notes', notes: { easy_bruising: 'yes' }, only: false, fromWords: false }],
    [group, 'None of these', { kind: 'none' }],
    [group, 'Ninguna de estas', { kind: 'none' }],
    [group, 'none', { kind: 'none' }],
    [group, 'Not sure', { kind: 'unsure' }],
    [group, 'all of them', { kind: 'all' }],
    [group, 'explain', { kind: 'explain' }],
    // A position or numbers answer the whole list: the ones picked yes, the others (only) no.
    [group, 'the first one', { kind: 'notes', notes: { pale_skin: 'yes' }, only: true, fromWords: false }],
    // A bare "yes" says which one only when one is on screen.
    [group, 'yes', { kind: 'unknown' }],
    [oneLeft, 'yes', { kind: 'notes', notes: { swollen_lymph_nodes: 'yes' }, only: false, fromWords: false }],
    [oneLeft, 'nope', { kind: 'none' }],
    [group, 'just the second', { kind: 'notes', notes: { easy_bruising: 'yes' }, only: true, fromWords: false }],
    [group, '1 and 3', { kind: 'notes', notes: { pale_skin: 'yes', petechiae: 'yes' }, only: true, fromWords: false }],
    [group, '1, 3', { kind: 'notes', notes: { pale_skin: 'yes', petechiae: 'yes' }, only: true, fromWords: false }],
    [group, '2', { kind: 'notes', notes: { easy_bruising: 'yes' }, only: true, fromWords: false }],
    [group, '1 y 3', { kind: 'notes', notes: { pale_skin: 'yes', petechiae: 'yes' }, only: true, fromWords: false }],
    // A numbered list (SMS) runs on past the items.
    [group, '4', { kind: 'none' }],
    [group, '5', { kind: 'unsure' }],
    [readBack, "Yes, that's right", { kind: 'confirm' }],
    [readBack, 'No, hay que cambiarlo', { kind: 'reject' }],
    [readBack, '1', { kind: 'confirm' }],
  ] as const)('%j: %j', (question, text, reply) => expect(readReply(question, new Reading(text, 'en'))).toEqual(reply));
});

describe('a checklist card\'s ticked boxes are one answer for the items it showed', () => {
  const shown = ['pale_skin', 'easy_bruising', 'petechiae'] as const;
  it.each([
    ['two ticked', { ticked: ['pale_skin', 'petechiae'], shown }, { pale_skin: 'yes', easy_bruising: 'no', petechiae: 'yes' }],
    ['none ticked', { ticked: [], shown }, { pale_skin: 'no', easy_bruising: 'no', petechiae: 'no' }],
    // A card from before a tap showed more than is asked now: only what is asked now is answered.
    ['an older card', { ticked: ['fever', 'petechiae'], shown: ['fever', ...shown] }, { pale_skin: 'no', easy_bruising: 'no', petechiae: 'yes' }],
  ] as const)('%s', (_name, selection, notes) => {
    expect(readReply(group, new Reading('', 'en', selection))).toEqual({ kind: 'notes', notes, only: false, fromWords: false });
  });

  it('a card for other items, or on a question that is not a list, is not understood', () => {
    expect(readReply(group, new Reading('', 'en', { ticked: ['fever'], shown: ['fever'] }))).toEqual({ kind: 'unknown' });
    expect(readReply(readBack, new Reading('', 'en', { ticked: ['fever'], shown: ['fever'] }))).toEqual({ kind: 'unknown' });
  });
});

// These need knowledge/understand.ts (the free-text matcher).
describe('free text is read with understand()', () => {
  it.each([
    [open, 'en', 'my gums bleed', { bleeding_gums: 'yes' }],
    [open, 'en', 'I bruise easily but no fever', { easy_bruising: 'yes', fever: 'no' }],
    [open, 'es', 'me sangran las encías', { bleeding_gums: 'yes' }],
    [group, 'en', 'just the bruising', { easy_bruising: 'yes' }],
    [readBack, 'en', "no, I don't have a fever", { fever: 'no' }],
    [readBack, 'es', 'no, no tengo fiebre', { fever: 'no' }],
  ] as const)('%j (%s) %j → notes %j', (question, locale, text, notes) => {
    const reply = readReply(question, new Reading(text, locale));
    expect(reply).toMatchObject({ kind: 'notes', notes, fromWords: true });
  });

  it('"just the bruising" names this one and no others', () => {
    expect(readReply(group, new Reading('just the bruising', 'en'))).toMatchObject({ only: true });
  });

  it('Spanish written to an English check is still understood', () => {
    expect(readReply(open, new Reading('me sangran las encías', 'en'))).toMatchObject({ kind: 'notes', notes: { bleeding_gums: 'yes' } });
  });

  it.each([
    [readBack, 'yes', { kind: 'confirm' }],
    [readBack, 'sí', { kind: 'confirm' }],
    [readBack, 'nope', { kind: 'reject' }],
    [group, 'no', { kind: 'none' }],
    [group, 'not sure', { kind: 'unsure' }],
    [open, 'no', { kind: 'toList' }],
    [group, 'yes', { kind: 'unknown' }],
    [group, 'asdf qwer', { kind: 'unknown' }],
    [who, 'what is the weather like', { kind: 'unknown' }],
  ] as const)('%j: %j → %j', (question, text, reply) => expect(readReply(question, new Reading(text, 'en'))).toEqual(reply));
});

it.each([
  ['Me', true],
  ['Tiny red spots', true],
  ['Falta de aire', true],
  ['No sé', true],
  ['I have a fever', false],
])('isButtonText(%j) → %j', (text, expected) => expect(isButtonText(normalise(text))).toBe(expected));
