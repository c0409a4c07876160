import { InputHints, type ConversationState, type TurnContext } from 'botbuilder';
import type { ClosingReason } from '../check/check';
import { sendAgainMessage, type AppointmentLine } from '../check/closing';
import type { Locale } from '../knowledge';
import { BrokenStateError, StateStoreError } from './storage/storageErrors';

export type TurnErrorHandler = (context: TurnContext, error: Error) => Promise<void>;

/** The slice of the app's pino logger used here. */
export interface TurnErrorLogger {
  error(details: object, message: string): void;
}

/** What the handler needs of the bot (bot/checkBot.ts), so the apology closes the check the way every closing does. */
export interface CheckCloser {
  localeKnownThisTurn(context: TurnContext): Locale | undefined;
  locale(context: TurnContext): Promise<Locale>;
  /** What the activity itself says, else the configured language. */
  channelLocale(context: TurnContext): Locale;
  sendClosing(context: TurnContext, reason: ClosingReason, locale: Locale): Promise<void>;
}

export interface TurnErrorDeps {
  bot: CheckCloser;
  appointment: AppointmentLine;
  conversationState: ConversationState;
  logger: TurnErrorLogger;
}

/** What failed, as far as the person's state goes. */
export type TurnErrorKind = 'store' | 'brokenState' | 'bug';

/**
 * - store: the state store failed (a stall, an outage, a save that kept meeting newer state). The
 *   turn saved nothing, so the state is what it was before this message: keep it.
 * - brokenState: what is stored cannot be read as state; it would fail again the same way.
 * - bug: anything else. We cannot tell a bug in our code from one a stored state leads it into,
 *   and a kept state that fails on every message would hold the person in a loop of apologies.
 */
export function turnErrorKind(error: unknown): TurnErrorKind {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof StateStoreError) return 'store';
    if (cause instanceof BrokenStateError) return 'brokenState';
  }
  return 'bug';
}

/**
 * The one place an exception becomes words, never the exception's text. A store failure keeps the
 * person's check: they are asked to send their message again (with the appointment line), and
 * the check goes on where it was. Otherwise a short apology closes the check with the appointment
 * line, and the conversation's state is cleared so the next message starts a fresh check.
 */
export function createTurnErrorHandler(deps: TurnErrorDeps): TurnErrorHandler {
  return async (context, error) => {
    const kind = turnErrorKind(error);
    // The error and where it happened; never the activity, whose text is what the person typed.
    deps.logger.error(
      { event: 'turn_error', kind, stateKept: kind === 'store', err: error, channel: context.activity.channelId, activityType: context.activity.type },
      'turn failed',
    );
    if (kind === 'store') {
      // Not the stored language: the store is what failed, and reading it again would wait out another timeout.
      const locale = deps.bot.localeKnownThisTurn(context) ?? deps.bot.channelLocale(context);
      const text = sendAgainMessage(deps, locale);
      await context.sendActivity({ type: 'message', text, textFormat: 'markdown', inputHint: InputHints.AcceptingInput });
      return;
    }
    const locale = await localeForApology(context, deps);
    await deps.bot.sendClosing(context, 'error', locale);
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
    return await deps.bot.locale(context);
  } catch {
    // The state store may be what failed: fall back to what the activity itself says.
    return deps.bot.channelLocale(context);
  }
}
