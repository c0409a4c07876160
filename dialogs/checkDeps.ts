import { InputHints, type TurnContext } from 'botbuilder';
import type { Locale } from '../knowledge';
import type { ClosingReason } from '../check/check';
import { closingMessage, type AppointmentLine } from '../check/closing';
import type { CheckData } from '../check/questions';
import { choiceMessage } from './questionPrompt';
import type { Session } from './session';

/** What the check needs from the app: built once by bot/checkBot.ts, for the runner and the error handler. */
export interface CheckDeps {
  session: Session;
  appointment: AppointmentLine;
  /**
   * Told how each check ended (for metrics): a reason, never anything the person typed. Called
   * while the turn runs; bot/checkBot.ts counts it only once the turn's state is saved, so a run
   * thrown away for a newer state is not counted.
   */
  onCheckEnded?: (reason: ClosingReason, context: TurnContext) => void;
}

/**
 * Sends the closing, the last activity of every check, however it ended (completed, quit,
 * emergency, error), and reports how the check ended.
 */
export async function sendClosing(context: TurnContext, deps: CheckDeps, reason: ClosingReason, locale?: Locale, choices: string[] = []): Promise<void> {
  const text = closingMessage(deps, locale ?? (await deps.session.locale(context)), reason);
  // Not a prompt: the check is over, and a new message starts a new one. After the 911 advice
  // the closing also offers the way back to the check (a button; numbered on SMS).
  const check: CheckData = { ended: reason };
  const message = choices.length > 0 ? choiceMessage(context.activity.channelId, { text, choices }) : { type: 'message', text };
  await context.sendActivity({ ...message, textFormat: 'markdown', inputHint: InputHints.AcceptingInput, channelData: { check } });
  deps.onCheckEnded?.(reason, context);
  // Remembered so that "thank you" or "ok what do I do" right after get a short answer, not a new check.
  if (reason !== 'error') await deps.session.markEnded(context, reason);
}
