import * as knowledge from '../../knowledge';
import { Reading } from '../../check/reading';

// One Reading per message: each understanding is made once, when first asked for, and shared.

afterEach(() => jest.restoreAllMocks());

describe('Reading', () => {
  it('understands the message once per language and whose check, however often it is asked', () => {
    const understand = jest.spyOn(knowledge, 'understand');
    const reading = new Reading('my gums bleed when I brush', 'en');
    expect(understand).not.toHaveBeenCalled(); // nothing is read until something asks
    const first = reading.in('en');
    expect(reading.in('en')).toBe(first);
    expect(reading.inEither()).toBe(first);
    reading.in('en', 'someone');
    reading.in('en', 'someone');
    expect(understand.mock.calls.map(([, locale, about]) => `${locale}:${about}`)).toEqual(['en:self', 'en:someone']);
    expect(first.present).toEqual(['bleeding_gums']);
  });

  it('understands one of our own buttons once per process, the same as understand() does, and shares it read-only', () => {
    const understand = jest.spyOn(knowledge, 'understand');
    const first = new Reading('None of these', 'en').in('en');
    const second = new Reading('None of these', 'en').in('en');
    expect(second).toBe(first);
    expect(understand.mock.calls.filter(([text]) => text === 'None of these').length).toBeLessThanOrEqual(1);
    expect(first).toEqual(jest.requireActual<typeof knowledge>('../../knowledge').understand('None of these', 'en', 'self'));
    expect(() => (first.present as string[]).push('fever')).toThrow(TypeError);
    // What a person typed is never kept: each message of theirs is understood afresh.
    new Reading('my gums bleed when I brush', 'en').in('en');
    new Reading('my gums bleed when I brush', 'en').in('en');
    expect(understand.mock.calls.filter(([text]) => text === 'my gums bleed when I brush')).toHaveLength(2);
  });

  it.each([
    // The conversation's language first; the other when that finds nothing. A message in the
    // other language is already read in both by understand() (knowledge/understand.ts), so its
    // own-language reading finds it.
    ['en', 'me sangran las encías', 'en'],
    ['es', 'my gums bleed', 'es'],
    ['en', 'my gums bleed', 'en'],
    // Nothing in either: the conversation's own reading.
    ['es', 'zzz qqq', 'es'],
  ] as const)('inEither, in %s: %j is read in %s', (locale, text, readIn) => {
    const reading = new Reading(text, locale);
    expect(reading.inEither()).toBe(reading.in(readIn));
  });

  it.each([
    ['pale lately, no spots but not sure about the nodes', ['pale lately', ' no spots ', ' not sure about the nodes']],
    ['me sangran las encías, pero no sé', ['me sangran las encías', ' ', ' no sé']],
    ['just one clause', ['just one clause']],
  ])('clauses of %j', (text, expected) => {
    // Blank clauses are dropped; each clause is a Reading of its own, in the same language.
    const clauses = new Reading(text, 'es').clauses();
    expect(clauses.map((clause) => clause.text)).toEqual(expected.filter((part) => part.trim() !== ''));
    expect(clauses.every((clause) => clause.locale === 'es')).toBe(true);
  });

  it('a clause that is the whole message is not understood again', () => {
    const understand = jest.spyOn(knowledge, 'understand');
    const reading = new Reading('maybe', 'en');
    const whole = reading.inEither();
    const [clause] = reading.clauses();
    expect(clause!.inEither()).toBe(whole);
    expect(understand.mock.calls.map(([text, locale]) => `${locale}:${text}`)).toEqual(['en:maybe']);
  });

  it.each([
    // "can't breathe" typed in a Spanish conversation flags from the other language's words.
    ['es', 'en', 'cant breathe'],
    ['en', 'es', 'no puedo respirar'],
    ['en', 'es', 'my gums bleed'],
    ['es', 'en', 'me duele el pecho y no puedo respirar'],
  ] as const)('in %s, the red flag reading in %s of %j is that of the whole understanding, without it', (locale, other, text) => {
    const understand = jest.spyOn(knowledge, 'understand');
    const reading = new Reading(text, locale);
    const flags = reading.emergencyIn(other);
    expect(understand).not.toHaveBeenCalled();
    const whole = knowledge.understand(text, other);
    expect(flags).toEqual({ emergency: whole.emergency, emergencyKind: whole.emergencyKind, emergencyTier: whole.emergencyTier, ...(whole.emergencyFrom ? { emergencyFrom: whole.emergencyFrom } : {}) });
    // Once the whole understanding is at hand, it is the answer.
    expect(reading.emergencyIn(other)).toBe(flags);
    expect(new Reading(text, locale).emergencyIn(locale)).toEqual(expect.objectContaining({ emergency: knowledge.understand(text, locale).emergency }));
    const read = new Reading(text, locale);
    expect(read.emergencyIn(other)).not.toBe(read.in(other));
    read.in(other);
    const again = new Reading(text, locale);
    const understood = again.in(other);
    expect(again.emergencyIn(other)).toBe(understood);
  });

  it.each([
    ['¡Español!', { words: 'espanol', languageRequest: 'es', command: null, isButton: false }],
    ['I want to stop', { words: 'i want to stop', languageRequest: null, command: 'quit', isButton: false }],
    ['None of these', { words: 'none of these', languageRequest: null, command: null, isButton: true }],
    ['Ninguna de estas', { words: 'ninguna de estas', languageRequest: null, command: null, isButton: true }],
    ['my gums bleed', { words: 'my gums bleed', languageRequest: null, command: null, isButton: false }],
  ] as const)('%j: its words, command, language request and button', (text, expected) => {
    const reading = new Reading(text, 'en');
    expect({ words: reading.words, languageRequest: reading.languageRequest, command: reading.command, isButton: reading.isButton }).toEqual(expected);
  });
});
