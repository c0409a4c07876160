import type { Locale } from '../../knowledge';
import { localeFromAcceptLanguage, localeFromTag } from '../../locales/locale';

/**
 * The page's language: an explicit ?lang= wins (the language link and the widget set it), then
 * the browser's Accept-Language in its order of preference, then the configured default.
 */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined, fallback: Locale): Locale {
  // Only the first two letters count, as the widget sends them ("es-MX" and "español" both pick es).
  const asked = typeof queryLang === 'string' ? localeFromTag(queryLang.trim().slice(0, 2)) : undefined;
  return asked ?? localeFromAcceptLanguage(acceptLanguage) ?? fallback;
}

/** The locale Web Chat and the bot get: the region is the cancer center's, the language the person's. */
export const webChatLocale = (lang: Locale) => (lang === 'es' ? 'es-US' : 'en-US');
