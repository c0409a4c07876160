import { Language, LANGUAGES } from './strings';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * The page's language: an explicit ?lang= wins (the language link and the widget set it), then
 * the browser's Accept-Language in its order of preference, then the configured default.
 */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined, fallback: Language): Language {
  if (typeof queryLang === 'string') {
    const asked = queryLang.trim().toLowerCase().slice(0, 2);
    if (isLanguage(asked)) return asked;
  }
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((pref) => pref.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const match = preferences.find((pref) => isLanguage(pref.base));
  return match ? (match.base as Language) : fallback;
}

/** The locale Web Chat and the bot get: the region is the cancer center's, the language the person's. */
export const webChatLocale = (lang: Language) => (lang === 'es' ? 'es-US' : 'en-US');
