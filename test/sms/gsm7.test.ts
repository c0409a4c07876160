import { isGsm7, toGsm7 } from '../../bot/sms/gsm7';

describe('toGsm7', () => {
  it.each([
    ['plain ASCII stays', 'Call us today.', 'Call us today.'],
    ['curly quotes become straight', '\u201CYes\u201D, it\u2019s fine', '"Yes", it\'s fine'],
    ['dashes and ellipsis', 'Fever \u2013 chills \u2014 sweats\u2026', 'Fever - chills - sweats...'],
    ['emoji are dropped', 'Thanks \uD83D\uDE4F see you', 'Thanks see you'],
    ['Spanish letters in GSM-7 stay', '¿Tiene dolor? ñ é ü à ¡Ánimo!', '¿Tiene dolor? ñ é ü à ¡Animo!'],
    ['á í ó ú lose their accent', 'está, así, información, según', 'esta, asi, informacion, segun'],
    ['capital accents outside GSM-7', 'Á Í Ó Ú É Ñ Ü', 'A I O U É Ñ Ü'],
    ['lowercase ç is not in the table', 'façade', 'facade'],
    ['non-breaking spaces', 'a\u00A0b', 'a b'],
    ['bullets', '\u2022 Fever', '- Fever'],
    ['decomposed input is composed first', 'n\u0303', 'ñ'],
    ['the euro sign stays (extension table)', '5 €', '5 €'],
  ])('%s', (_name, input, expected) => {
    expect(toGsm7(input)).toBe(expected);
    expect(isGsm7(toGsm7(input))).toBe(true);
  });
});

describe('toGsm7 with uniform accents', () => {
  it.each([
    ['revisión médica', 'revision medica'],
    ['médico', 'médico'],
    ['año, pingüino, revisión', 'año, pingüino, revision'],
  ])('%s → %s', (input, expected) => {
    expect(toGsm7(input, { uniformAccents: true })).toBe(expected);
  });
});
