import { otherLocale, type ItemId, type Locale, type Understanding } from '../knowledge';
import type { EmergencyTier } from './closing';
import { findHardQuestion, saysReply, type HardQuestion } from './keywords';
import type { Reading } from './reading';

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

export function detectInterrupt(reading: Reading): Interrupt | null {
  // Our own button words are answers; they never go through the free-text matcher.
  if (reading.text.trim() === '' || reading.isButton) return null;
  const understood = reading.in(reading.locale);
  // Red flags in either language: someone may write "no puedo respirar" to an English check.
  // The 911 advice then comes in the language the person wrote in (understand() reads a mixed
  // message in both and says which language's words raised the flag).
  const flagged = understood.emergency ? { understood, locale: understood.emergencyFrom ?? reading.locale } : { understood: reading.inOther(), locale: otherLocale(reading.locale) };
  if (flagged.understood.emergency) {
    const { emergencyKind, emergencyTier } = flagged.understood;
    return { kind: 'emergency', emergencyKind, locale: flagged.locale, tier: emergencyTier ?? 'clear' };
  }

  // Leaving and asking for a person come before a language ("talk to a person in Spanish").
  const command = reading.command;
  if (command === 'quit' || command === 'human') return { kind: command };
  if (reading.languageRequest) return { kind: 'language', locale: reading.languageRequest };
  if (command) return { kind: command };
  // Before the FAQ: "do I have leukemia?" must not get the definition of ALL.
  const hard = findHardQuestion(reading.words);
  if (hard) return { kind: 'hard', question: hard };
  if (understood.faq) return { kind: 'faq', faqId: understood.faq };
  if (understood.explain) return { kind: 'explain', item: understood.explain };
  // A question we have no answer for is said so, with the line, instead of "I did not get that".
  if (isUnansweredQuestion(reading, understood)) return { kind: 'hard', question: 'unknownQuestion' };
  return null;
}

const QUESTION = /\?\s*$|^\s*¿/;
function isUnansweredQuestion(reading: Reading, understood: Understanding): boolean {
  const saysSomething = understood.present.length + understood.absent.length + (understood.unsure?.length ?? 0) > 0 || understood.answer !== null;
  // "huh?", "what do these mean?", "not sure?" are answers the step itself reads.
  const aReply = (['explain', 'unsure', 'none', 'all', 'toList'] as const).some((kind) => saysReply(kind, reading.words));
  return QUESTION.test(reading.text) && !saysSomething && !aReply;
}
