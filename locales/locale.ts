import { isLocale, type Locale } from '../knowledge/ids';

// Every language tag the bot is given (Direct Line's and Teams' activity.locale, the page's
// ?lang=, the browser's Accept-Language) comes down to a Locale here. Only the language counts:
// the region is the cancer center's, not the person's.

/** "es", "es-MX", "es_US" → es; "EN-us" → en; anything else → undefined (the caller picks the default). */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language !== undefined && isLocale(language) ? language : undefined;
}

/**
 * The locale an Accept-Language header prefers most: by q weight, ties in the header's order;
 * q=0 means "not this one". Undefined when it names neither language.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  const preferences = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    // The header's tags are BCP 47, hyphens only: "es_MX" is malformed and matches nothing.
    .filter((pref) => pref.q > 0 && !pref.tag.includes('_'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of preferences) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return undefined;
}
