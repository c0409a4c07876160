import { Reading } from '../../check/reading';
import { findCommand, findHedge, findLanguageRequest, normalise, pickedPositions, saysOnly, saysReply, saysUnsure } from '../../check/keywords';
import { knowledgeLexicons, LOCALES, understand } from '../../knowledge';

describe('normalise', () => {
  it.each([
    ['¡Español!', 'espanol'],
    ["I don't know", 'i dont know'],
    ['  Talk   to a PERSON. ', 'talk to a person'],
    ['Sí, es correcto', 'si es correcto'],
  ])('%j → %j', (text, expected) => expect(normalise(text)).toBe(expected));
});

describe('findLanguageRequest: either language, any time', () => {
  it.each([
    ['español', 'es'],
    ['Spanish', 'es'],
    ['en español', 'es'],
    ['can you speak spanish?', 'es'],
    ['English', 'en'],
    ['inglés', 'en'],
    ['en ingles por favor', 'en'],
    // A Spanish greeting on its own is taken as the language to use (SMS sends no locale) ...
    ['¡Hola!', 'es'],
    ['Buenas tardes', 'es'],
    ['hola buenos días', 'es'],
    // ... but not when it opens a message that says something else, which is read as usual.
    ['hola, tengo fiebre', null],
    ['hi', 'en'],
    ['my gums bleed', null],
    ['no', null],
  ])('%j → %j', (text, expected) => expect(findLanguageRequest(normalise(text))).toBe(expected));
});

describe('findCommand', () => {
  it.each([
    ['stop', 'quit'],
    ['Quit', 'quit'],
    ['exit', 'quit'],
    ['salir', 'quit'],
    ['terminar', 'quit'],
    ['talk to a person', 'human'],
    ['can I talk to a person please', 'human'],
    ['human', 'human'],
    ['agent', 'human'],
    ['call', 'human'],
    ['hablar con una persona', 'human'],
    ['start over', 'restart'],
    ['empezar de nuevo', 'restart'],
    ['help', 'help'],
    ['ayuda', 'help'],
    // Leaving in other words, in the middle of a message.
    ['actually I need to stop now, bye', 'quit'],
    ['sorry, gotta go', 'quit'],
    ['ya me tengo que ir', 'quit'],
    ['ya no quiero seguir', 'quit'],
    // Said inside a description, these are not commands.
    ['my nose will not stop bleeding', null],
    ['I have to go to the bathroom a lot', null],
    ['ya me voy a dormir y me duelen los huesos', null],
    ['I need help breathing', null],
    ['none of these', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(findCommand(normalise(text))).toBe(expected));
});

describe('saysReply', () => {
  it.each([
    ['none', 'none of these', true],
    ['none', 'nope', true],
    ['none', 'ninguna', true],
    ['none', 'none except fever', false],
    ['all', 'all of them', true],
    ['all', 'todas', true],
    ['explain', 'what do these mean?', true],
    ['child', 'my son', true],
    ['child', 'it is for my daughter', true],
    ['someone', 'my mom', true],
    ['self', 'for me', true],
    ['self', 'tell me more', false],
    ['toList', 'nothing really', true],
  ] as const)('%s: %j → %j', (kind, text, expected) => expect(saysReply(kind, normalise(text))).toBe(expected));
});

describe('saysUnsure: a whole reply of doubt, from the one list of hedges', () => {
  it.each([
    ["I don't know", true],
    ['not sure', true],
    ["i'm not sure tbh", true],
    ['no idea', true],
    ['maybe', true],
    ['no sé', true],
    ['ni idea', true],
    ['tal vez', true],
    ['idk tbh', true],
    ['no sé pues', true],
    ['dunno lol', true],
    ['maybe a fever', false],
    ['no se me quita la fiebre', false],
    ['no', false],
  ] as const)('%j → %j', (text, expected) => expect(saysUnsure(normalise(text))).toBe(expected));
});

describe("a doubt said on its own is one list, the lexicon's answers.doubt", () => {
  it.each(LOCALES.flatMap((locale) => knowledgeLexicons()[locale].answers.doubt.map((phrase) => [locale, phrase] as const)))(
    'in %s, %j is an unsure answer to understanding and a strong hedge to the check',
    (locale, phrase) => {
      expect(understand(phrase, locale).answer).toBe('unsure');
      expect(findHedge(normalise(phrase))).toBe('strong');
      expect(saysUnsure(normalise(phrase))).toBe(true);
    },
  );

  it('inside a sentence it is no hedge: "no se me quita la fiebre"', () => {
    expect(findHedge(normalise('no se me quita la fiebre'))).toBeNull();
  });
});

describe('pickedPositions: only whole-message picks count', () => {
  it.each([
    ['2', [1]],
    ['1 and 3', [0, 2]],
    ['the first one', [0]],
    ['just the second', [1]],
    ['la primera y la tercera', [0, 2]],
    ['solo la segunda', [1]],
    ['a fever of 101', []],
    ['my first symptom was fever', []],
    ['', []],
  ])('%j → %j', (text, expected) => expect(pickedPositions(normalise(text))).toEqual(expected));
});

it.each([
  ['just the bruising', true],
  ['solo los moretones', true],
  ['bruising and fever', false],
])('saysOnly %j → %j', (text, expected) => expect(saysOnly(normalise(text))).toBe(expected));

// Leaving and asking for a person in people's own words (issue 22): a request for a person needs
// asking, reaching and a person together; leaving is said many ways.
describe('leaving and asking for a person, in their own words', () => {
  it.each([
    ['nvm done with this lol bye', 'quit'],
    ['ok bye then', 'quit'],
    ['gotta run, will finish this later', 'quit'],
    ['never mind, not doing this', 'quit'],
    ['bueno, lo dejo aquí', 'quit'],
    ['ya no sigo, chao', 'quit'],
    ['luego lo termino, hasta luego', 'quit'],
    ['could you put me through to one of your nurses', 'human'],
    ['is there a real person I could speak with', 'human'],
    ['I would rather chat with somebody from your team', 'human'],
    ['quisiera hablar con una enfermera de verdad', 'human'],
    ['¿me comunica con alguien del equipo?', 'human'],
    ['prefiero platicar con una persona', 'human'],
    // Found missing by blind personas E (other words than theirs).
    ["right, I'm off, no time for this", 'quit'],
    ['lo dejamos para otro día, gracias', 'quit'],
    ['sorry, need to run, I will come back and continue later', 'quit'],
    ['would there be a nurse I could ring?', 'human'],
    ["what's the number to reach a human?", 'human'],
    ['¿no habrá alguien con quien pueda hablar?', 'human'],
    // Texted in shorthand, in either language; leaving for another day.
    ['m pasas cn alguien d verdad xfa', 'human'],
    ['cn u put me thru to a real person', 'human'],
    ['I must go now, I go come back another day', 'quit'],
    ['luego vuelvo, ahorita no puedo', 'quit'],
    // A person asked for in Chabacano-flavoured Spanish, or by being called back.
    ['puede ba habla con un gente de verdad', 'human'],
    ['¿hay manera de que me llame una enfermera?', 'human'],
    ['im out', 'quit'],
    ['mejor páseme con una enfermera', 'human'],
  ] as const)('%j → %s', (text, kind) => expect(findCommand(normalise(text))).toBe(kind));

  // Stopping by rule, not by phrase (replies' stopRequest): a stop word beside here or now, "let's"
  // before it, not wanting to go on, going on later, or only words of later. Other wordings than
  // the ones that first showed each rule (from personas: "stop am here", "make we stop", "no
  // quiere continua", "despues ya lang").
  it.each([
    'ok we stop am here for today',
    'lets just stop here',
    'please stop now',
    'mek we stop, mi tired',
    'i dont want to continue',
    'can we finish this tomorrow',
    "I'll do the rest later",
    'seguimos luego, gracias',
    'mejor paremos aquí',
    'paramos por hoy',
    'ya no quiero continuar',
    'no quero responder mas',
    'later ok',
    'luego pues',
  ])('%j asks to stop', (text) => expect(findCommand(normalise(text))).toBe('quit'));

  it.each([
    // After a negation, "stop" is about a symptom.
    "the bleeding won't stop now",
    "it doesn't stop here, it goes down my leg",
    'la sangre no para ahora',
    // Going on with living, or with a symptom, is not going on with the check.
    "I don't want to go on living",
    'sigo con fiebre después de la quimio',
    // A treatment that finished, then "now": a story, not a request.
    'chemo finish 2018. now fever no',
    'quimio terminar 2020. ahora huesos dolor',
  ])('%j does not ask to stop', (text) => expect(findCommand(normalise(text))).toBeNull());

  it.each([
    'I have to go to the bathroom a lot',
    "I can't talk much, my throat hurts",
    'my nurse friend says I look pale',
    'la enfermera me dijo que estaba pálida',
    'ya me voy a dormir y me duelen los huesos',
    // A goodbye to someone in the room, taken back in the same message.
    'bye love, see you at 6! oops wrong window, carry on',
    'chao mija, cuídate! perdón, eso no era para usted, sigamos',
    // Out somewhere is not leaving the check.
    "I'm out there right now",
  ])('%j is no command', (text) => expect(findCommand(normalise(text))).toBeNull());

  // A question is an ask of its own: with a reach and a person it is a request, in any wording;
  // a question of advice ("should I…", "¿debo…") is not.
  it.each([
    ['¿tiene alguien, una enfermera, para hablar?', 'human'],
    ['any nurse around I could talk to?', 'human'],
    ['a real person to speak with??', 'human'],
    ['should I call the doctor about this?', null],
    ['¿debo llamar al médico?', null],
    ['my nurse friend thinks I look pale?', null],
    ['trucker here, gotta roll. stop this for now', 'quit'],
    ['lo dejamos por ahora, gracias', 'quit'],
  ] as const)('%j → %s', (text, kind) => expect(new Reading(text, 'en').command).toBe(kind));
});
