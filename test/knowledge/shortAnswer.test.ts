import { understand } from '../../knowledge';
import { knowledgeIndex } from '../../knowledge/load';
import { readShortAnswer } from '../../knowledge/shortAnswer';

// A short answer is a rule over word classes (knowledge/shortAnswer.ts), not a list of every
// combination: each row is a shape, written for this table, with the answer it must give.

describe('short answers by shape', () => {
  it.each([
    // an answer word alone, and regional or slang ones
    ['en', 'yep', 'yes'],
    ['en', 'naw', 'no'],
    ['es', 'arre', 'yes'],
    ['es', 'naranjas', 'no'],
    // an answer word with an address word on either side
    ['en', 'yes love', 'yes'],
    ['en', 'buddy, nope', 'no'],
    ['es', 'no, che', 'no'],
    ['es', 'sí mija', 'yes'],
    // a pronoun and an auxiliary, with or without the answer word
    ['en', 'yeah they were', 'yes'],
    ['en', 'she has, yeah', 'yes'],
    ['en', 'nope, it was not', 'no'],
    ['en', "they haven't", 'no'],
    // Spanish puts the negation before the pronoun and auxiliary
    ['es', 'no, yo no le he notado nada', 'no'],
    ['es', 'sí, ella tiene', 'yes'],
    ['es', 'no, no le pasa', 'no'],
    ['en', "nah, haven't seen any", 'no'],
    ['en', "we haven't noticed", 'no'],
    ['es', 'sí, sí lo ha notado', 'yes'],
    // emphasis and repetition
    ['en', '100% yeah', 'yes'],
    ['en', 'nope nope nope', 'no'],
    ['en', 'yes sadly, yes', 'yes'],
    ['es', 'que no, que no, que no', 'no'],
    ['es', 'órale, sí', 'yes'],
    ['es', 'sí sí, lamentablemente', 'yes'],
    // hedges around an answer
    ['en', 'I reckon yeah', 'yes'],
    ['en', 'no, not that I noticed, mate', 'no'],
    ['es', 'yo creo que no, doctora', 'no'],
    ['es', 'no que yo sepa, mija', 'no'],
    // a doubt anywhere makes it unsure; yes and no together say nothing
    ['en', 'yes? maybe? not sure', 'unsure'],
    ['en', 'probably not, love', 'no'],
    ['es', 'creo que sí, pero no sé', 'unsure'],
    ['es', 'sí, no sé, puede ser', 'unsure'],
    ['en', 'yes no', null],
    ['en', 'no but yes', null],
    // a negation before a word of knowing is a doubt, however it is worded
    ['en', "I don't rightly know", 'unsure'],
    ['en', 'could not tell you, love', 'unsure'],
    ['en', 'no clue sorry', 'unsure'],
    ['es', 'no sabría decirle, doctora', 'unsure'],
    ['es', 'ni sé, la verdad', 'unsure'],
    ['es', 'no estoy tan segura', 'unsure'],
    // an answer, then a few words that name nothing: the answer
    ['en', 'nah not my boy', 'no'],
    ['en', "no he's at school", 'no'],
    ['en', 'yeah since the weekend', 'yes'],
    ['es', 'no, que va, ni de broma', 'no'],
    ['es', 'sí desde el lunes', 'yes'],
    // a gesture sent as the answer, with any skin tone or gender sign
    ['en', '👍🏿', 'yes'],
    ['es', '🙅🏻‍♂️', 'no'],
    ['en', '🤷', 'unsure'],
    ['es', 'sí ✅', 'yes'],
    // a degree is no doubt: "yeah, a little" is a yes
    ['en', 'yes, a little', 'yes'],
    ['es', 'sí, un poquito', 'yes'],
    ['en', 'a bit', null],
    // a reply the person corrects is read from the correction on
    ['en', 'no wait, yes', 'yes'],
    ['en', 'yeah, I mean nope', 'no'],
    ['es', 'no, bueno, sí, un poco', 'yes'],
    ['es', 'sí, mejor dicho no', 'no'],
    // a hedge before a bare "not" is a no; radio, Samoan, Haitian and Galician words; a thinking face
    ['en', 'I reckon not', 'no'],
    ['en', 'affirm', 'yes'],
    ['es', 'home, non sei', 'unsure'],
    ['es', '🤔', 'unsure'],
    // odds, a zero, a disclaimer
    ['en', 'honestly 50/50', 'unsure'],
    ['en', "yes but don't quote me", 'unsure'],
    ['es', '0', 'no'],
    // not noticing, by rule (answerNotThat, a few pronouns or auxiliaries, answerNoticing), in
    // wordings no list holds
    ['en', "not that I've ever noticed", 'no'],
    ['en', 'nothing that i have seen', 'no'],
    ['en', 'as far as I can tell, no', 'no'],
    ['es', 'que yo me haya dado cuenta, no', 'no'],
    ['es', 'que yo haya notado no', 'no'],
    ['es', 'no que yo recuerde', 'no'],
    // ...but not a negation that belongs to the words after it, a statement, or a long tail
    ['es', 'no puedo dormir', null],
    ['en', "thanks, that's kind", null],
    ['en', 'yes the dentist told us it was from brushing too hard', null],
  ] as const)('%s %j → %j', (locale, text, expected) => expect(understand(text, locale).answer).toBe(expected));

  it.each([
    // a report or a question in the same message wins over the answer
    ['en', 'yes mate, my gums bleed', { present: ['bleeding_gums'], answer: null }],
    ['es', 'no, pero tengo fiebre', { present: ['fever'], answer: null }],
  ] as const)('%s %j: the report wins', (locale, text, expected) => {
    const read = understand(text, locale);
    expect({ present: read.present, answer: read.answer }).toEqual(expected);
  });

  it('reads the words as the message has them after shorthand: "yeah nah" is no, "nah yeah" yes', () => {
    const { answerShapes } = knowledgeIndex('en');
    expect(readShortAnswer(['yeah', 'no'], answerShapes)).toBe('no');
    expect(readShortAnswer(['no', 'yeah'], answerShapes)).toBe('yes');
    expect(readShortAnswer(['yes', 'no'], answerShapes)).toBe('mixed');
  });

  it('is no short answer past twelve words', () => {
    expect(readShortAnswer(Array(13).fill('yes'), knowledgeIndex('en').answerShapes)).toBeNull();
  });
});
