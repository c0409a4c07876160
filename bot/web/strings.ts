import type { Locale } from '../../knowledge';
import { DEFAULT_BOT_NAME } from '../config';
import { createTranslators, type Translator } from '../../locales/i18n';
import en from '../../locales/en/web.json';
import es from '../../locales/es/web.json';

// The page's own few words; the conversation's words live in translation.json.
const page = createTranslators<keyof typeof en>('web', { en, es });

export function webStrings(lang: Locale): Translator<keyof typeof en> {
  return page[lang];
}

/** The name the page shows: BOT_NAME as set, or the default name in the page's language. */
export function botNameIn(lang: Locale, configured: string): string {
  return configured === DEFAULT_BOT_NAME ? webStrings(lang)('botName') : configured;
}
