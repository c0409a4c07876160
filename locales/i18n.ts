import i18next from 'i18next';
import type { Locale } from '../knowledge';
import en from './en/translation.json';
import es from './es/translation.json';

// The conversation's words. One i18next instance, initialised once and synchronously at import,
// so no turn ever waits for (or races) a resource load.

/** Every key of translation.json that holds a sentence, e.g. "who.prompt". */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = LeafPaths<typeof en>;

/** Looks up a sentence in one language; a misspelt key is a compile error. */
export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

const resources = { en: { translation: en }, es: { translation: es } } as const;

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Replies are chat text (Markdown), not HTML: escaping would show "&#x2F;" in links.
  interpolation: { escapeValue: false },
  // i18next otherwise prints an advertisement to the server log at start-up.
  showSupportNotice: false,
});

// Typed with our own key union rather than i18next's global CustomTypeOptions, which would also
// retype the other i18next instances in the project (web page, SMS help).
// A sentence without values is the same every time, so it is looked up in i18next once.
const fixedFor = (locale: Locale): Translate => {
  const t = i18n.getFixedT(locale);
  const plain = new Map<MessageKey, string>();
  return (key, values) => {
    if (values) return t(key, values) as string;
    let sentence = plain.get(key);
    if (sentence === undefined) plain.set(key, (sentence = t(key, {}) as string));
    return sentence;
  };
};
const translators: Readonly<Record<Locale, Translate>> = { en: fixedFor('en'), es: fixedFor('es') };

export function translate(locale: Locale): Translate {
  return translators[locale];
}
