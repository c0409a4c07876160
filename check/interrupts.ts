import { understand, type ItemId, type Locale } from '../knowledge';
import type { Understanding } from '../knowledge';
import type { EmergencyTier } from './closing';
import { findCommand, findHardQuestion, findLanguageRequest, saysReply, type HardQuestion } from './keywords';
import { isButtonText } from './replies';

// What can cut into any step, decided from the text alone. The order is the safety order:
// an emergency wins over everything, then the person's own commands, then their questions.

export type Interrupt =
  | { kind: 'emergency'; emergencyKind: string | null; locale: Locale; tier: EmergencyTier }
  | { kind: 'language'; locale: Locale }
  | { kind: 'human' }
  | { kind: 'quit' }
  | { kind: 'restart' }
  | { kind: 'help' }
  /** "do I have leukemia?", "do you take my insurance?", "are you a bot?", or a question we cannot answer. */
  | { kind: 'hard'; question: HardQuestion | 'unknownQuestion' }
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
  if (emergency.emergency) {
    return { kind: 'emergency', emergencyKind: emergency.emergencyKind, locale: emergency.locale, tier: emergency.emergencyTier ?? 'clear' };
  }

  const language = findLanguageRequest(text);
  if (language) return { kind: 'language', locale: language };
  const command = findCommand(text);
  if (command) return { kind: command };
  // Before the FAQ: "do I have leukemia?" must not get the definition of ALL.
  const hard = findHardQuestion(text);
  if (hard) return { kind: 'hard', question: hard };
  if (understood.faq) return { kind: 'faq', faqId: understood.faq };
  if (understood.explain) return { kind: 'explain', item: understood.explain };
  // A question we have no answer for is said so, with the line, instead of "I did not get that".
  if (isUnansweredQuestion(text, understood)) return { kind: 'hard', question: 'unknownQuestion' };
  return null;
}

const QUESTION = /\?\s*$|^\s*¿/;
function isUnansweredQuestion(text: string, understood: Understanding): boolean {
  const saysSomething = understood.present.length + understood.absent.length + (understood.unsure?.length ?? 0) > 0 || understood.answer !== null;
  // "huh?", "what do these mean?", "not sure?" are answers the step itself reads.
  const aReply = (['explain', 'unsure', 'none', 'all', 'toList'] as const).some((kind) => saysReply(kind, text));
  return QUESTION.test(text) && !saysSomething && !aReply;
}
