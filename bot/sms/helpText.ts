import i18next from 'i18next';
import en from '../../locales/en/sms.json';
import es from '../../locales/es/sms.json';
import type { Config } from '../config';
import type { Locale } from '../../knowledge';

// Its own small instance: the SMS words are few and must not depend on the dialogs' setup.
const smsText = i18next.createInstance();
void smsText.init({
  resources: { en: { sms: en }, es: { sms: es } },
  ns: ['sms'],
  defaultNS: 'sms',
  fallbackLng: 'en',
  initAsync: false,
  // Plain text for a phone: nothing to escape.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** The reply to HELP / INFO / AYUDA: what this number is and the appointment line. */
export function smsHelpText(locale: Locale, appointment: Config['appointment']): string {
  return smsText.t('help', { lng: locale, phone: appointment.phone, organization: appointment.organization });
}
