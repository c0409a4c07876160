import type { Activity } from 'botbuilder';

/** The answer a card carries: `{"answer": …}` or `{"text": …}` in its data, or a plain string. */
export function answerFrom(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const { answer, text } = value as { answer?: unknown; text?: unknown };
    if (typeof answer === 'string') return answer;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/**
 * The text a card submit stands for. An Adaptive Card Action.Submit (and a messageBack without
 * text) arrives as a message whose `value` holds the data and whose text is empty; the dialogs
 * read only text, so the answer in the data becomes the text. A message with text is left alone.
 */
export function submittedText(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message' || (activity.text ?? '').trim() !== '') return undefined;
  const answer = answerFrom(activity.value)?.trim();
  return answer ? answer : undefined;
}
