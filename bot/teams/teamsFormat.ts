import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { isHorizontalRule, isTableRow, isTableRule, tableRowAsLine } from '../crossChannel/markdownBlocks';

// Teams shows only part of markdown in a text message on every client: bold, italic and links
// (tel: links included, which Teams opens in the phone app). Headers, tables, rules and strike-
// through show as raw characters on some clients, and a single newline is ignored. Links are
// never rewritten here, so a tel: link reaches Teams exactly as the dialogs wrote it.


function simplifyLine(line: string): string | undefined {
  if (isHorizontalRule(line) || isTableRule(line)) return undefined;
  if (isTableRow(line)) return tableRowAsLine(line);
  const header = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (header) return `**${header[1]}**`;
  return line.replace(/~~(.+?)~~/g, '$1');
}

/** Markdown that every Teams client renders: no headers, tables, rules or strike-through; each line break kept. */
export function toTeamsMarkdown(markdown: string): string {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(simplifyLine)
    .filter((line): line is string => line !== undefined);
  // Teams turns "\n\n" into one line break and drops a lone "\n".
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/([^\n])\n(?=[^\n])/g, '$1\n\n').trim();
}

// Quotes stay as typed in text; only an href needs them encoded.
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A hero card's text takes a small HTML subset in Teams, not markdown: bold, italic, links, breaks. */
export function markdownToTeamsCardHtml(markdown: string): string {
  return escapeHtml(toTeamsMarkdown(markdown))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, target: string) => `<a href="${target.replace(/"/g, '%22')}">${label}</a>`)
    .replace(/\*\*(?=\S)(.+?)\*\*/g, '<b>$1</b>')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?!\w)/g, '$1<i>$2</i>')
    .replace(/\n\n/g, '<br>');
}

// Teams shows at most three suggested actions, and only imBack ones; a longer or richer list
// goes on a hero card instead, whose buttons Teams shows in full.
const MAX_TEAMS_SUGGESTED_ACTIONS = 3;

function suggestedActionsFit(actions: readonly CardAction[]): boolean {
  return actions.length <= MAX_TEAMS_SUGGESTED_ACTIONS && actions.every((action) => action.type === 'imBack');
}

function withCardHtml(attachment: Attachment): Attachment {
  if (attachment.contentType !== CardFactory.contentTypes.heroCard && attachment.contentType !== CardFactory.contentTypes.thumbnailCard) return attachment;
  const content = attachment.content as { text?: unknown } | undefined;
  if (typeof content?.text !== 'string') return attachment;
  return { ...attachment, content: { ...content, text: markdownToTeamsCardHtml(content.text) } };
}

/** An outgoing activity made to look right in Teams personal chat; other activities come back as they were. */
export function fitForTeams(activity: Partial<Activity>): Partial<Activity> {
  if (activity.type !== 'message') return activity;
  const fitted: Partial<Activity> = { ...activity };
  if (fitted.text && (fitted.textFormat === undefined || fitted.textFormat === 'markdown')) fitted.text = toTeamsMarkdown(fitted.text);
  if (fitted.attachments) fitted.attachments = fitted.attachments.map(withCardHtml);
  const actions = fitted.suggestedActions?.actions ?? [];
  // A question on an Adaptive Card (the checklist) carries its own buttons; Teams does not show
  // suggested actions beside a card, so they stay as they are rather than becoming a second card.
  const onAdaptiveCard = fitted.attachments?.some((attachment) => attachment.contentType === CardFactory.contentTypes.adaptiveCard) ?? false;
  if (actions.length > 0 && !onAdaptiveCard && !suggestedActionsFit(actions)) {
    // The question moves onto the card with its buttons, so they read as one message.
    const card = CardFactory.heroCard('', fitted.text ? markdownToTeamsCardHtml(fitted.text) : '', [], actions);
    fitted.attachments = [...(fitted.attachments ?? []), card];
    fitted.text = undefined;
    fitted.suggestedActions = undefined;
  }
  return fitted;
}
