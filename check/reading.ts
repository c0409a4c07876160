import { clausesAsWritten, leaningOf, otherLocale, remembered, understand, understandEmergency, type About, type EmergencyReading, type ItemId, type Locale, type Understanding } from '../knowledge';
import { isButtonText } from './buttons';
import { findCommand, findLanguageRequest, normalise, type CommandKind, type Normalised } from './keywords';


/**
 * A multi-select answer (the checklist card's "Done"): the items ticked among the items the card
 * showed. The unticked ones shown are a "no"; items it did not show are not answered by it.
 */
export interface Selection {
  ticked: readonly ItemId[];
  shown: readonly ItemId[];
}

/**
 * Our own buttons understood once per process, not once per tap. Taps are most of what web chat
 * and Teams send, and understanding one costs about a twentieth of an HTTP turn. Only button
 * texts are kept (our words, a few hundred at most), never what a person typed. Frozen, so that a
 * caller changing a shared answer fails loudly instead of changing the next person's.
 */
const understoodButton = remembered(1000, (key: string): Understanding => {
  const [locale, about, text] = key.split('\u0000') as [Locale, About, string];
  const found = understand(text, locale, about);
  for (const value of Object.values(found)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(found);
});

/** The understanding reports or denies an item, or is a short answer: worth taking over the other language's. */
const reportsOrAnswers = (understood: Understanding) => understood.present.length > 0 || understood.absent.length > 0 || understood.answer !== null;

/**
 * One message, read once. The turn runner makes one per message and hands it to the interrupts
 * and to the question waiting on screen, so each part of a turn asks the same Reading instead of
 * reading the text again: it is normalised once, and each understanding (per language, per whose
 * check) is made the first time something asks for it and kept for the rest of the turn.
 */
export class Reading {
  /** The text as the phrase lists compare it (knowledge's normalizeWords). */
  readonly words: Normalised;
  /**
   * Understandings by language, reader and text, shared with this message's clause Readings: a
   * clause that is the whole message ("maybe", "no sé") is not understood a second time.
   */
  private understood = new Map<string, Understanding>();
  /** The red flag reading per language, for asking the other language only whether it flags. */
  private readonly emergencies = new Map<Locale, EmergencyReading>();
  private clauseReadings: readonly Reading[] | undefined;
  private commandFound: CommandKind | null | undefined;
  private languageFound: Locale | null | undefined;
  private buttonFound: boolean | undefined;
  private leaningFound: Locale | null | undefined;

  constructor(
    /** What the person sent, as sent. */
    readonly text: string,
    /** The conversation's language when the message came in. */
    readonly locale: Locale,
    /** Ticked boxes sent with the message (a card submit), when there were any. */
    readonly selection?: Selection,
  ) {
    this.words = normalise(text);
  }

  /** The message understood in `locale`; `about` 'someone' in a check for someone else. */
  in(locale: Locale, about: About = 'self'): Understanding {
    const key = `${locale}:${about}:${this.text}`;
    let found = this.understood.get(key);
    if (!found) {
      found = this.isButton ? understoodButton(`${locale}\u0000${about}\u0000${this.text}`) : understand(this.text, locale, about);
      this.understood.set(key, found);
    }
    return found;
  }

  /** Understood in the conversation's language, or in the other one when that finds nothing. */
  inEither(about: About = 'self'): Understanding {
    const first = this.in(this.locale, about);
    if (reportsOrAnswers(first)) return first;
    const other = this.in(otherLocale(this.locale), about);
    return reportsOrAnswers(other) ? other : first;
  }

  /** Understood in the other language than the conversation's ("no puedo respirar" in English). */
  inOther(about: About = 'self'): Understanding {
    return this.in(otherLocale(this.locale), about);
  }

  /**
   * Whether the message raises a red flag in `locale` (the emergency fields of `in(locale)`), read
   * without the rest of the understanding unless that is already at hand. The interrupts ask it of
   * the other language on every message ("cant breathe" typed in a Spanish conversation).
   */
  emergencyIn(locale: Locale): EmergencyReading {
    const whole = this.understood.get(`${locale}:self:${this.text}`);
    if (whole) return whole;
    let found = this.emergencies.get(locale);
    if (!found) {
      found = understandEmergency(this.text, locale);
      this.emergencies.set(locale, found);
    }
    return found;
  }

  /** Each clause as a Reading of its own, for hedges that cover only their clause (knowledge/clauses.ts cuts them). */
  clauses(): readonly Reading[] {
    this.clauseReadings ??= clausesAsWritten(this.text).map((part) => {
      const clause = new Reading(part, this.locale);
      clause.understood = this.understood;
      return clause;
    });
    return this.clauseReadings;
  }

  /** "stop", "talk to a person", "empezar de nuevo", "help", in either language. */
  get command(): CommandKind | null {
    if (this.commandFound === undefined) this.commandFound = findCommand(this.words, /[?¿]/.test(this.text));
    return this.commandFound;
  }

  /** A request to switch language ("español", "in English"). */
  get languageRequest(): Locale | null {
    if (this.languageFound === undefined) this.languageFound = findLanguageRequest(this.words);
    return this.languageFound;
  }

  /** The language the message's words are written in, when they lean to one (knowledge/leaning.ts). */
  get leaning(): Locale | null {
    if (this.leaningFound === undefined) this.leaningFound = leaningOf(this.text);
    return this.leaningFound;
  }

  /** Whether the message is one of our own buttons, in either language. */
  get isButton(): boolean {
    this.buttonFound ??= isButtonText(this.words);
    return this.buttonFound;
  }
}
