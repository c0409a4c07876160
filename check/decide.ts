import { redFlagItem, type About, type Locale } from '../knowledge';
import type { ClosingReason, Notes } from './check';
import type { EmergencyTier } from './closing';
import { detectInterrupt, type Interrupt } from './interrupts';
import { findAfterClosing, pickedPositions, saysReply } from './keywords';
import type { Question } from './questions';
import type { Reading } from './reading';
import { readReply } from './replies';
import { SIGN_KIND } from './screen';

// The turn decision: what this message makes the bot do, decided in one place from where the
// conversation stands and the message's one Reading. Safety comes first, always in this order:
//   1. an emergency (in any situation, even on top of a pause or a closing)
//   2. the person leaving or asking for a person
//   3. a change of language
//   4. starting over
//   5. a question (help, FAQ, "what is...?", "should I go to the ER?"), answered, then the same question again
//   6. the answer to the question on screen
// The step function (step.ts) carries the move out; test/check/decide.test.ts holds this order as a table.

/** Where the conversation stands when the message comes in. */
export type Situation =
  /** No check yet in this conversation (or the state was cleared). */
  | { kind: 'fresh' }
  /** A check is running; `question` is the one waiting on screen, if any. */
  /**
   * `awaiting`: a red flag kind an earlier message left waiting for its item ("she's on chemo",
   * then "38.6 now"), with whose check it is for reading that item; `noted`: the answers so far
   * ("fever: yes", then "she's on chemo at the moment" is the same red flag the other way round).
   */
  | { kind: 'checking'; question: Question | null; awaiting?: { kind: string; about: About }; noted?: { notes: Notes; about: About } }
  /** A possible red flag got the 911 advice and "Is this happening right now?". */
  | { kind: 'askedNow'; retried: boolean }
  /** A clear red flag got the 911 advice; the check waits, with every answer kept, for the way back. */
  | { kind: 'afterEmergency' }
  /** The check closed; nothing is waiting. */
  | { kind: 'afterClosing'; ended: ClosingReason };

export type SideAnswer = Extract<Interrupt, { kind: 'help' | 'faq' | 'hard' | 'explain' | 'urgency' | 'sign' | 'courtesy' }>;

export type Move =
  /** The 911 advice first; a clear one closes the check with a way back, a possible one asks "right now?". */
  | { kind: 'emergency'; emergencyKind: string | null; locale: Locale; tier: EmergencyTier }
  | { kind: 'close'; reason: 'quit' | 'human' }
  | { kind: 'language'; locale: Locale }
  | { kind: 'restart' }
  /** Answered, then the question on screen again (or, after a closing, a new check offered). */
  | { kind: 'side'; answer: SideAnswer }
  /** Back to the question the check was on, every answer kept ("I'm safe", "No, not now"). */
  | { kind: 'resume' }
  /** "Is this happening right now?" not understood: asked once more. */
  | { kind: 'askNowAgain' }
  /** Thanks or goodbye after a closing: a short goodbye with the line (and 911 after an emergency). */
  | { kind: 'farewell' }
  /** "ok, what do I do?" after the 911 advice: the advice again. */
  | { kind: 'repeatAdvice' }
  /** After the 911 advice, anything else: the way back and how to start anew, offered again. */
  | { kind: 'offerBack' }
  /** The message begins a new check (and counts as its first message). */
  | { kind: 'newCheck' }
  /** The question on screen reads the message. */
  | { kind: 'answer' };

/**
 * A red flag told over two messages: "38.6 now" after "she's on chemo at the moment" earlier in the
 * check is a fever during treatment, and so is "she's on chemo" after a fever noted yes.
 */
function acrossTurns(reading: Reading, situation: Extract<Situation, { kind: 'checking' }>): Extract<Move, { kind: 'emergency' }> | null {
  const flag = (kind: string) => ({ kind: 'emergency', emergencyKind: kind, locale: reading.locale, tier: 'clear' }) as const;
  const { awaiting, noted } = situation;
  if (awaiting) {
    const item = redFlagItem(awaiting.kind);
    if (item && reading.in(reading.locale, awaiting.about).present.includes(item)) return flag(awaiting.kind);
  }
  if (noted) {
    const waiting = reading.in(reading.locale, noted.about).flagAwaiting;
    const item = waiting ? redFlagItem(waiting) : null;
    if (waiting && item && noted.notes[item] === 'yes') return flag(waiting);
  }
  return null;
}

/** The emergency this message raises, if any; `screen`: it answers the red-flag screen, where any sign is now. */
function emergencyIn(reading: Reading, interrupt: Interrupt | null, situation: Situation): Extract<Move, { kind: 'emergency' }> | null {
  if (situation.kind === 'checking' && situation.question?.kind === 'screen') {
    const reply = readReply(situation.question, reading);
    if (reply.kind === 'screenSign') return { kind: 'emergency', emergencyKind: reply.sign ? SIGN_KIND[reply.sign] : null, locale: reading.locale, tier: 'clear' };
    // "Is any of this happening right now?" was the question: a red flag said to it is happening now.
    if (interrupt?.kind === 'emergency') return { ...interrupt, tier: 'clear' };
  }
  if (interrupt?.kind !== 'emergency') return situation.kind === 'checking' ? acrossTurns(reading, situation) : null;
  // "it's happening right now", "ayuda": the question "Is this happening right now?" is already answered.
  const now = interrupt.tier === 'possible' && saysReply('now', reading.words);
  return { ...interrupt, tier: now ? 'clear' : interrupt.tier };
}

const SIDE_KINDS: ReadonlySet<Interrupt['kind']> = new Set(['help', 'faq', 'hard', 'explain', 'urgency', 'sign', 'courtesy']);
const asSide = (interrupt: Interrupt | null): SideAnswer | null => (interrupt && SIDE_KINDS.has(interrupt.kind) ? (interrupt as SideAnswer) : null);

/** What to do with this message. Pure: the same situation and message always give the same move. */
export function decide(situation: Situation, reading: Reading): Move {
  const interrupt = detectInterrupt(reading);
  const emergency = emergencyIn(reading, interrupt, situation);
  if (emergency) return emergency;
  const side = asSide(interrupt);

  if (situation.kind === 'askedNow') {
    if (interrupt?.kind === 'quit' || interrupt?.kind === 'human') return { kind: 'close', reason: interrupt.kind };
    const reply = readReply({ kind: 'emergencyNow' }, reading);
    if (reply.kind === 'now') return reply.now ? { kind: 'emergency', emergencyKind: null, locale: reading.locale, tier: 'clear' } : { kind: 'resume' };
    // Asked twice and still not clear: taken as a yes, because it may be happening.
    return situation.retried ? { kind: 'emergency', emergencyKind: null, locale: reading.locale, tier: 'clear' } : { kind: 'askNowAgain' };
  }

  if (interrupt?.kind === 'quit' || interrupt?.kind === 'human') {
    // "bye", "thanks, bye" after a closing are a goodbye, not a request to stop what already stopped.
    if (situation.kind === 'afterClosing' || situation.kind === 'afterEmergency') {
      if (findAfterClosing(reading.words) === 'thanks') return { kind: 'farewell' };
    }
    return { kind: 'close', reason: interrupt.kind };
  }

  if (situation.kind === 'afterEmergency') {
    // The way back is the closing's one button; on SMS it is numbered "1".
    const picked = pickedPositions(reading.words);
    if (saysReply('back', reading.words) || (picked.length === 1 && picked[0] === 0)) return { kind: 'resume' };
    if (interrupt?.kind === 'restart') return { kind: 'newCheck' };
    if (interrupt?.kind === 'language') return interrupt;
    const after = findAfterClosing(reading.words);
    if (after === 'thanks') return { kind: 'farewell' };
    if (after === 'ack') return { kind: 'repeatAdvice' };
    if (side) return { kind: 'side', answer: side };
    return { kind: 'offerBack' };
  }

  if (interrupt?.kind === 'language') return interrupt;
  if (interrupt?.kind === 'restart') return situation.kind === 'checking' ? { kind: 'restart' } : { kind: 'newCheck' };

  if (situation.kind === 'afterClosing') {
    if (findAfterClosing(reading.words)) return { kind: 'farewell' };
    if (side) return { kind: 'side', answer: side };
    return { kind: 'newCheck' };
  }
  if (side) return { kind: 'side', answer: side };
  return situation.kind === 'fresh' ? { kind: 'newCheck' } : { kind: 'answer' };
}
