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
import type { ClosingReason } from '../check/check';
import type { AppointmentLine } from '../check/closing';
import { Reading } from '../check/reading';
import { words, type Say } from '../check/say';
import { EMPTY_STATE, step, type CheckState, type Input } from '../check/step';
import { selectionFrom, showsChecklists } from '../dialogs/checklistCard';
import { activityFor } from '../dialogs/render';
import type { Locale } from '../knowledge';
import { localeFromTag } from '../locales/locale';
import type { Config } from './config';
import { afterTurnSaved } from './storage/heldReplies';
import { runUntilSaved } from './storage/runUntilSaved';
import { SeenMessages } from './storage/seenMessages';
import { SnapshotConversationState, SnapshotUserState } from './storage/snapshotState';
import { createTurnErrorHandler, type TurnErrorHandler, type TurnErrorLogger } from './turnError';

export interface CheckBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  /** The one property the check keeps: check/step.ts's CheckState. */
  checkState: StatePropertyAccessor<CheckState>;
  seenMessages: SeenMessages;
  appointment: AppointmentLine;
  defaultLocale: Locale;
  /**
   * Told how each check ended (for metrics): a reason, never anything the person typed. Counted
   * only once the turn's state is saved, so a run thrown away for a newer state is not counted.
   */
  onCheckEnded?: (reason: ClosingReason) => void;
  /** Told of each run thrown away for a newer state (for metrics). */
  onTurnRerun?: () => void;
}

// The conversation's language as worked out this turn, for the error handler, which must not read
// a failing store again.
const TURN_LOCALE = Symbol('locale');

/**
 * Runs the check on every channel: reads the state, reads the message once, hands both to the
 * check's one step function (check/step.ts), keeps the state it returns and sends what it says,
 * each channel its own way (dialogs/render.ts). A TeamsActivityHandler behaves as a plain
 * ActivityHandler outside Teams and knows Teams' own conversationUpdate shapes inside it.
 */
export class CheckBot extends TeamsActivityHandler {
  constructor(private readonly deps: CheckBotDeps) {
    super();
    // Messages go straight to the check (see run); the rest go through ActivityHandler's dispatch.
    // Welcome when a person joins. Channels that send no conversationUpdate (SMS, some Direct
    // Line clients) get it with their first message instead, since that message begins the check.
    this.onMembersAdded(async (context, next) => {
      const { membersAdded = [], recipient } = context.activity;
      if (membersAdded.some((member) => member.id !== recipient.id)) await this.checkTurn(context);
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
      if (isMessage) await this.checkTurn(context);
      else await super.run(context);
      // Once per turn, after the check ran, with the eTag it was read with. A turn that throws
      // saves nothing. The user state is never loaded (all of the check is per conversation), so
      // the conversation's write is the turn's only one and the eTag guards the whole turn.
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    };
    await runUntilSaved(context, turn, { onRerun: this.deps.onTurnRerun });
  }

  /** The check's one step for this activity: a message, or a person joining. */
  private async checkTurn(context: TurnContext): Promise<void> {
    const state = await this.state(context);
    const { activity } = context;
    const locale = state.locale ?? this.channelLocale(context);
    context.turnState.set(TURN_LOCALE, locale);
    const input: Input =
      activity.type === ActivityTypes.Message
        ? { kind: 'message', reading: new Reading(activity.text ?? '', locale, selectionFrom(activity.value)), cards: showsChecklists(activity.channelId) }
        : { kind: 'start', locale };
    const next = step(state, input);
    await this.deps.checkState.set(context, next.state);
    await this.send(context, next.say);
  }

  /** Sends what the check said, in one send; counts each closing once the turn is saved. */
  private async send(context: TurnContext, say: readonly Say[]): Promise<void> {
    if (say.length === 0) return;
    const { channelId } = context.activity;
    await context.sendActivities(say.map((one) => activityFor(words(one, this.deps.appointment), channelId)));
    for (const one of say) if (one.kind === 'closing') this.checkEnded(context, one.reason);
  }

  private checkEnded(context: TurnContext, reason: ClosingReason): void {
    const { onCheckEnded } = this.deps;
    if (onCheckEnded) afterTurnSaved(context, () => onCheckEnded(reason));
  }

  /**
   * The stored check, or a fresh one. Releases before issue 21 kept a dialog stack and flags: the
   * flags (language, counters, how the last check ended) carry over as they are, but a check
   * midway on that stack cannot go on, and ends with the error closing; the next message starts afresh.
   */
  private async state(context: TurnContext): Promise<CheckState> {
    const state = await this.deps.checkState.get(context);
    if (state) return state;
    const stored = this.deps.conversationState.get(context) as Record<string, unknown> | undefined;
    if (!stored || !('dialogState' in stored || 'checkFlags' in stored)) return EMPTY_STATE;
    const { dialogState, checkFlags } = stored as { dialogState?: { dialogStack?: unknown[] }; checkFlags?: Omit<CheckState, 'check'> };
    if (dialogState?.dialogStack?.length) throw new Error('The stored check is in the shape of an older release.');
    delete stored.dialogState;
    delete stored.checkFlags;
    return { ...EMPTY_STATE, ...checkFlags };
  }

  /** What the activity itself says ("es-MX"), else the configured language. */
  channelLocale(context: TurnContext): Locale {
    return localeFromTag(context.activity.locale) ?? this.deps.defaultLocale;
  }

  /** The language worked out this turn, if it was: for the error handler, which must not read a failing store again. */
  localeKnownThisTurn(context: TurnContext): Locale | undefined {
    return context.turnState.get(TURN_LOCALE) as Locale | undefined;
  }

  /** The conversation's language, read from the store when this turn did not yet. */
  async locale(context: TurnContext): Promise<Locale> {
    return this.localeKnownThisTurn(context) ?? (await this.deps.checkState.get(context))?.locale ?? this.channelLocale(context);
  }

  /** The error closing, sent by the turn error handler as every closing is sent. */
  async sendClosing(context: TurnContext, reason: ClosingReason, locale: Locale): Promise<void> {
    await this.send(context, [{ kind: 'closing', locale, reason, wayBack: false }]);
  }

  // We offer no invoke features (Action.Execute, task modules, message extensions). botbuilder
  // answers an unknown invoke with 501, which monitoring reads as a server fault; it is the
  // caller's request we do not support, so say 400.
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    return response.status === 501 ? { status: 400, body: { error: 'This bot does not support that invoke.' } } : response;
  }
}

export interface CheckWiring {
  bot: CheckBot;
  /** For the adapter: the single place an exception becomes a polite closing. */
  onTurnError: TurnErrorHandler;
}

/** State and bot on one storage; bot/app.ts and the check's tests both use it. */
export function createCheckBot(deps: {
  config: Pick<Config, 'appointment' | 'defaultLocale'>;
  storage: Storage;
  logger: TurnErrorLogger;
  onCheckEnded?: (reason: ClosingReason) => void;
  onTurnRerun?: () => void;
}): CheckWiring {
  const conversationState = new SnapshotConversationState(deps.storage);
  const userState = new SnapshotUserState(deps.storage);
  const bot = new CheckBot({
    conversationState,
    userState,
    checkState: conversationState.createProperty<CheckState>('check'),
    seenMessages: new SeenMessages(conversationState.createProperty<string[]>('seenMessageIds')),
    appointment: deps.config.appointment,
    defaultLocale: deps.config.defaultLocale,
    ...(deps.onCheckEnded ? { onCheckEnded: deps.onCheckEnded } : {}),
    ...(deps.onTurnRerun ? { onTurnRerun: deps.onTurnRerun } : {}),
  });
  const onTurnError = createTurnErrorHandler({ bot, appointment: deps.config.appointment, conversationState, logger: deps.logger });
  return { bot, onTurnError };
}
