import i18next from 'i18next';
import { createTranslators } from '../../locales/i18n';

// locales/i18n.ts remembers each finished sentence (key and values) instead of interpolating it
// again: the sentences must stay exactly i18next's, and i18next is asked once per sentence.

const resources = {
  en: { greet: 'Hello {{name}}, call {{phone}}.', plural_one: '{{count}} item', plural_other: '{{count}} items', plain: 'Plain.' },
  es: { greet: 'Hola {{name}}, llame al {{phone}}.', plural_one: '{{count}} cosa', plural_other: '{{count}} cosas', plain: 'Simple.' },
};
type Key = 'greet' | 'plural' | 'plain';

function countingTranslators() {
  const calls: string[] = [];
  const real = i18next.createInstance.bind(i18next);
  const spy = jest.spyOn(i18next, 'createInstance').mockImplementation((...args) => {
    const instance = real(...args);
    const getFixedT = instance.getFixedT.bind(instance);
    instance.getFixedT = ((...fixedArgs: Parameters<typeof getFixedT>) => {
      const t = getFixedT(...fixedArgs);
      return ((key: string, values?: object) => {
        calls.push(key);
        return t(key, values as never);
      }) as unknown as typeof t;
    }) as typeof instance.getFixedT;
    return instance;
  });
  const translators = createTranslators<Key>('test', resources);
  spy.mockRestore();
  return { translators, calls };
}

describe('createTranslators', () => {
  const reference = i18next.createInstance();
  void reference.init({
    resources: { en: { test: resources.en }, es: { test: resources.es } },
    ns: ['test'],
    defaultNS: 'test',
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });

  it('gives i18next’s sentence for every key and values, asked again and again', () => {
    const { translators } = countingTranslators();
    const cases: [Key, Record<string, string> | undefined][] = [
      ['greet', { name: 'Ana', phone: '1-888' }],
      ['greet', { phone: '1-888', name: 'Ana' }],
      ['greet', { name: 'Bo', phone: '1-888' }],
      ['greet', { name: '{{phone}}', phone: '<b>' }],
      ['plural', { count: '1' }],
      ['plural', { count: '2' }],
      ['plain', undefined],
      ['greet', undefined],
    ];
    for (let round = 0; round < 3; round++) {
      for (const locale of ['en', 'es'] as const) {
        for (const [key, values] of cases) {
          expect(translators[locale](key, values)).toBe(reference.getFixedT(locale, 'test')(key, values ?? {}));
        }
      }
    }
    expect(translators.es('greet', { name: 'Ana', phone: '1-888' })).toBe('Hola Ana, llame al 1-888.');
  });

  it('asks i18next once per sentence, and again for other values', () => {
    const { translators, calls } = countingTranslators();
    for (let round = 0; round < 5; round++) {
      translators.en('greet', { name: 'Ana', phone: '1' });
      translators.en('greet', { name: 'Bo', phone: '1' });
      translators.es('greet', { name: 'Ana', phone: '1' });
      translators.en('plain');
    }
    expect(calls).toEqual(['greet', 'greet', 'greet', 'plain']);
  });

  it('stays right past the memo’s bound', () => {
    const { translators } = countingTranslators();
    const wrong: number[] = [];
    for (let index = 0; index < 5_000; index++) {
      if (translators.en('greet', { name: `n${index}`, phone: '1' }) !== `Hello n${index}, call 1.`) wrong.push(index);
    }
    expect(wrong).toEqual([]);
    expect(translators.en('greet', { name: 'n0', phone: '1' })).toBe('Hello n0, call 1.');
  });
});
