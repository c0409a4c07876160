import { expandShorthand, MAX_INPUT_CHARS, normalizeText, tokenize } from '../../knowledge/normalize';
import { knowledgeIndex } from '../../knowledge/load';

describe('normalizeText', () => {
  it.each([
    ['My Gums BLEED!!', 'my gums bleed #'],
    ['Moretónes, fiebre', 'moretones | fiebre'],
    ['sooooo tiiiired', 'soo tiired'],
    ["I don't bruise", 'i do not bruise'],
    ["I can't breathe", 'i can not breathe'],
    ['it won’t stop', 'it will not stop'],
    ['¿Qué son las petequias?', '? que son las petequias ?'],
    ['Fiebre. Tos!', 'fiebre # tos #'],
    ['fever 🤒🤒 and chills', 'fever and chills'],
    ['my twin had ALL', 'my twin had leukemia'],
    ['tired all the time', 'tired all the time'],
    ['lost 4kg, bajé 3kilos', 'lost 4 kg | baje 3 kilos'],
    ['  \t\n ', ''],
    ['\u0000\u0007fever\u001b', 'fever'],
    ['\ud800 lone surrogate', 'lone surrogate'],
    // A line is a clause; gestures and list marks are words.
    ['pale: yes\nbruises: no', 'pale yes | bruises no'],
    ['✓ bruises\n✗ fever', 'checkmark bruises | crossmark fever'],
    ['👍🏽', 'thumbsup'],
    ['🤷‍♀️ dunno', 'shrug dunno'],
    // Punctuation said to a dictation app; a medical coma and a red spot stay words.
    ['si deja de respirar coma qué hago interrogación', 'si deja de respirar | que hago ?'],
    ['está en coma', 'esta en coma'],
    ['la coma diabética', 'la coma diabetica'],
    ['un punto rojo', 'un punto rojo'],
    ['muy cansada punto', 'muy cansada #'],
    ['cansada punto no como', 'cansada # no como'],
    ['otro punto rojo', 'otro punto rojo'],
    ['marca treinta y ocho punto nueve', 'marca feverdegrees'],
    ['fever comma tired full stop', 'fever | tired #'],
    // Readings: a decimal keeps its whole part and never ends a sentence; 97-99.4 °F is normal.
    ['is 37.6 high?', 'is 37 high ?'],
    ['tiene 37,7, ¿es fiebre?', 'tiene 37 | ? es fiebre ?'],
    ['ninety eight point six', 'normaldegrees'],
    ['99.8 since noon', '99 since noon'],
    // A review of systems' signs: with a plus in the list a minus is a cross; alone, a bullet.
    ['ROS: + fatigue, - fever', 'ros checkmark fatigue | crossmark fever'],
    ['(-) fiebre (+) astenia', 'crossmark fiebre checkmark astenia'],
    ['- fatigue\n- bruises', 'fatigue | bruises'],
    ['fever 38 - 39', 'fever 38 39'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('cuts very long input at the documented maximum', () => {
    const long = 'fever '.repeat(20_000);
    expect(tokenize(normalizeText(long)).length).toBeLessThanOrEqual(MAX_INPUT_CHARS / 2);
  });

  it.each([[undefined], [null], [42], [{}]])('returns empty text for %p', (raw) => {
    expect(normalizeText(raw)).toBe('');
  });
});

describe('expandShorthand', () => {
  it.each([
    ['en', 'u think bruises r bad', 'you think bruises are bad'],
    ['en', 'feelin tired n weak', 'feeling tired and weak'],
    ['en', 'cant catch my breath', 'can not catch my breath'],
    ['es', 'q dolor x todos lados', 'que dolor por todos lados'],
    ['es', 'toy cansada xq no duermo', 'estoy cansada porque no duermo'],
    ['es', 'no tngo fiebre', 'no tengo fiebre'],
  ] as const)('%s: %j -> %j', (locale, raw, expected) => {
    const index = knowledgeIndex(locale);
    expect(expandShorthand(tokenize(normalizeText(raw)), index.shorthand).join(' ')).toBe(expected);
  });
});
