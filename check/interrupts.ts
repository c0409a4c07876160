import { isModelGuess, otherLocale, signAskedAbout, type ItemId, type Locale, type SignAsked, type Understanding } from '../knowledge';
import type { EmergencyTier } from './closing';
import { findHardQuestion, isCourtesy, saysReply, saysUnsure, type CommandKind, type HardQuestion } from './keywords';
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
  | { kind: 'explain'; item: ItemId }
  /** "should I go to the ER?", "is a seizure an emergency?": what to do, never "I can't answer that". */
  | { kind: 'urgency'; urgencyKind: string | null }
  /** "thanks", "jajaja" in the middle of a check: a short reply and the same question, never "I did not get that". */
  | { kind: 'courtesy'; laughed: boolean }
  /** "are night sweats a sign?": whether that one thing is on the list, not the whole list. */
  | { kind: 'sign'; asked: SignAsked };

/**
 * Whether a red flag gives way to a command in the same message. Only the learned model's guess
 * does (a possible flag of no kind), and only to leaving or asking for a person, which end at the
 * line too: "ya no quiero seguir, chao" to this check is leaving it. A flag the rules raised never
 * gives way ("stop, I can't breathe").
 */
export function givesWayTo(command: CommandKind | null, emergencyKind: string | null, tier: Understanding['emergencyTier']): boolean {
  return isModelGuess(emergencyKind, tier) && (command === 'quit' || command === 'human');
}

export function detectInterrupt(reading: Reading): Interrupt | null {
  // Our own button words are answers; they never go through the free-text matcher.
  if (reading.text.trim() === '' || reading.isButton) return null;
  const understood = reading.in(reading.locale);
  // Red flags in either language: someone may write "no puedo respirar" to an English check.
  // The 911 advice then comes in the language the person wrote in (understand() reads a mixed
  // message in both and says which language's words raised the flag). The whole message is read
  // by the other language's rules only when it is not written in the conversation's: a Spanish
  // sentence about a TV show has been read by the Spanish rules, which know the show.
  const other = otherLocale(reading.locale);
  const flagged = understood.emergency ? { understood, locale: understood.emergencyFrom ?? reading.locale } : { understood: reading.emergencyIn(other), locale: other };
  const command = reading.command;
  if (flagged.understood.emergency && (understood.emergency || reading.leaning !== reading.locale)) {
    const { emergencyKind, emergencyTier } = flagged.understood;
    if (!givesWayTo(command, emergencyKind, emergencyTier)) return { kind: 'emergency', emergencyKind, locale: flagged.locale, tier: emergencyTier ?? 'clear' };
  }

  // Leaving and asking for a person come before a language ("talk to a person in Spanish").
  if (command === 'quit' || command === 'human') return { kind: command };
  if (reading.languageRequest) return { kind: 'language', locale: reading.languageRequest };
  if (command) return { kind: command };
  // A question about urgency that raised no red flag of the person's own ("is a seizure an
  // emergency?"): the advice for the sign it names, or where to go otherwise.
  if (understood.urgencyQuestion) return { kind: 'urgency', urgencyKind: understood.urgencyKind };
  const courtesy = isCourtesy(reading.words);
  if (courtesy && !answersOrNamesItems(understood)) return { kind: 'courtesy', laughed: courtesy === 'laughter' };
  // Before the FAQ: "do I have leukemia?" must not get the definition of ALL.
  const hard = findHardQuestion(reading.words);
  if (hard) return { kind: 'hard', question: hard };
  if (understood.faq === SIGNS_FAQ) {
    const asked = signAskedAbout(reading.text, reading.locale);
    if (asked) return { kind: 'sign', asked };
  }
  if (understood.faq) return { kind: 'faq', faqId: understood.faq };
  if (understood.explain) return { kind: 'explain', item: understood.explain };
  // A question we have no answer for is said so, with the line, instead of "I did not get that".
  if (isUnansweredQuestion(reading, understood)) return { kind: 'hard', question: 'unknownQuestion' };
  return null;
}

/** The FAQ entry that lists the signs (knowledge/data/faq.json); a question about one sign narrows it. */
const SIGNS_FAQ = 'symptoms';

const QUESTION = /\?\s*$|^\s*¿/;
/** The message answers a question or says something of an item (unsure included): not courtesy, not a question left unanswered. */
const answersOrNamesItems = (understood: Understanding) =>
  understood.present.length + understood.absent.length + (understood.unsure?.length ?? 0) > 0 || understood.answer !== null;

function isUnansweredQuestion(reading: Reading, understood: Understanding): boolean {
  // "huh?", "what do these mean?", "not sure?" are answers the step itself reads.
  const aReply = (['explain', 'none', 'all', 'toList'] as const).some((kind) => saysReply(kind, reading.words)) || saysUnsure(reading.words);
  return QUESTION.test(reading.text) && !answersOrNamesItems(understood) && !aReply;
}
