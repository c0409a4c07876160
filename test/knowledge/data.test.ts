import { ITEM_IDS, LOCALES } from '../../knowledge/ids';
import { knowledgeData, knowledgeIndex, loadKnowledge } from '../../knowledge/load';
import { itemExplanation, itemLabel, faqAnswer, faqIds } from '../../knowledge/content';
import { understand } from '../../knowledge/understand';
import { normalizeWords } from '../../knowledge/normalize';
import { redFlagsSchema, repliesSchema } from '../../knowledge/schema';

const data = knowledgeData();

describe('knowledge base', () => {
  it('refuses a "*" standing alone in a pattern: it would make every word a known term, and no typo would be mended', () => {
    const redFlags = JSON.parse(JSON.stringify(data.redFlags));
    redFlags.kinds[0].en.patterns.push('@neg know the * from');
    expect(redFlagsSchema.safeParse(redFlags).success).toBe(false);
    expect(redFlagsSchema.safeParse(data.redFlags).success).toBe(true);
  });

  it('loads, validates and indexes both locales', () => {
    expect(() => loadKnowledge()).not.toThrow();
  });

  it.each(ITEM_IDS.flatMap((id) => LOCALES.map((locale) => [id, locale] as const)))(
    '%s has a label, an explanation and patterns in %s',
    (id, locale) => {
      expect(itemLabel(id, locale).length).toBeGreaterThan(2);
      expect(itemExplanation(id, locale)).toMatch(/\.$/);
      const item = data.items.find((entry) => entry.id === id)!;
      expect(item[locale].patterns.length).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(ITEM_IDS.flatMap((id) => LOCALES.map((locale) => [id, locale] as const)))(
    'the plain label of %s in %s is understood as that item',
    (id, locale) => {
      expect(understand(itemLabel(id, locale), locale).present).toContain(id);
    },
  );

  it.each(LOCALES)('no pattern belongs to two items in %s', (locale) => {
    const owners = new Map<string, string>();
    for (const item of data.items) {
      for (const pattern of item[locale].patterns) {
        const owner = owners.get(pattern);
        expect(owner === undefined || owner === item.id ? pattern : `${pattern} in ${owner} and ${item.id}`).toBe(pattern);
        owners.set(pattern, item.id);
      }
    }
  });

  it.each(LOCALES)('every FAQ entry answers in %s and is found from its own questions', (locale) => {
    expect(faqIds().length).toBeGreaterThanOrEqual(10);
    for (const id of faqIds()) {
      expect(faqAnswer(id, locale, '1-800-555-0100').length).toBeGreaterThan(20);
      expect(faqAnswer(id, locale, '1-800-555-0100')).not.toContain('{{');
      const entry = data.faq.find((faq) => faq.id === id)!;
      const found = entry[locale].questions.filter((question) => understand(question, locale).faq === id);
      expect(`${id}: ${found.length} of ${entry[locale].questions.length}`).toBe(`${id}: ${entry[locale].questions.length} of ${entry[locale].questions.length}`);
    }
  });

  it.each(LOCALES)('every red flag is in %s and the lexicons have the same fields', (locale) => {
    for (const flag of data.redFlags.kinds) expect(flag[locale].patterns.length + flag[locale].withItem.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(data.lexicons[locale]).sort()).toEqual(Object.keys(data.lexicons.en).sort());
  });

  it('builds each locale index once', () => {
    expect(knowledgeIndex('en')).toBe(knowledgeIndex('en'));
    expect(knowledgeIndex('es')).toBe(knowledgeIndex('es'));
  });
});

describe('what people say to the check (replies.*.json)', () => {
  it('names the same items by topic word in both languages', () => {
    expect(Object.keys(data.replies.es.itemWords).sort()).toEqual(Object.keys(data.replies.en.itemWords).sort());
  });

  it.each(LOCALES)('has no phrase in %s that normalises to nothing', (locale) => {
    const phrases = JSON.stringify(data.replies[locale]).match(/"[^"]*"/g)!.map((quoted) => JSON.parse(quoted) as string);
    expect(phrases.filter((phrase) => normalizeWords(phrase) === '')).toEqual([]);
  });

  it.each(LOCALES)('in %s, repeats none of the lexicon\'s fillers among the words around who the check is for', (locale) => {
    const fillers = new Set(data.lexicons[locale].fillers);
    expect(data.replies[locale].whoFillers.filter((word) => fillers.has(normalizeWords(word)))).toEqual([]);
  });

  it('is refused when a reply kind is missing, so both languages keep the same kinds', () => {
    const { self: _dropped, ...rest } = data.replies.en.replies;
    expect(repliesSchema.safeParse({ ...data.replies.en, replies: rest }).success).toBe(false);
  });
});

describe('short-answer word classes (lexicon)', () => {
  it.each(LOCALES)('in %s, no word is both a tag and a filler, and no answer phrase is in two answer lists', (locale) => {
    const lexicon = data.lexicons[locale];
    const fillers = new Set(lexicon.fillers);
    expect(lexicon.answerTags.filter((tag) => fillers.has(tag))).toEqual([]);
    const { yes, no, unsure, doubt } = lexicon.answers;
    const seen = [...yes, ...no, ...unsure, ...doubt];
    expect(seen.filter((phrase, i) => seen.indexOf(phrase) !== i)).toEqual([]);
  });
});
