import { InputHints, type TurnContext } from 'botbuilder';
import { faqAnswer, itemExplanation, itemLabel, unlistedLabel, type Locale } from '../knowledge';
import { translate } from '../locales/i18n';
import { phoneLink, urgencyAnswer } from '../check/closing';
import type { Interrupt } from '../check/interrupts';
import { renderQuestion, type CheckData } from '../check/questions';
import type { Reading } from '../check/reading';
import { listFormat } from '../check/summary';
import type { CheckDeps } from './checkDeps';
import { choiceMessage } from './questionPrompt';

// What the runner says beside the check's own questions: answers to interrupts, the note that
// something outside the list was heard, the 911 advice, and replies right after a closing.

type Answerable = Extract<Interrupt, { kind: 'help' | 'language' | 'faq' | 'hard' | 'explain' | 'urgency' | 'sign' | 'courtesy' }>;

/** Help, "switched to Spanish", an FAQ, a hard question or an item's explanation, in the conversation's language. */
export async function answerInterrupt(context: TurnContext, deps: CheckDeps, interrupt: Answerable): Promise<void> {
  const locale = await deps.session.locale(context);
  const t = translate(locale);
  switch (interrupt.kind) {
    case 'help':
      return void (await context.sendActivity(t('help.text')));
    case 'language':
      return void (await context.sendActivity(t('language.switched')));
    case 'faq':
      return void (await context.sendActivity(faqAnswer(interrupt.faqId, locale, deps.appointment.phone)));
    case 'hard':
      // The number as text, not a tel: link: only the closing carries the link, so it stays the closing.
      return void (await context.sendActivity(t(`hard.${interrupt.question}`, { phone: deps.appointment.phone })));
    case 'urgency':
      // Advice about a sign asked about, not an emergency of the person's own: not marked as one.
      return void (await context.sendActivity(urgencyAnswer(locale, interrupt.urgencyKind, deps.appointment.phone)));
    case 'courtesy':
      // Laughter needs no words of ours: the question simply comes again.
      if (!interrupt.laughed) await context.sendActivity(t('courtesy.thanks'));
      return;
    case 'sign':
      return void (await context.sendActivity(
        'item' in interrupt.asked
          ? t('sign.listed', { label: itemLabel(interrupt.asked.item, locale) })
          : t('sign.notListed', { label: unlistedLabel(interrupt.asked.unlisted, locale), phone: deps.appointment.phone }),
      ));
    case 'explain': {
      const explanation = { label: itemLabel(interrupt.item, locale), explanation: itemExplanation(interrupt.item, locale) };
      return void (await context.sendActivity(t('group.explainItem', explanation)));
    }
  }
}

/** Things outside the list ("night sweats"): said once that they are noted, kept for the summary. */
export async function acknowledgeUnlisted(context: TurnContext, deps: CheckDeps, reading: Reading): Promise<void> {
  // A tapped button is our own words, which name nothing outside the list (check/buttons.ts tests it).
  if (reading.isButton) return;
  const inLocale = reading.in(reading.locale).unlisted;
  const unlisted = inLocale.length > 0 ? inLocale : reading.inOther().unlisted;
  if (unlisted.length === 0) return;
  const fresh = await deps.session.mention(context, unlisted);
  if (fresh.length === 0) return;
  const locale = await deps.session.locale(context);
  const things = listFormat(locale).format(fresh.map((id) => unlistedLabel(id, locale).toLowerCase()));
  await context.sendActivity(translate(locale)(fresh.length === 1 ? 'unlisted.noted' : 'unlisted.notedMany', { things }));
}

/** The 911 advice, marked for evaluation and channels (channelData.check.emergency). */
export async function sendEmergencyAdvice(context: TurnContext, text: string): Promise<void> {
  const check: CheckData = { emergency: true };
  await context.sendActivity({ type: 'message', text, channelData: { check } });
}

/** "Is this happening right now?", after the advice for a possible red flag. */
export async function askEmergencyQuestion(context: TurnContext, locale: Locale, retry: number): Promise<void> {
  const { text, choices } = renderQuestion({ kind: 'emergencyNow' }, locale, retry);
  await context.sendActivity(choiceMessage(context.activity.channelId, { text, choices }));
}

/** Thanks or goodbye after a closing: a short goodbye with the line; after the 911 advice it still names 911. */
export async function sayGoodbye(context: TurnContext, deps: CheckDeps, afterEmergency: boolean): Promise<void> {
  const t = translate(await deps.session.locale(context));
  const text = t(afterEmergency ? 'afterClosing.emergencyGoodbye' : 'afterClosing.goodbye', { phoneLink: phoneLink(deps.appointment.phone) });
  await context.sendActivity({ type: 'message', text, textFormat: 'markdown', inputHint: InputHints.AcceptingInput });
}

/** After the 911 advice: the one way back to the check, and how to start anew. */
export async function offerWayBack(context: TurnContext, deps: CheckDeps): Promise<void> {
  const t = translate(await deps.session.locale(context));
  const text = t('emergency.backOffer', { phoneLink: phoneLink(deps.appointment.phone) });
  const message = choiceMessage(context.activity.channelId, { text, choices: [t('emergency.choices.back')] });
  await context.sendActivity({ ...message, textFormat: 'markdown', inputHint: InputHints.AcceptingInput });
}

/** After a closing, once a question is answered: a new check offered, not begun. */
export async function offerNewCheck(context: TurnContext, deps: CheckDeps): Promise<void> {
  const t = translate(await deps.session.locale(context));
  await context.sendActivity({ type: 'message', text: t('afterClosing.offer'), inputHint: InputHints.AcceptingInput });
}
