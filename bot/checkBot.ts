import {
  ConversationState,
  type InvokeResponse,
  TeamsActivityHandler,
  TurnContext,
  UserState,
  type StatePropertyAccessor,
  type Storage,
} from 'botbuilder';
import {
  Dialog,
  DialogSet,
  DialogState,
  DialogStateManager,
  type DialogContext,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import type { ClosingReason } from '../dialogs/check';
import { MainDialog } from '../dialogs/mainDialog';
import { Session, type CheckFlags, type Profile } from '../dialogs/session';
import type { Config } from './config';
import { SnapshotConversationState, SnapshotUserState } from './storage/snapshotState';
import { createTurnErrorHandler, type TurnErrorHandler, type TurnErrorLogger } from './turnError';

// The turn-state key botbuilder-dialogs' DialogStateManager looks its configuration up under.
const STATE_MANAGER_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';
let sharedConfiguration: DialogStateManagerConfiguration | undefined;
function stateManagerConfiguration(): DialogStateManagerConfiguration {
  // Built the library's own way, once: a manager on an empty turn state assembles the defaults.
  sharedConfiguration ??= new DialogStateManager({ context: { turnState: new Map() } } as unknown as DialogContext).configuration;
  return sharedConfiguration;
}

/**
 * Continues the check, or begins it when none is running. botbuilder-dialogs' runDialog does the
 * same plus, on every turn, a full memory snapshot sent as a "BotState" trace activity for the
 * Emulator; profiling showed that snapshot as a large share of a turn, and over expectReplies the
 * trace even reached channels. We use no skills or declarative memory scopes, so this is enough.
 */
export async function runCheckDialog(dialogs: DialogSet, dialogId: string, context: TurnContext): Promise<void> {
  // Every DialogContext builds a DialogStateManager, which assembles its (stateless) memory
  // scopes from a fresh service collection once per turn unless the turn already has them.
  context.turnState.set(STATE_MANAGER_CONFIGURATION_KEY, stateManagerConfiguration());
  const dialogContext = await dialogs.createContext(context);
  const active = dialogContext.activeDialog;
  if (!active) {
    await dialogContext.beginDialog(dialogId);
    return;
  }
  // What DialogContext.continueDialog does, less its first step: an "activityReceived" event sent
  // down to the innermost dialog, which builds every level's dialog context once more only to
  // find it. Our interrupts run in the main dialog's onContinueDialog instead.
  const dialog = dialogContext.findDialog(active.id);
  if (!dialog) throw new Error(`The stored dialog "${active.id}" no longer exists.`); // a renamed id: see dialogs/ids.ts
  await dialog.continueDialog(dialogContext);
}

export interface CheckBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  dialogState: StatePropertyAccessor<DialogState>;
  dialog: Dialog;
}

/**
 * Runs the check on every channel: a TeamsActivityHandler behaves as a plain ActivityHandler
 * outside Teams and knows Teams' own conversationUpdate shapes inside it.
 */
export class CheckBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: CheckBotDeps) {
    super();
    this.dialogs = new DialogSet(deps.dialogState).add(deps.dialog);
    this.onMessage(async (context, next) => {
      await runCheckDialog(this.dialogs, deps.dialog.id, context);
      await next();
    });
    // Welcome when a person joins. Channels that send no conversationUpdate (SMS, some Direct
    // Line clients) get it with their first message instead, since that message begins the dialog.
    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      if (membersAdded.some((member) => member.id !== recipient.id) && !(await this.checkInProgress(context))) {
        await runCheckDialog(this.dialogs, deps.dialog.id, context);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Once per turn, after the dialog ran. A turn that throws saves nothing; onTurnError clears it.
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
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
  conversationState: ConversationState;
  userState: UserState;
}

/** State, session, dialogs and bot on one storage; bot/app.ts and the dialog tests both use it. */
export function createCheckBot(deps: {
  config: Pick<Config, 'appointment' | 'defaultLocale'>;
  storage: Storage;
  logger: TurnErrorLogger;
  onCheckEnded?: (reason: ClosingReason) => void;
}): CheckWiring {
  const conversationState = new SnapshotConversationState(deps.storage);
  const userState = new SnapshotUserState(deps.storage);
  const session = new Session({
    flags: conversationState.createProperty<CheckFlags>('checkFlags'),
    profile: userState.createProperty<Profile>('profile'),
    defaultLocale: deps.config.defaultLocale,
  });
  const dialog = new MainDialog({ session, appointment: deps.config.appointment, onCheckEnded: deps.onCheckEnded });
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const bot = new CheckBot({ conversationState, userState, dialogState, dialog });
  const onTurnError = createTurnErrorHandler({ ...deps, session, conversationState });
  return { bot, onTurnError, conversationState, userState };
}
