import { Activity, ActivityTypes, InputHints, TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  DialogContext,
  Prompt,
  PromptOptions,
  PromptRecognizerResult,
  PromptValidator,
  supportsCardActions,
  supportsSuggestedActions,
} from 'botbuilder-dialogs';
import { MAX_RETRIES } from '../check/check';
import { QUESTION_PROMPT } from './ids';
import { renderQuestion, type Question, type RenderedQuestion } from '../check/questions';
import { checklistCard, showsChecklists } from './checklistCard';
import { readReply, type Reply } from '../check/replies';
import type { Session } from './session';
import { readingOf } from './turnReading';

/**
 * Turn-state key of a reply read on an earlier turn (the message that raised a possible red flag),
 * answered in place of this turn's message once the person says it is not happening now.
 */
export const REPLAYED_REPLY = Symbol('replayed reply');

export interface QuestionOptions extends PromptOptions {
  question: Question;
}

/**
 * Buttons the way each channel shows them: suggested actions (Web Chat, Direct Line, Emulator),
 * a hero card (Teams), or a numbered list the person can answer with "2" (SMS and the rest). A
 * list question goes on a checklist card where the channel shows one (checklistCard.ts).
 * Not ChoiceFactory.forChannel: it falls back to a text list whenever a title is over 20
 * characters, which most item labels are.
 */
export function choiceMessage(channelId: string, question: RenderedQuestion): Partial<Activity> {
  const { choices, check, hint, checklist } = question;
  const expecting = { inputHint: InputHints.ExpectingInput, ...(check ? { channelData: { check } } : {}) };
  if (checklist && showsChecklists(channelId)) {
    // The item labels stay as suggested actions too: one tap still answers one item, as on every
    // other channel. Teams does not show suggested actions beside a card; Web Chat shows both.
    const { suggestedActions } = ChoiceFactory.suggestedAction(checklist.items.map(({ label }) => label));
    return { type: ActivityTypes.Message, attachments: [checklistCard(checklist)], suggestedActions, ...expecting };
  }
  const buttons = supportsSuggestedActions(channelId, choices.length);
  const cards = !buttons && supportsCardActions(channelId, choices.length);
  const text = hint ? `${question.text} ${hint[buttons || cards ? 'buttons' : 'numbers']}` : question.text;
  const message = buttons ? ChoiceFactory.suggestedAction(choices, text) : cards ? ChoiceFactory.heroCard(choices, text) : ChoiceFactory.list(choices, text);
  return { ...message, ...expecting };
}

/** Re-asks what it did not understand, at most MAX_RETRIES times and within the check's detours. */
function acceptUnlessStuck(session: Session): PromptValidator<Reply> {
  return async (prompt) => {
    if (prompt.recognized.value?.kind !== 'unknown') return true;
    const tooManyDetours = await session.detour(prompt.context);
    // Accepting "unknown" ends the prompt; the step then closes with the appointment line.
    return prompt.attemptCount > MAX_RETRIES || tooManyDetours;
  };
}

/**
 * The one prompt of the check. It stores the question as ids (see questions.ts) and words it at
 * send time, so a re-ask after a language switch comes out in the new language; replies are read
 * by readReply(). It always "recognises" something: "unknown" is a value the validator retries.
 */
export class QuestionPrompt extends Prompt<Reply> {
  constructor(
    dialogId: string,
    private readonly session: Session,
  ) {
    super(dialogId, acceptUnlessStuck(session));
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const locale = await this.session.locale(context);
    const attempts = (state as { attemptCount?: number }).attemptCount ?? 1;
    const rendered = renderQuestion((options as QuestionOptions).question, locale, isRetry ? attempts : 0);
    await context.sendActivity(choiceMessage(context.activity.channelId, rendered));
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Reply>> {
    const replayed = context.turnState.get(REPLAYED_REPLY) as Reply | undefined;
    if (replayed) return { succeeded: true, value: replayed };
    return { succeeded: true, value: readReply((options as QuestionOptions).question, readingOf(context)) };
  }
}

/** Asks `question` with the one QUESTION_PROMPT of the check's dialog set (checkRunner.ts). */
export const ask = (dc: DialogContext, question: Question) => dc.beginDialog(QUESTION_PROMPT, { question } satisfies QuestionOptions);
