import { CardFactory, type Attachment } from 'botbuilder';
import { ITEM_IDS, type ItemId } from '../knowledge';
import type { Checklist } from '../check/questions';
import type { Selection } from '../check/reading';

// A list question as an Adaptive Card with a checkbox per item and a "Done" button, so a whole
// list takes one answer; and the way that answer is read back from the card's submit.
//
// Schema 1.3 (Input.ChoiceSet with isMultiSelect and style "expanded", Action.Submit with
// associatedInputs): Teams renders up to 1.5, Web Chat 4.18 up to 1.6. Teams and Web Chat send
// the submit as a message whose `value` is the action's data with the inputs merged in, and no text.

/** Channels whose clients show Adaptive Card checkboxes: the website's Web Chat and Teams. */
const CHECKLIST_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'msteams']);

export const showsChecklists = (channelId: string): boolean => CHECKLIST_CHANNELS.has(channelId);

/** The input holding the ticked items, and the data key naming the items the card showed. */
const TICKED_INPUT = 'ticked';
const SHOWN_KEY = 'checklist';

const KNOWN_IDS: ReadonlySet<string> = new Set(ITEM_IDS);
const itemIds = (value: unknown): ItemId[] =>
  typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter((id): id is ItemId => KNOWN_IDS.has(id)) : [];

export function checklistCard(checklist: Checklist): Attachment {
  const { text, items, done, none, unsure, hint } = checklist;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      { type: 'TextBlock', text, wrap: true },
      ...(hint ? [{ type: 'TextBlock', text: hint, wrap: true, isSubtle: true, spacing: 'small' }] : []),
      {
        type: 'Input.ChoiceSet',
        id: TICKED_INPUT,
        isMultiSelect: true,
        style: 'expanded',
        choices: items.map(({ id, label }) => ({ title: label, value: id })),
      },
    ],
    actions: [
      { type: 'Action.Submit', title: done, data: { [SHOWN_KEY]: items.map(({ id }) => id).join(',') } },
      // As their words, like a tap on a button: the cross-channel card-submit middleware makes them the text.
      { type: 'Action.Submit', title: none, associatedInputs: 'none', data: { answer: none } },
      { type: 'Action.Submit', title: unsure, associatedInputs: 'none', data: { answer: unsure } },
    ],
  });
}

/** The ticked boxes a checklist card's "Done" sent, or undefined for any other message. */
export function selectionFrom(value: unknown): Selection | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const shown = itemIds(data[SHOWN_KEY]);
  if (shown.length === 0) return undefined;
  return { shown, ticked: itemIds(data[TICKED_INPUT]).filter((id) => shown.includes(id)) };
}
