import type { Locale } from '../../knowledge';
import { createTranslators } from '../../locales/i18n';
import en from '../../locales/en/sms.json';
import es from '../../locales/es/sms.json';
import type { Config } from '../config';

// The SMS words are few and must not depend on the dialogs' setup.
const smsText = createTranslators<keyof typeof en>('sms', { en, es });

/** The reply to HELP / INFO / AYUDA: what this number is and the appointment line. */
export function smsHelpText(locale: Locale, appointment: Config['appointment']): string {
  return smsText[locale]('help', { phone: appointment.phone, organization: appointment.organization });
}
