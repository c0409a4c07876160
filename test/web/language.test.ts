import { pickLanguage, webChatLocale } from '../../bot/web/language';

describe('pickLanguage', () => {
  it.each<[unknown, string | undefined, 'en' | 'es', 'en' | 'es']>([
    ['es', undefined, 'en', 'es'],
    ['ES', 'en-US', 'en', 'es'],
    ['es-MX', undefined, 'en', 'es'],
    ['en', 'es-US,es;q=0.9', 'es', 'en'],
    ['fr', 'es-US,es;q=0.9', 'en', 'es'], // an unknown ?lang falls through to the browser
    [undefined, 'es-US,es;q=0.9,en;q=0.8', 'en', 'es'],
    [undefined, 'fr-FR,es;q=0.5,en;q=0.8', 'es', 'en'], // by weight, not by order
    [undefined, 'fr-FR,de;q=0.9', 'es', 'es'], // neither: the configured default
    [undefined, 'es;q=0,en', 'es', 'en'], // q=0 means "not this one"
    [undefined, '', 'en', 'en'],
    [undefined, undefined, 'es', 'es'],
    [['es'], undefined, 'en', 'en'],
    ['español', undefined, 'en', 'es'], // only the first two letters of ?lang count
    [' EN ', 'es', 'es', 'en'],
    [undefined, 'es_MX', 'en', 'en'], // not BCP 47: ignored
  ])('?lang=%p, Accept-Language %p, default %p → %p', (query, accept, fallback, expected) => {
    expect(pickLanguage(query, accept, fallback)).toBe(expected);
  });
});

describe('webChatLocale', () => {
  it.each([
    ['en', 'en-US'],
    ['es', 'es-US'],
  ] as const)('%s → %s', (lang, locale) => {
    expect(webChatLocale(lang)).toBe(locale);
  });
});
