import { Channels, type Middleware, type TurnContext } from 'botbuilder';
import { fitForTeams } from './teamsFormat';

/**
 * The Teams edge, as middleware so the dialogs stay channel-blind: in Teams only, every outgoing
 * activity's markdown and choices are fitted to what Teams shows (see teamsFormat.ts). Other
 * channels pass through untouched.
 */
export class TeamsMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
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
