import i18next from 'i18next';
import { LOCALES, type Locale } from '../knowledge/ids';
import en from './en/translation.json';
import es from './es/translation.json';

/** Looks up a sentence of one namespace in one language; a misspelt key is a compile error. */
export type Translator<Key extends string> = (key: Key, values?: Record<string, string>) => string;

/** Sentences with values remembered per translator; past this the memo starts again. */
const MAX_FILLED_SENTENCES = 4096;

/**
 * A translator per locale over one namespace (translation.json, web.json, sms.json...). Each
 * namespace gets its own i18next instance, initialised once and synchronously, so no turn or
 * request ever waits for (or races) a resource load, and one namespace's setup cannot change another's.
 * Keys are typed with our own union rather than i18next's global CustomTypeOptions, which would
 * retype every instance at once.
 */
export function createTranslators<Key extends string>(
  namespace: string,
  resources: Readonly<Record<Locale, object>>,
): Readonly<Record<Locale, Translator<Key>>> {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(LOCALES.map((locale) => [locale, { [namespace]: resources[locale] }])),
    ns: [namespace],
    defaultNS: namespace,
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    // Nothing is escaped here: replies are chat Markdown (escaping would show "&#x2F;" in links),
    // SMS is plain text, and the web page escapes each value where it writes HTML, JSON or script.
    interpolation: { escapeValue: false },
    // i18next otherwise prints an advertisement to the server log at start-up.
    showSupportNotice: false,
  });
  // The resources never change after this, so a sentence is a function of its key and values:
  // each is built by i18next once, then remembered (interpolation was about 1.5% of an HTTP turn).
  // Without values, by key; with values, by key and the values' JSON, which tells any two value
  // objects apart that i18next could read differently ({ count: 1 } and { count: '1' } too).
  const translatorFor = (locale: Locale): Translator<Key> => {
    const t = i18n.getFixedT(locale, namespace);
    const plain = new Map<Key, string>();
    const filled = new Map<string, string>();
    return (key, values) => {
      if (values) {
        const memoKey = `${key}\u0000${JSON.stringify(values)}`;
        let sentence = filled.get(memoKey);
        if (sentence === undefined) {
          sentence = t(key, values) as string;
          // Values are the bot's own words (labels, lists of them, phone numbers, links), never what
          // a person typed; still, lists of labels combine in many ways, so the memo is bounded.
          if (filled.size >= MAX_FILLED_SENTENCES) filled.clear();
          filled.set(memoKey, sentence);
        }
        return sentence;
      }
      let sentence = plain.get(key);
      if (sentence === undefined) plain.set(key, (sentence = t(key, {}) as string));
      return sentence;
    };
  };
  return Object.fromEntries(LOCALES.map((locale) => [locale, translatorFor(locale)])) as Record<Locale, Translator<Key>>;
}

/** Every key of translation.json that holds a sentence, e.g. "who.prompt". */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = LeafPaths<typeof en>;

/** The conversation's words: one sentence of translation.json in one language. */
export type Translate = Translator<MessageKey>;

const conversation = createTranslators<MessageKey>('translation', { en, es });

export function translate(locale: Locale): Translate {
  return conversation[locale];
}
