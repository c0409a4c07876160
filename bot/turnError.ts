import type { ConversationState, TurnContext } from 'botbuilder';
import { sendClosing, type CheckDeps } from '../dialogs/checkDeps';
import type { Locale } from '../knowledge';
import { localeFromTag } from '../locales/locale';
import type { Config } from './config';

export type TurnErrorHandler = (context: TurnContext, error: Error) => Promise<void>;

/** The slice of the app's pino logger used here. */
export interface TurnErrorLogger {
  error(details: object, message: string): void;
}

export interface TurnErrorDeps {
  /** The same deps the check runs with, so the apology closes the check the way every closing does. */
  check: CheckDeps;
  defaultLocale: Config['defaultLocale'];
  conversationState: ConversationState;
  logger: TurnErrorLogger;
}

/**
 * The one place an exception becomes words: a short apology with the appointment line, never the
 * exception's text. The conversation's state is cleared so the next message starts a fresh check.
 */
export function createTurnErrorHandler(deps: TurnErrorDeps): TurnErrorHandler {
  return async (context, error) => {
    // The error and where it happened; never the activity, whose text is what the person typed.
    deps.logger.error({ event: 'turn_error', err: error, channel: context.activity.channelId, activityType: context.activity.type }, 'turn failed');
    const locale = await localeForApology(context, deps);
    await sendClosing(context, deps.check, 'error', locale);
    try {
      await deps.conversationState.delete(context);
    } catch (deleteError) {
      // The apology is out; if the store is down, the next message goes on from the last saved step.
      deps.logger.error({ event: 'turn_error_state_not_cleared', err: deleteError }, 'could not clear conversation state');
    }
  };
}

async function localeForApology(context: TurnContext, deps: TurnErrorDeps): Promise<Locale> {
  try {
    return await deps.check.session.locale(context);
  } catch {
    // The state store may be what failed: fall back to what the activity itself says.
    return localeFromTag(context.activity.locale) ?? deps.defaultLocale;
  }
}
