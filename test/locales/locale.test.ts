import { localeFromAcceptLanguage, localeFromTag } from '../../locales/locale';

describe('localeFromTag', () => {
  it.each<[string | undefined, 'en' | 'es' | undefined]>([
    ['en', 'en'],
    ['es', 'es'],
    ['es-US', 'es'],
    ['es-419', 'es'],
    ['es_MX', 'es'],
    ['EN-us', 'en'],
    ['en-US-u-ca-buddhist', 'en'],
    ['fr', undefined],
    ['fr-FR', undefined],
    ['', undefined],
    [undefined, undefined],
    ['../../secrets', undefined],
    ['english', undefined],
    ['-es', undefined],
  ])('%p → %p', (tag, expected) => {
    expect(localeFromTag(tag)).toBe(expected);
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each<[string | undefined, 'en' | 'es' | undefined]>([
    ['es-US,es;q=0.9', 'es'],
    ['es-US,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9,es;q=0.8', 'en'],
    ['fr-FR,es;q=0.5,en;q=0.8', 'en'], // by weight, not by order
    ['fr-FR,es;q=0.8,en;q=0.8', 'es'], // equal weights: the header's order
    ['es;q=0,en', 'en'], // q=0 means "not this one"
    ['es;q=0', undefined],
    [' es-MX ; q=0.7 , fr', 'es'],
    ['es_MX', undefined], // not BCP 47
    ['fr-FR,de;q=0.9', undefined],
    ['*', undefined],
    ['', undefined],
    [undefined, undefined],
    ['garbage;;;,,', undefined],
  ])('%p → %p', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
