import { faqAnswer, itemExplanation, itemLabel, unlistedLabel, type ItemId, type Locale } from '../knowledge';
import { translate, type MessageKey } from '../locales/i18n';
import type { ClosingReason, Notes, Subject } from './check';
import { closingMessage, emergencyMessage, phoneLink, urgencyAnswer, type AppointmentLine, type EmergencyTier } from './closing';
import type { SideAnswer } from './decide';
import { renderQuestion, type CheckData, type Question, type RenderedQuestion } from './questions';
import { listFormat, summaryMessage } from './summary';

// What the bot says in a turn, as data: the step function (step.ts) returns a list of these, and
// words() turns each into text and buttons in its language. Nothing here knows a channel; the
// Bot Framework side shows the words as each channel does (buttons, a card, a numbered list).

export type Say =
  /** One sentence of locales/, sent as it is. */
  | { kind: 'text'; locale: Locale; key: MessageKey; params?: Record<string, string> }
  /** A question of the check; `retry` 0 when first asked, then 1 and 2 for re-asks. */
  | { kind: 'question'; locale: Locale; question: Question; retry: number }
  /** The 911 advice for a red flag of this kind. */
  | { kind: 'emergency'; locale: Locale; emergencyKind: string | null; tier: EmergencyTier }
  /** "ok, what do I do?" after the 911 advice: the advice again, in a word. */
  | { kind: 'emergencyAgain'; locale: Locale }
  /** The closing, last of every check; `wayBack`: after the 911 advice, the button back to the check. */
  | { kind: 'closing'; locale: Locale; reason: ClosingReason; wayBack: boolean }
  /** What was reported and denied, for the scheduler; `mentioned`: things outside the list. */
  | { kind: 'summary'; locale: Locale; notes: Notes; subject: Subject; mentioned: string[] }
  /** The answer to a question asked beside the check (help, an FAQ, "is this an emergency?"). */
  | { kind: 'side'; locale: Locale; answer: SideAnswer | { kind: 'language' } }
  /** Each item in a sentence ("explain"). */
  | { kind: 'explain'; locale: Locale; items: ItemId[] }
  /** Things outside the list, said once that they are noted. */
  | { kind: 'unlisted'; locale: Locale; ids: string[] }
  /** Thanks or goodbye after a closing; after the 911 advice it still names 911. */
  | { kind: 'goodbye'; locale: Locale; afterEmergency: boolean }
  /** After the 911 advice: the one way back to the check, and how to start anew. */
  | { kind: 'wayBack'; locale: Locale }
  /** After a closing, once a question is answered: a new check offered, not begun. */
  | { kind: 'offerNewCheck'; locale: Locale };

/**
 * One message in words. `choices` are buttons (a tap comes back as the label); `expects`: a
 * question waiting for its answer; `ends`: nothing more is asked (a closing, a goodbye, an offer);
 * neither: a plain message the next one follows in the same turn.
 */
export interface Words extends RenderedQuestion {
  expects?: true;
  ends?: true;
  markdown?: true;
}

/** The say in words, with the configured appointment line where it names it. */
export function words(say: Say, appointment: AppointmentLine): Words {
  const { locale } = say;
  const t = translate(locale);
  const { phone } = appointment;
  switch (say.kind) {
    case 'text':
      return plain(t(say.key, say.params));
    case 'question':
      return { ...renderQuestion(say.question, locale, say.retry), expects: true };
    case 'emergency':
      return { text: emergencyMessage(locale, say.emergencyKind, say.tier), choices: [], check: { emergency: true } };
    case 'emergencyAgain':
      return { text: t('afterClosing.emergencyAgain'), choices: [], check: { emergency: true } };
    case 'closing': {
      const check: CheckData = { ended: say.reason };
      // Not a question: the check is over, and a new message starts a new one.
      const choices = say.wayBack ? [t('emergency.choices.back')] : [];
      return { text: closingMessage({ appointment }, locale, say.reason), choices, check, ends: true, markdown: true };
    }
    case 'summary':
      return { text: summaryMessage(say.notes, say.subject, locale, say.mentioned), choices: [], check: { answers: { ...say.notes } } };
    case 'side':
      return plain(sideAnswer(say.answer, locale, phone));
    case 'explain':
      return plain(say.items.map((id) => t('group.explainItem', { label: itemLabel(id, locale), explanation: itemExplanation(id, locale) })).join('\n\n'));
    case 'unlisted': {
      const things = listFormat(locale).format(say.ids.map((id) => unlistedLabel(id, locale).toLowerCase()));
      return plain(t(say.ids.length === 1 ? 'unlisted.noted' : 'unlisted.notedMany', { things }));
    }
    case 'goodbye':
      return { text: t(say.afterEmergency ? 'afterClosing.emergencyGoodbye' : 'afterClosing.goodbye', { phoneLink: phoneLink(phone) }), choices: [], ends: true, markdown: true };
    case 'wayBack':
      return { text: t('emergency.backOffer', { phoneLink: phoneLink(phone) }), choices: [t('emergency.choices.back')], ends: true, markdown: true };
    case 'offerNewCheck':
      return { text: t('afterClosing.offer'), choices: [], ends: true };
  }
}

/** A sentence sent as plain text; channels show it as they show any message. */
const plain = (text: string): Words => ({ text, choices: [], ends: true });

function sideAnswer(answer: SideAnswer | { kind: 'language' }, locale: Locale, phone: string): string {
  const t = translate(locale);
  switch (answer.kind) {
    case 'help':
      return t('help.text');
    case 'language':
      return t('language.switched');
    case 'faq':
      return faqAnswer(answer.faqId, locale, phone);
    case 'hard':
      // The number as text, not a tel: link: only the closing carries the link, so it stays the closing.
      return t(`hard.${answer.question}`, { phone });
    case 'urgency':
      // Advice about a sign asked about, not an emergency of the person's own: not marked as one.
      return urgencyAnswer(locale, answer.urgencyKind, phone);
    case 'courtesy':
      return t('courtesy.thanks');
    case 'sign':
      return 'item' in answer.asked
        ? t('sign.listed', { label: itemLabel(answer.asked.item, locale) })
        : t('sign.notListed', { label: unlistedLabel(answer.asked.unlisted, locale), phone });
    case 'explain':
      return t('group.explainItem', { label: itemLabel(answer.item, locale), explanation: itemExplanation(answer.item, locale) });
  }
}
