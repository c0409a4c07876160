import { detectInterrupt, givesWayTo } from '../../check/interrupts';
import { Reading } from '../../check/reading';

describe('detectInterrupt, in safety order', () => {
  it.each([
    ['stop', 'en', { kind: 'quit' }],
    ['salir', 'en', { kind: 'quit' }],
    ['talk to a person', 'en', { kind: 'human' }],
    ['hablar con una persona', 'es', { kind: 'human' }],
    ['start over', 'en', { kind: 'restart' }],
    ['help', 'en', { kind: 'help' }],
    ['español', 'en', { kind: 'language', locale: 'es' }],
    ['English', 'es', { kind: 'language', locale: 'en' }],
    ['Me', 'en', null],
    ['None of these', 'en', null],
    // A tapped label is an answer even when the matcher might read it as a red flag.
    ['Shortness of breath', 'en', null],
    ['', 'en', null],
    // Leaving and asking for a person as people put it (kinds found by blind personas D): putting
    // it off, closing it, a person to call them, in either language or both.
    ['I will do this later only, please close it for now', 'en', { kind: 'quit' }],
    ['ok stop stop, gotta finish it another time', 'en', { kind: 'quit' }],
    ['dejémoslo para luego', 'es', { kind: 'quit' }],
    ['ya no le sigo, me cansé de escribir', 'es', { kind: 'quit' }],
    ['can someone llamarme please, a real person', 'en', { kind: 'human' }],
    ["I'd rather explain this to an actual nurse", 'en', { kind: 'human' }],
    ['alguien me puede llamar? una persona de verdad', 'es', { kind: 'human' }],
    // ...and nothing of the kind in a report.
    ['I had a fever another time last year', 'en', null],
    ['el otro día tuve fiebre', 'es', null],
  ] as const)('%j (%s) → %j', (text, locale, interrupt) => expect(detectInterrupt(new Reading(text, locale))).toEqual(interrupt));
});

// These need knowledge/understand.ts (the free-text matcher).
describe('emergencies, questions and explanations', () => {
  it.each([
    ["I can't breathe", 'en', 'en'],
    ['no puedo respirar', 'es', 'es'],
    // Written in the other language: the 911 advice comes in the language the person wrote.
    ['no puedo respirar', 'en', 'es'],
    ["stop, I can't breathe", 'en', 'en'],
    ['mi hijo cant breathe', 'es', 'en'],
    ['help my son no respira', 'en', 'es'],
  ] as const)('%j (%s) is an emergency, answered in %s', (text, locale, answerLocale) => {
    expect(detectInterrupt(new Reading(text, locale))).toMatchObject({ kind: 'emergency', locale: answerLocale });
  });

  // A message written in the conversation's language is not read whole by the other language's
  // rules, which do not know its context: here a TV show ("serie"), a film.
  it.each([
    ['ayer vimos en la tele una serie donde un chico convulsionaba y el nene se asustó', 'es'],
    ['en la película la muchacha sangraba sin parar, qué miedo', 'es'],
  ] as const)('%j (%s) is no emergency', (text, locale) => {
    expect(detectInterrupt(new Reading(text, locale))?.kind).not.toBe('emergency');
  });

  // The learned model's guess (a possible flag of no kind) gives way to leaving or a person;
  // a flag the rules raised gives way to nothing.
  it.each([
    ['quit', null, 'possible', true],
    ['human', null, 'possible', true],
    ['restart', null, 'possible', false],
    [null, null, 'possible', false],
    ['quit', 'breathing', 'clear', false],
    ['quit', 'self_harm', 'possible', false],
  ] as const)('command %s over a flag of kind %s (%s): gives way %s', (command, kind, tier, expected) => {
    expect(givesWayTo(command, kind, tier)).toBe(expected);
  });

  it('names the self-harm red flag so the 988 line can be added', () => {
    expect(detectInterrupt(new Reading("I've been thinking about killing myself", 'en'))).toMatchObject({ kind: 'emergency', emergencyKind: 'self_harm' });
  });

  it.each([
    ['what is ALL?', 'en', { kind: 'faq' }],
    ['¿qué es la LLA?', 'es', { kind: 'faq' }],
    ['what are petechiae?', 'en', { kind: 'explain', item: 'petechiae' }],
    ['¿qué son las petequias?', 'es', { kind: 'explain', item: 'petechiae' }],
    ['my gums bleed', 'en', null],
  ] as const)('%j (%s) → %j', (text, locale, interrupt) => {
    const found = detectInterrupt(new Reading(text, locale));
    if (interrupt === null) expect(found).toBeNull();
    else expect(found).toMatchObject(interrupt);
  });
});
