import type { ItemId, Locale } from './ids';

/** What one message says, as far as the check-up cares. Never a judgement about the person. */
export interface Understanding {
  /** Items the person says they (or their child) have. */
  present: ItemId[];
  /** Items the person says they do not have. */
  absent: ItemId[];
  /** Items the person is not sure about ("not sure about the lymph nodes"); never also present or absent. */
  unsure: ItemId[];
  /** A red flag that needs 911 now. */
  emergency: boolean;
  /** Which red flag, when `emergency` is true (for the 911 wording, never logged with text). */
  emergencyKind: string | null;
  /**
   * How sure the red flag is, when `emergency` is true: "clear" gets the 911 advice and the
   * closing at once; "possible" gets the 911 advice for "if this is happening now" and one
   * question, "Is this happening right now?".
   */
  emergencyTier: 'clear' | 'possible' | null;
  /**
   * Set when the red flag was found only in the other language's words ("no puedo respirar" in an
   * English conversation): the 911 advice then comes in that language.
   */
  emergencyFrom?: Locale;
  /**
   * The person asks whether to go to the ER, call 911 or wait ("should I take him to the ER
   * tonight?", "¿voy a urgencias o llamo al 911?"): the answer is the 911 advice for a red flag,
   * the ER or urgent care guidance otherwise.
   */
  urgencyQuestion: boolean;
  /**
   * With an urgency question, the red flag kind it is about: the message's own red flag, or the
   * sign the question names ("is a seizure an emergency?"); null when it names none.
   */
  urgencyKind: string | null;
  /** Things the person mentioned that are not on the list (night sweats, a headache): short label ids. */
  unlisted: string[];
  /**
   * A red flag kind whose sign this message names but whose item it does not: "she's on chemo at
   * the moment" names a treatment going on now, and a fever told in a later message makes it a
   * fever during treatment. The check keeps it for the conversation (check/step.ts).
   */
  flagAwaiting: string | null;
  /** A short reply to a yes/no question. */
  answer: 'yes' | 'no' | 'unsure' | null;
  /** The id of an FAQ entry the message asks, if any. */
  faq: string | null;
  /** An item the person asks to have explained ("what are petechiae?"). */
  explain: ItemId | null;
}
