import { scriptJson } from './html';
import { botNameIn, webStrings } from './strings';
import { LOCALES, type Locale } from '../../knowledge';

export interface WidgetConfig {
  defaultLang: Locale;
  brandColor: string;
  strings: Record<Locale, { open: string; close: string; panelTitle: string }>;
}

export function widgetConfig(botName: string, brandColor: string, defaultLang: Locale): WidgetConfig {
  const strings = Object.fromEntries(
    LOCALES.map((lang) => {
      const t = webStrings(lang);
      return [lang, { open: t('widgetOpen'), close: t('widgetClose'), panelTitle: t('widgetPanelTitle', { botName: botNameIn(lang, botName) }) }];
    }),
  ) as WidgetConfig['strings'];
  return { defaultLang, brandColor, strings };
}

const CONFIG_SLOT = /\/\* CONFIG \*\/ \{.*\}\);\s*$/s;

/** public/widgetTemplate.js with this bot's settings written into its last line. */
export function renderWidgetScript(template: string, config: WidgetConfig): string {
  if (!CONFIG_SLOT.test(template)) throw new Error('public/widgetTemplate.js must end with `/* CONFIG */ {...});`');
  return template.replace(CONFIG_SLOT, () => `/* CONFIG */ ${scriptJson(config)});\n`);
}
