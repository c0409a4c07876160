import { itemLabel, understand, type ItemId, type Locale } from '../knowledge';
import { translate, type MessageKey } from '../locales/i18n';
import { orderedNotes, SUBJECTS, type Answer, type ItemList, type Notes, type Subject } from './check';
import { SIGNS_FOR, type ScreenSign } from './screen';

// Every question the check asks, described by ids only. The words are looked up when the question
// is sent, in the language of that moment, so a re-ask after "español" comes out in Spanish and
// the check's state never holds a sentence.

export type Question =
  | { kind: 'who' }
  /** The red-flag screen: is any of these signs happening now? (check/screen.ts) */
  | { kind: 'screen'; subject: Subject }
  | { kind: 'open'; subject: Subject }
  /**
   * `index`: how many questions of this list came before (the wording varies); `hint`: the
   * instruction line, shown on the check's first list question only.
   */
  | { kind: 'group'; list: ItemList; items: ItemId[]; subject: Subject; followUp: boolean; index?: number; hint?: boolean }
  /** One item at a time, after "Not sure" for a whole group: Yes / No / Not sure. */
  | { kind: 'item'; list: ItemList; item: ItemId; subject: Subject }
  | { kind: 'readBack'; notes: Notes; subject?: Subject }
  /** After "No, change it", or a correction that changed nothing: which item to change. */
  | { kind: 'readBackWhich'; notes: Notes; subject?: Subject }
  /** A possible emergency: "Is this happening right now?" */
  | { kind: 'emergencyNow' };

/**
 * What an activity tells an evaluator or a channel about the check (channelData.check), ids and
 * answers only, never what the person typed. See the README's conversation section.
 */
export interface CheckData {
  asking?: ItemId[];
  noted?: Partial<Record<ItemId, Answer>>;
  answers?: Partial<Record<ItemId, Answer>>;
  ended?: string;
  emergency?: true;
  /** On the red-flag screen question. */
  screen?: 'red_flags';
}

/** How a channel shows a question's choices: buttons, a numbered list (SMS), or a checklist card. */
export type Presentation = 'buttons' | 'numbers' | 'card';

/** A list question shown as a card with a checkbox per item (checklistCard.ts in dialogs/). */
export interface Checklist {
  /** The question as the card words it (a re-ask says to tick, not to pick one). */
  text: string;
  items: { id: ItemId; label: string }[];
  /** The card's buttons: "Done" sends the ticked boxes; "None of these" and "Not sure" as their words. */
  done: string;
  none: string;
  unsure: string;
  /** "Tick all that fit, then Done": shown on every card but a re-ask, where it costs nothing. */
  hint?: string;
}

export interface RenderedQuestion {
  text: string;
  /** Button labels; a tap comes back as the label's text. */
  choices: string[];
  check?: CheckData;
  /** The instruction line after the text, worded for the way the choices are shown. */
  hint?: Record<Presentation, string>;
  /** A list question, for channels that show it with checkboxes. */
  checklist?: Checklist;
}

/** The fixed buttons of each question kind besides item labels, by translation key. */
export const CHOICE_KEYS = {
  who: SUBJECTS.map((subject) => `who.choices.${subject}` as const),
  screen: ['screen.choices.none'],
  open: ['open.choices.list'],
  group: ['group.choices.none', 'group.choices.unsure'],
  item: ['item.choices.yes', 'item.choices.no', 'group.choices.unsure'],
  readBack: ['readBack.choices.right', 'readBack.choices.reject'],
  readBackWhich: ['readBack.choices.dropAll'],
  emergencyNow: ['emergency.choices.yes', 'emergency.choices.no'],
} as const satisfies Record<Question['kind'], readonly MessageKey[]>;

/** The screen's sign buttons, by sign. */
export const signKey = (sign: ScreenSign) => `screen.signs.${sign}` as const satisfies MessageKey;

/** Buttons offered outside a question: the way back on the emergency closing. */
export const CLOSING_CHOICE_KEYS = ['emergency.choices.back'] as const satisfies readonly MessageKey[];

/** Button words still read as answers though no longer shown (a stale button from an older check). */
export const OLD_CHOICE_KEYS = ['readBack.choices.confirm'] as const satisfies readonly MessageKey[];

function groupText(question: Extract<Question, { kind: 'group' }>, t: ReturnType<typeof translate>): string {
  const { list, subject, followUp, index = 0 } = question;
  // Asked again after a tap: the same words twice in a row read like the bot did not hear.
  if (followUp) return index % 2 === 0 ? t('group.followUpAgain') : t(`group.followUp.${list}.${subject}`);
  if (index === 0) return t(`group.prompt.${list}.${subject}`);
  return t(`group.more.${list}.${subject}.v${index % 2 === 1 ? 0 : 1}` as MessageKey);
}

/** The question's text and buttons; `retry` is 0 when first asked, then 1 and 2 for re-asks. */
export function renderQuestion(question: Question, locale: Locale, retry = 0): RenderedQuestion {
  const t = translate(locale);
  // The second re-ask really says it another way: no "sorry" again, a different sentence.
  const sorry = retry === 1 ? `${t('notUnderstood.first')} ` : '';
  const fixedChoices = CHOICE_KEYS[question.kind].map((key) => t(key));
  switch (question.kind) {
    case 'who':
      return { text: retry ? (retry === 2 ? t('who.retryAgain') : sorry + t('who.retry')) : t('who.prompt'), choices: fixedChoices };
    case 'screen':
      return {
        text: retry ? t('screen.retry') : t(`screen.prompt.${question.subject}`),
        choices: [...SIGNS_FOR[question.subject].map((sign) => t(signKey(sign))), ...fixedChoices],
        check: { screen: 'red_flags' },
      };
    case 'open': {
      const again = retry === 2 ? t('open.retryAgain') : sorry + t(`open.retryExample.${question.subject}`);
      return { text: retry ? again : t(`open.prompt.${question.subject}`), choices: fixedChoices };
    }
    case 'group': {
      const asked = groupText(question, t);
      const again = retry === 2 ? t('group.retryAgain') : sorry + t('group.retry');
      const items = question.items.map((id) => ({ id, label: itemLabel(id, locale) }));
      const [none, unsure] = fixedChoices as [string, string];
      return {
        text: retry ? again : asked,
        choices: [...items.map(({ label }) => label), ...fixedChoices],
        check: { asking: [...question.items] },
        ...(question.hint && !retry ? { hint: { buttons: t('group.hintMany'), numbers: t('group.hintNumbers'), card: t('group.card.hint') } } : {}),
        checklist: {
          text: retry ? (retry === 2 ? t('group.card.retryAgain') : sorry + t('group.card.retry')) : asked,
          items,
          done: t('group.card.done'),
          none,
          unsure,
          ...(retry ? {} : { hint: t('group.card.hint') }),
        },
      };
    }
    case 'item': {
      const asked = t(`item.ask.${question.list}.${question.subject}`, { label: itemLabel(question.item, locale) });
      return { text: retry ? `${sorry}${t('item.retry')} ${asked}` : asked, choices: fixedChoices, check: { asking: [question.item] } };
    }
    case 'readBack':
      return {
        text: retry
          ? retry === 2
            ? t('readBack.againRetry')
            : sorry + t('readBack.retry')
          : `${notedText(question.notes, locale)} ${t('readBack.question', { example: correctionExample(question.notes, locale) })}`,
        choices: fixedChoices,
        check: { noted: { ...question.notes } },
      };
    case 'readBackWhich':
      return {
        text: retry ? sorry + t('readBack.whichRetry') : `${notedText(question.notes, locale)} ${t('readBack.which')}`,
        choices: [...orderedNotes(question.notes).map(([id]) => itemLabel(id, locale)), ...fixedChoices],
        check: { noted: { ...question.notes } },
      };
    case 'emergencyNow':
      return { text: retry ? t('emergency.askNowRetry') : t('emergency.askNow'), choices: fixedChoices };
  }
}

/** More "no" answers than this beside a yes are read back as a count ("just the fever" to a whole list). */
const NOES_LISTED = 3;

/** "I noted: Easy bruising — yes; Fever — no." or "I noted: Fever — yes; the other 9 — no." */
function notedText(notes: Notes, locale: Locale): string {
  const t = translate(locale);
  const ordered = orderedNotes(notes);
  const noes = ordered.filter(([, answer]) => answer === 'no').length;
  const countNoes = noes > NOES_LISTED && noes < ordered.length;
  const lines = ordered.filter(([, answer]) => !countNoes || answer !== 'no').map(([id, answer]) => t(`readBack.mark.${answer}`, { label: itemLabel(id, locale) }));
  if (countNoes) lines.push(t('readBack.restNo', { number: String(noes) }));
  return t('readBack.noted', { notes: lines.join('; ') });
}

/**
 * How to change a note, shown with the read-back: a denial of something just noted ("no bleeding
 * gums"), which fits whoever the check is about. Only a wording the check reads back as that
 * denial is offered; otherwise the general one.
 */
function correctionExample(notes: Notes, locale: Locale): string {
  const t = translate(locale);
  for (const [id, answer] of orderedNotes(notes)) {
    if (answer !== 'yes') continue;
    const example = t('readBack.example', { label: itemLabel(id, locale).toLowerCase() });
    if (readsAsDenial(example, id, locale)) return example;
  }
  return t('readBack.exampleAny');
}

const denials = new Map<string, boolean>();
function readsAsDenial(example: string, id: ItemId, locale: Locale): boolean {
  const key = `${locale}:${example}`;
  let denies = denials.get(key);
  if (denies === undefined) {
    const read = understand(example, locale);
    denies = read.present.length === 0 && read.absent.length === 1 && read.absent[0] === id;
    denials.set(key, denies);
  }
  return denies;
}
