import type { Locale } from '../../knowledge';
import { createTranslators, type Translator } from '../../locales/i18n';
import en from '../../locales/en/web.json';
import es from '../../locales/es/web.json';

// The page's own few words; the conversation's words live in translation.json.
const page = createTranslators<keyof typeof en>('web', { en, es });

export function webStrings(lang: Locale): Translator<keyof typeof en> {
  return page[lang];
}
