import type { Locale } from '../../knowledge';
import { createTranslators, type Translator } from '../../locales/i18n';
import en from '../../locales/en/web.json';
import es from '../../locales/es/web.json';

// The page's own few words; the conversation's words live in translation.json.
export type WebKey = keyof typeof en;
export type WebStrings = Translator<WebKey>;

const page = createTranslators<WebKey>('web', { en, es });

export function webStrings(lang: Locale): WebStrings {
  return page[lang];
}
