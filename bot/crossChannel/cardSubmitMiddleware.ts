import type { Middleware, TurnContext } from 'botbuilder';
import { submittedText } from './cardSubmit';

/**
 * A card submit (an Adaptive Card Action.Submit or a messageBack with `value` and no text)
 * becomes the message text before the dialogs run, which read only text. Teams and Web Chat both
 * send card submits this way, so it applies on every channel.
 */
export class CardSubmitMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const text = submittedText(context.activity);
    if (text !== undefined) context.activity.text = text;
    await next();
  }
}
