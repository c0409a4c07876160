import { Channels, type Middleware, type TurnContext } from 'botbuilder';
import { submittedText } from './cardSubmit';
import { fitForTeams } from './teamsFormat';

/**
 * The Teams edge, as middleware so the dialogs stay channel-blind. In: a card submit (an Adaptive
 * Card Action.Submit or a messageBack with `value` and no text) becomes the message text before
 * the dialogs run; Web Chat sends card submits the same way, so this applies on every channel.
 * Out, in Teams only: markdown and choices are fitted to what Teams shows (see teamsFormat.ts).
 */
export class TeamsMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const text = submittedText(context.activity);
    if (text !== undefined) context.activity.text = text;
    if (context.activity.channelId === Channels.Msteams) {
      context.onSendActivities(async (_context, activities, sendNext) => {
        activities.forEach((activity, index) => {
          activities[index] = fitForTeams(activity);
        });
        return sendNext();
      });
    }
    await next();
  }
}
