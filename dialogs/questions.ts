import { itemLabel, type ItemId, type Locale } from '../knowledge';
import { translate, type MessageKey } from '../locales/i18n';
import { orderedNotes, SUBJECTS, type ItemList, type Notes, type Subject } from './check';

// Every question the check asks, described by ids only. The words are looked up when the question
// is sent, in the language of that moment, so a re-ask after "español" comes out in Spanish and
// dialog state never holds a sentence.

export type Question =
  | { kind: 'who' }
  | { kind: 'open'; subject: Subject }
  | { kind: 'group'; list: ItemList; items: ItemId[]; subject: Subject; followUp: boolean }
  | { kind: 'readBack'; notes: Notes };

export interface RenderedQuestion {
  text: string;
  /** Button labels; a tap comes back as the label's text. */
  choices: string[];
}

/** The fixed buttons of each question kind besides item labels, by translation key. */
export const CHOICE_KEYS = {
  who: SUBJECTS.map((subject) => `who.choices.${subject}` as const),
  open: ['open.choices.list'],
  group: ['group.choices.none', 'group.choices.unsure'],
  readBack: ['readBack.choices.confirm', 'readBack.choices.reject'],
} as const satisfies Record<Question['kind'], readonly MessageKey[]>;

/** The question's text and buttons; `retry` is 0 when first asked, then 1 and 2 for re-asks. */
export function renderQuestion(question: Question, locale: Locale, retry = 0): RenderedQuestion {
  const t = translate(locale);
  const sorry = retry === 0 ? '' : `${t(retry === 1 ? 'notUnderstood.first' : 'notUnderstood.second')} `;
  const fixedChoices = CHOICE_KEYS[question.kind].map((key) => t(key));
  switch (question.kind) {
    case 'who':
      return { text: retry ? sorry + t('who.retry') : t('who.prompt'), choices: fixedChoices };
    case 'open':
      return { text: retry ? sorry + t('open.retry') : t(`open.prompt.${question.subject}`), choices: fixedChoices };
    case 'group': {
      const asked = t(`group.${question.followUp ? 'followUp' : 'prompt'}.${question.list}.${question.subject}`);
      return {
        text: retry ? sorry + t('group.retry') : `${asked} ${t('group.hint')}`,
        choices: [...question.items.map((id) => itemLabel(id, locale)), ...fixedChoices],
      };
    }
    case 'readBack':
      return {
        text: retry ? sorry + t('readBack.retry') : `${notedText(question.notes, locale)} ${t('readBack.question')}`,
        choices: fixedChoices,
      };
  }
}

/** "I noted: Easy bruising — yes; Fever — no." */
export function notedText(notes: Notes, locale: Locale): string {
  const t = translate(locale);
  const lines = orderedNotes(notes).map(([id, answer]) => t(`readBack.note.${answer}`, { label: itemLabel(id, locale) }));
  return t('readBack.noted', { notes: lines.join('; ') });
}
