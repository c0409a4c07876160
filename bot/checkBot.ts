import {
  ActivityTypes,
  ConversationState,
  type InvokeResponse,
  TeamsActivityHandler,
  TurnContext,
  UserState,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ClosingReason } from '../check/check';
import type { CheckDeps } from '../dialogs/checkDeps';
import { CheckRunner } from '../dialogs/checkRunner';
import { Session, type CheckFlags } from '../dialogs/session';
import type { Config } from './config';
import { afterTurnSaved } from './storage/heldReplies';
import { runUntilSaved } from './storage/runUntilSaved';
import { SeenMessages } from './storage/seenMessages';
import { SnapshotConversationState, SnapshotUserState } from './storage/snapshotState';
import { createTurnErrorHandler, type TurnErrorHandler, type TurnErrorLogger } from './turnError';

export interface CheckBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  dialogState: StatePropertyAccessor<DialogState>;
  runner: CheckRunner;
  seenMessages: SeenMessages;
  /** Told of each run thrown away for a newer state (for metrics). */
  onTurnRerun?: () => void;
}

/**
 * Runs the check on every channel: a TeamsActivityHandler behaves as a plain ActivityHandler
 * outside Teams and knows Teams' own conversationUpdate shapes inside it.
 */
export class CheckBot extends TeamsActivityHandler {
  constructor(private readonly deps: CheckBotDeps) {
    super();
    // Messages go straight to the check (see run); the rest go through ActivityHandler's dispatch.
    // Welcome when a person joins. Channels that send no conversationUpdate (SMS, some Direct
    // Line clients) get it with their first message instead, since that message begins the dialog.
    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      if (membersAdded.some((member) => member.id !== recipient.id) && !(await this.checkInProgress(context))) {
        await deps.runner.runTurn(context);
      }
      await next();
    });
  }

  /**
   * One turn: read the state, run the check, save, and only then send the replies. Run again on
   * fresh state when another turn of this conversation saved in between (runUntilSaved.ts).
   */
  override async run(context: TurnContext): Promise<void> {
    const turn = async () => {
      const isMessage = context.activity.type === ActivityTypes.Message;
      if (isMessage && (await this.deps.seenMessages.isRepeat(context))) return;
      // A message, most turns, needs none of ActivityHandler's handler chains (turn, message,
      // dialog), each a few generator-based awaits: about 9% of an in-process turn, measured.
      if (isMessage) await this.deps.runner.runTurn(context);
      else await super.run(context);
      // Once per turn, after the dialog ran, with the eTag it was read with. A turn that throws
      // saves nothing. The user state is never loaded (all of the check is per conversation), so
      // the conversation's write is the turn's only one and the eTag guards the whole turn.
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    };
    await runUntilSaved(context, turn, { onRerun: this.deps.onTurnRerun });
  }

  // We offer no invoke features (Action.Execute, task modules, message extensions). botbuilder
  // answers an unknown invoke with 501, which monitoring reads as a server fault; it is the
  // caller's request we do not support, so say 400.
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? { status: 400, body: { error: 'This bot does not support that invoke.' } } : response;
  }

  /** The "welcomed" flag is the dialog stack itself: non-empty from the welcome to the closing. */
  private async checkInProgress(context: TurnContext): Promise<boolean> {
    const dialogState = await this.deps.dialogState.get(context, { dialogStack: [] });
    return dialogState.dialogStack.length > 0;
  }
}

export interface CheckWiring {
  bot: CheckBot;
  /** For the adapter: the single place an exception becomes a polite closing. */
  onTurnError: TurnErrorHandler;
}

/** State, session, dialogs and bot on one storage; bot/app.ts and the dialog tests both use it. */
export function createCheckBot(deps: {
  config: Pick<Config, 'appointment' | 'defaultLocale'>;
  storage: Storage;
  logger: TurnErrorLogger;
  onCheckEnded?: (reason: ClosingReason) => void;
  onTurnRerun?: () => void;
}): CheckWiring {
  const { onCheckEnded } = deps;
  const conversationState = new SnapshotConversationState(deps.storage);
  const userState = new SnapshotUserState(deps.storage);
  const session = new Session({
    flags: conversationState.createProperty<CheckFlags>('checkFlags'),
    defaultLocale: deps.config.defaultLocale,
  });
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const check: CheckDeps = {
    session,
    appointment: deps.config.appointment,
    // Counted once the turn is saved: a run thrown away for a newer state must not count.
    onCheckEnded: onCheckEnded && ((reason, context) => afterTurnSaved(context, () => onCheckEnded(reason))),
  };
  const runner = new CheckRunner(check, dialogState);
  const seenMessages = new SeenMessages(conversationState.createProperty<string[]>('seenMessageIds'));
  const bot = new CheckBot({ conversationState, userState, dialogState, runner, seenMessages, onTurnRerun: deps.onTurnRerun });
  const onTurnError = createTurnErrorHandler({ check, defaultLocale: deps.config.defaultLocale, conversationState, logger: deps.logger });
  return { bot, onTurnError };
}
