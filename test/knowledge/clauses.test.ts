import { clausesAsWritten, splitClauses } from '../../knowledge/clauses';
import { knowledgeIndex, knowledgeLexicons } from '../../knowledge/load';
import { CLAUSE_MARKS, isMarker, normalizeText, normalizeWords, tokenize } from '../../knowledge/normalize';
import { LOCALES, type Locale } from '../../knowledge/ids';

// Where clauses end is read in one place (knowledge/clauses.ts): understand() cuts the tokens at
// the marks and every clause break, the check's hedges cut the text as written at the marks and
// the contrasts. These hold the two to the same rules.

/** The clauses understand() finds in `text`, each as its words. */
function understoodClauses(text: string, locale: Locale): string[] {
  const tokens = tokenize(normalizeText(text)).map((word) => ({ word, terms: [] }));
  return splitClauses(knowledgeIndex(locale), tokens).clauses.map((span) => tokens.slice(span.from, span.to).map((token) => token.word).join(' '));
}

describe('clause splitting', () => {
  it.each([...CLAUSE_MARKS])('%j ends a clause both as written and for understanding', (mark) => {
    expect(clausesAsWritten(`pale lately${mark} tired`)).toEqual(['pale lately', ' tired']);
    expect(tokenize(normalizeText(`pale lately${mark} tired`)).filter(isMarker)).toHaveLength(1);
    expect(understoodClauses(`pale lately${mark} tired`, 'en')).toEqual(['pale lately', 'tired']);
  });

  it.each([
    ['pale lately, no spots but not sure about the nodes', ['pale lately', ' no spots ', ' not sure about the nodes']],
    ['Pale lately BUT not sure', ['Pale lately ', ' not sure']],
    ['me sangran las encías, pero no sé', ['me sangran las encías', ' no sé']],
    ['fiebre; sin embargo no sé', ['fiebre', ' no sé']],
    // A hedge covers what "and" joins: "and" / "y" end no clause as written.
    ['not sure about fever and bone pain', ['not sure about fever and bone pain']],
    ['no sé si fiebre y dolor de huesos', ['no sé si fiebre y dolor de huesos']],
    // Whole words only: "butter" holds no "but".
    ['butter and toast', ['butter and toast']],
  ])('as written, %j is %j', (text, expected) => {
    expect(clausesAsWritten(text)).toEqual(expected);
  });

  it.each([
    ['en', 'pale lately, no spots but not sure about the nodes'],
    ['es', 'me sangran las encías, pero no sé'],
    ['es', 'está pálida. aunque no sé'],
  ] as const)('in %s, %j has the same clauses as written and for understanding', (locale, text) => {
    expect(understoodClauses(text, locale)).toEqual(clausesAsWritten(text).map(normalizeWords));
  });

  it('understanding cuts at "and" too, so a denial reaches only its own clause', () => {
    expect(understoodClauses('no fever and bone pain', 'en')).toEqual(['no fever', 'bone pain']);
  });

  it.each(LOCALES)('every one-word contrast of the %s lexicon is also a clause break for understanding', (locale) => {
    const { contrasts, clauseBreaks } = knowledgeLexicons()[locale];
    expect(contrasts.filter((word) => !word.includes(' ')).filter((word) => !clauseBreaks.includes(word))).toEqual([]);
  });
});
