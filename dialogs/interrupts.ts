import { understand, type ItemId, type Locale } from '../knowledge';
import { findCommand, findLanguageRequest } from './keywords';
import { isButtonText } from './replies';

// What can cut into any step, decided from the text alone. The order is the safety order:
// an emergency wins over everything, then the person's own commands, then their questions.

export type Interrupt =
  | { kind: 'emergency'; emergencyKind: string | null; locale: Locale }
  | { kind: 'language'; locale: Locale }
  | { kind: 'human' }
  | { kind: 'quit' }
  | { kind: 'restart' }
  | { kind: 'help' }
  | { kind: 'faq'; faqId: string }
  | { kind: 'explain'; item: ItemId };

export function detectInterrupt(text: string, locale: Locale): Interrupt | null {
  // Our own button words are answers; they never go through the free-text matcher.
  if (text.trim() === '' || isButtonText(text)) return null;
  const understood = understand(text, locale);
  // Red flags in either language: someone may write "no puedo respirar" to an English check.
  // The 911 advice then comes in the language the person wrote in.
  const other: Locale = locale === 'en' ? 'es' : 'en';
  const emergency = understood.emergency ? { ...understood, locale } : { ...understand(text, other), locale: other };
  if (emergency.emergency) return { kind: 'emergency', emergencyKind: emergency.emergencyKind, locale: emergency.locale };

  const language = findLanguageRequest(text);
  if (language) return { kind: 'language', locale: language };
  const command = findCommand(text);
  if (command) return { kind: command };
  if (understood.faq) return { kind: 'faq', faqId: understood.faq };
  if (understood.explain) return { kind: 'explain', item: understood.explain };
  return null;
}
