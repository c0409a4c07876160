import i18next, { TFunction } from 'i18next';
import type { Locale } from '../../knowledge';
import en from '../../locales/en/web.json';
import es from '../../locales/es/web.json';

export type WebKey = keyof typeof en;

// The page's own few words; the conversation's words live in translation.json.
const resources = { en: { web: en }, es: { web: es } } as const;

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  ns: ['web'],
  defaultNS: 'web',
  fallbackLng: 'en',
  initAsync: false,
  // Every value is escaped where it is written (HTML, JSON or script), not here.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export type WebStrings = (key: WebKey, values?: Record<string, string>) => string;

export function webStrings(lang: Locale): WebStrings {
  const t: TFunction = i18n.getFixedT(lang, 'web');
  return (key, values) => t(key, values ?? {}) as string;
}

export const webResources = resources;
