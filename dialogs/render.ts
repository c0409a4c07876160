import { Activity, ActionTypes, ActivityTypes, AttachmentLayoutTypes, CardAction, InputHints } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import type { RenderedQuestion } from '../check/questions';
import type { Words } from '../check/say';
import { checklistCard, showsChecklists } from './checklistCard';

// What the check says (check/say.ts), as each channel shows it.

// The three shapes of botbuilder-dialogs' ChoiceFactory (suggestedAction, heroCard, list) for
// string choices, built directly: the same objects, key for key and in the same order, without
// its per-call passes (toChoices, CardFactory, MessageFactory), about 1% of an HTTP turn.
// test/dialogs/render.test.ts holds them equal to ChoiceFactory's for every channel.

/** ChoiceFactory.suggestedAction(choices, text): buttons under the message. */
function suggestedActionMessage(choices: readonly string[], text?: string): Partial<Activity> {
  const actions: CardAction[] = choices.map((value) => ({ type: ActionTypes.ImBack, value, title: value, channelData: undefined }));
  const message: Partial<Activity> = { type: ActivityTypes.Message, inputHint: InputHints.ExpectingInput, suggestedActions: { actions } as Activity['suggestedActions'] };
  if (text) message.text = text;
  return message;
}

/** ChoiceFactory.heroCard(choices, text): a card with the text and one button per choice. */
function heroCardMessage(choices: readonly string[], text: string): Partial<Activity> {
  const buttons: CardAction[] = choices.map((value) => ({ title: value, type: ActionTypes.ImBack, value }));
  const content: { text?: string; buttons: CardAction[] } = text ? { text, buttons } : { buttons };
  return {
    type: ActivityTypes.Message,
    attachmentLayout: AttachmentLayoutTypes.List,
    attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content }],
    inputHint: InputHints.ExpectingInput,
  };
}

/** ChoiceFactory.list(choices, text): the text, then "1. ..." on lines of their own. */
function listMessage(choices: readonly string[], text: string): Partial<Activity> {
  let lines = `${text}\n\n   `;
  for (let index = 0; index < choices.length; index++) lines += `${index === 0 ? '' : '\n   '}${index + 1}. ${choices[index]}`;
  return { type: ActivityTypes.Message, text: lines, inputHint: InputHints.ExpectingInput };
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
    const { suggestedActions } = suggestedActionMessage(checklist.items.map(({ label }) => label));
    return { type: ActivityTypes.Message, attachments: [checklistCard(checklist)], suggestedActions, ...expecting };
  }
  const buttons = supportsSuggestedActions(channelId, choices.length);
  const cards = !buttons && supportsCardActions(channelId, choices.length);
  const text = hint ? `${question.text} ${hint[buttons || cards ? 'buttons' : 'numbers']}` : question.text;
  const message = buttons ? suggestedActionMessage(choices, text) : cards ? heroCardMessage(choices, text) : listMessage(choices, text);
  return { ...message, ...expecting };
}

/**
 * One message for this channel. A question waits for its answer (ExpectingInput); a closing, a
 * goodbye or an offer leaves the person free to write (AcceptingInput), its buttons shown the
 * channel's way; channelData.check carries the check's ids and answers, never typed text.
 */
export function activityFor(words: Words, channelId: string): Partial<Activity> {
  if (words.expects) return choiceMessage(channelId, words);
  const { text, choices, check } = words;
  const message = choices.length > 0 ? choiceMessage(channelId, { text, choices }) : { type: ActivityTypes.Message, text };
  return {
    ...message,
    ...(words.markdown ? { textFormat: 'markdown' } : {}),
    ...(words.ends ? { inputHint: InputHints.AcceptingInput } : {}),
    ...(check ? { channelData: { check } } : {}),
  };
}
