import { ActivityTypes, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { answerFrom } from '../crossChannel/cardSubmit';
import { toGsm7 } from './gsm7';
import { linkToPlain, markdownToPlain } from './plainText';
import { splitMessage } from './segments';

export interface SmsReply {
  /** Message bodies in order, each within Twilio's 1,600 characters. */
  messages: string[];
}

interface Rendered {
  lines: string[];
  /** The labels of the buttons, shown as a numbered list. */
  choices: string[];
}

// A person cannot press a button by text: a choice becomes a numbered line. The check sends SMS
// their own numbered list and read a bare "2" against it (check/replies.ts), so a number the
// person texts back goes to the bot as typed. Links (a call button, a web page) become text too.
function fromAction(action: Partial<CardAction>, into: Rendered): void {
  const title = (action.title ?? '').trim();
  const rawValue: unknown = action.value;
  if (action.type === 'openUrl' || action.type === 'call' || action.type === 'downloadFile' || action.type === 'showImage') {
    if (typeof rawValue === 'string') into.lines.push(linkToPlain(title, rawValue));
    return;
  }
  const value = (action.type === 'messageBack' ? action.text : undefined) ?? answerFrom(rawValue) ?? title;
  if (value !== '') into.choices.push(title || value);
}

interface AdaptiveElement {
  type?: string;
  text?: string;
  title?: string;
  url?: string;
  data?: unknown;
  body?: AdaptiveElement[];
  items?: AdaptiveElement[];
  columns?: AdaptiveElement[];
  actions?: AdaptiveElement[];
  facts?: { title?: string; value?: string }[];
}

function fromAdaptive(element: AdaptiveElement, into: Rendered): void {
  if (element.type === 'TextBlock' && element.text) into.lines.push(markdownToPlain(element.text));
  if (element.type === 'FactSet') for (const fact of element.facts ?? []) into.lines.push(`${fact.title ?? ''}: ${fact.value ?? ''}`);
  if (element.type === 'Action.Submit') fromAction({ type: 'imBack', title: element.title, value: answerFrom(element.data) ?? element.title }, into);
  if (element.type === 'Action.OpenUrl' && element.url) into.lines.push(linkToPlain(element.title ?? '', element.url));
  for (const child of [...(element.body ?? []), ...(element.items ?? []), ...(element.columns ?? []), ...(element.actions ?? [])]) {
    fromAdaptive(child, into);
  }
}

function fromAttachment(attachment: Partial<Attachment>, into: Rendered): void {
  const content = attachment.content as Record<string, unknown> | undefined;
  if (!content) return;
  if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') {
    fromAdaptive(content as AdaptiveElement, into);
    return;
  }
  if (/^application\/vnd\.microsoft\.card\.(hero|thumbnail)$/.test(attachment.contentType ?? '')) {
    for (const field of ['title', 'subtitle', 'text'] as const) {
      const value = content[field];
      if (typeof value === 'string' && value.trim() !== '') into.lines.push(markdownToPlain(value));
    }
    for (const button of (content.buttons as Partial<CardAction>[] | undefined) ?? []) fromAction(button, into);
  }
}

function renderActivity(activity: Partial<Activity>): Rendered {
  const rendered: Rendered = { lines: [], choices: [] };
  if (activity.text) rendered.lines.push(markdownToPlain(activity.text));
  for (const attachment of activity.attachments ?? []) fromAttachment(attachment, rendered);
  for (const action of activity.suggestedActions?.actions ?? []) fromAction(action, rendered);
  return rendered;
}

/**
 * The SMS a turn's replies make: their texts and cards in order as plain GSM-7 text, choices as
 * numbered lines. One body, split only past 1,600 characters, because separate messages can
 * reach the phone out of order.
 */
export function renderSmsReply(activities: readonly Partial<Activity>[]): SmsReply {
  const paragraphs: string[] = [];
  for (const activity of activities) {
    if (activity.type !== ActivityTypes.Message) continue;
    const rendered = renderActivity(activity);
    const numbered = rendered.choices.map((label, index) => `${index + 1}. ${label}`);
    const paragraph = [...rendered.lines, numbered.join('\n')].filter((part) => part.trim() !== '').join('\n');
    if (paragraph !== '') paragraphs.push(paragraph);
  }
  return { messages: splitMessage(toGsm7(paragraphs.join('\n\n'), { uniformAccents: true })) };
}
