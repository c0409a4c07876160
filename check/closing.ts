import { isModelGuess, redFlagAdvice, type Locale, type Understanding } from '../knowledge';
import { translate } from '../locales/i18n';
import type { ClosingReason } from './check';

// The words every check ends with, as plain functions so the channel edges and the turn error
// handler can send the very same closing.

/** The appointment part of the configuration (bot/config.ts `Config['appointment']`). */
export interface AppointmentLine {
  phone: string;
  url?: string;
  hours?: string;
  organization: string;
}

/**
 * A tel: URI for the configured appointment line, for chat links and the web page alike. RFC 3966
 * only allows separators in global numbers (with +), and the line is North American, so 10 or 11
 * digits become +1…; anything else is dialled as written, digits only.
 */
export function telUri(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return `tel:+${digits}`;
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  return `tel:${digits}`;
}

/** The appointment line as a Markdown `tel:` link; the SMS edge turns it into the plain number. */
export const phoneLink = (phone: string): string => `[${phone}](${telUri(phone)})`;

/**
 * The closing: why we stop, the appointment line as a Markdown `tel:` link (the SMS edge turns it
 * into the plain number), the online request link and phone hours when configured, and a reminder
 * that this was no diagnosis.
 */
export function closingMessage(config: { appointment: AppointmentLine }, locale: Locale, reason: ClosingReason): string {
  const t = translate(locale);
  const { phone, url, hours, organization } = config.appointment;
  const lines = [t(`closing.lead.${reason}`), t('closing.call', { organization, phoneLink: phoneLink(phone) })];
  if (url) lines.push(t('closing.online', { url }));
  if (hours) lines.push(t('closing.hours', { hours }));
  lines.push(t('closing.reminder'));
  return lines.join('\n\n');
}

/**
 * After the state store failed mid-turn (a stall, an outage): not a closing, since the check is
 * kept and goes on where it was once the person sends their message again; the appointment line
 * is there in case the store stays down.
 */
export function sendAgainMessage(config: { appointment: AppointmentLine }, locale: Locale): string {
  return translate(locale)('sendAgain.text', { phoneLink: phoneLink(config.appointment.phone) });
}

export type EmergencyTier = NonNullable<Understanding['emergencyTier']>;

/**
 * The 911 advice, its first words the action: "Call 911 now." for a clear red flag; for a
 * fever during treatment, "call your care team or 911 now"; for a possible one, the advice "if this
 * is happening now" (the question "Is this happening right now?" follows). Self-harm adds 988.
 */
export function emergencyMessage(locale: Locale, emergencyKind: string | null, tier: EmergencyTier = 'clear'): string {
  const t = translate(locale);
  // What each kind of red flag adds (a care team's line, the crisis line) is data on the kind
  // (knowledge/data/redflags.json), never its id in code.
  const { advice, crisisLine } = redFlagAdvice(emergencyKind);
  const first = tier === 'possible' ? t('emergency.possible') : advice === 'feverOnTreatment' ? t('emergency.feverOnTreatment') : t('emergency.clear');
  // A possible flag of no kind is the learned model's (knowledge/emergencyModel.ts), which cannot
  // tell self-harm from the other signs, and much of what it finds is self-harm in new words: the
  // crisis line goes with it.
  return crisisLine || isModelGuess(emergencyKind, tier) ? `${first} ${t('emergency.selfHarm')}` : first;
}

/**
 * The answer to a question about urgency: for a red flag sign it names, that sign's advice as for
 * an emergency ("Yes. If this is happening, call 911 now."); otherwise where to go (911 for the
 * signs, the emergency room or urgent care for worries that cannot wait) and the line.
 */
export function urgencyAnswer(locale: Locale, urgencyKind: string | null, phone: string): string {
  const t = translate(locale);
  if (urgencyKind === null) return t('hard.urgency', { phone });
  const { advice, crisisLine } = redFlagAdvice(urgencyKind);
  const first = advice === 'feverOnTreatment' ? t('urgency.feverOnTreatment') : t('urgency.sign');
  return crisisLine ? `${first} ${t('emergency.selfHarm')}` : first;
}
