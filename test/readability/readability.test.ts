import { TARGETS, isGood, isTooHard, measure, measuredTexts, plainText, type Language } from './readability';

// Patient-education guidance asks for US grade 6-8. `npm run readability` prints the full table.

const measured = measuredTexts();

describe.each(['en', 'es'] as Language[])('%s', (language) => {
  const mine = measured.filter((entry) => entry.language === language);

  it('measures the locale files, item labels and explanations and FAQ answers', () => {
    expect(new Set(mine.map((entry) => entry.group))).toEqual(new Set(['chat lines', 'item texts', 'FAQ answers']));
    expect(mine.length).toBeGreaterThan(80);
  });

  it(`has ${TARGETS[language].share * 100}% of strings at target`, () => {
    const share = mine.filter(isGood).length / mine.length;
    expect(share).toBeGreaterThanOrEqual(TARGETS[language].share);
  });

  it('has no string past the limit', () => {
    expect(mine.filter(isTooHard).map((entry) => `${entry.source} (${entry.score.toFixed(1)}): ${entry.text}`)).toEqual([]);
  });
});

describe('the measure', () => {
  it('strips placeholders and markdown links', () => {
    expect(plainText('Call [{{phone}}](tel:123) **now**.', 'en').replace(/\s+/g, ' ').trim()).toBe('Call now .');
  });

  it('counts a named term from the source as one ordinary word', () => {
    const named = measure({ language: 'en', group: 'item texts', source: 't', text: 'Neurofibromatosis is a condition.' });
    expect([named.words, named.syllables]).toEqual([4, 2 + 1 + 1 + 3]);
  });

  it.each([
    ['en', 'The cat sat on the mat.', (score: number) => score < 1],
    ['en', 'Comprehensive individualized multidisciplinary considerations necessitate extraordinary deliberation.', (score: number) => score > 16],
    ['es', 'El gato come pan.', (score: number) => score > 100],
    ['es', 'La administración interdisciplinaria personalizada requiere consideraciones extraordinariamente complejas.', (score: number) => score < 30],
  ] as const)('%s: %j', (language, text, judge) => {
    expect(judge(measure({ language, group: 'chat lines', source: 't', text }).score)).toBe(true);
  });
});
