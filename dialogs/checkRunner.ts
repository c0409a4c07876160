import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { translate } from '../locales/i18n';
import type { ClosingReason } from '../check/check';
import { emergencyMessage } from '../check/closing';
import { detectInterrupt, type Interrupt } from '../check/interrupts';
import type { Reading } from '../check/reading';
import { readReply, type Reply } from '../check/replies';
import { sendClosing, type CheckDeps } from './checkDeps';
import { ChecklistDialog } from './checklistDialog';
import { MAIN_DIALOG, QUESTION_PROMPT } from './ids';
import { MainDialog, type MainOptions } from './mainDialog';
import { OpenQuestionDialog } from './openQuestionDialog';
import { QuestionPrompt, REPLAYED_REPLY, type QuestionOptions } from './questionPrompt';
import { ReadBackDialog } from './readBackDialog';
import type { PendingEmergency } from './session';
import { shareMemoryScopes } from './sharedMemoryScopes';
import { acknowledgeUnlisted, answerAfterClosing, answerInterrupt, askEmergencyQuestion, sendEmergencyAdvice } from './sideAnswers';
import { startReading } from './turnReading';
import { WhoDialog } from './whoDialog';

type Ending = Extract<Interrupt, { kind: 'emergency' | 'quit' | 'human' }> | { kind: 'not_understood' };

/**
 * Runs the check, one turn at a time, and is the one place that looks at every message before the
 * step that is waiting for it (the samples' cancelAndHelpDialog, at the root): an emergency gets
 * 911 advice and the closing at once; "stop" and "talk to a person" get the closing; "start over"
 * restarts; help, questions, explanations and "español" get their answer and then the same
 * question again, in the language of that moment. Each message is read once, into a Reading that
 * the interrupts and the question on screen share.
 *
 * All the check's dialogs sit side by side in one DialogSet, so a turn builds one dialog context
 * for the stack (plus one per waterfall step it runs); nesting them in components built one per
 * level, every turn, and profiling showed those as the largest share of a turn.
 */
export class CheckRunner {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly deps: CheckDeps,
    dialogState: StatePropertyAccessor<DialogState>,
  ) {
    const { session } = deps;
    this.dialogs = new DialogSet(dialogState)
      .add(new MainDialog(deps))
      .add(new WhoDialog())
      .add(new OpenQuestionDialog())
      .add(new ReadBackDialog(session))
      .add(new ChecklistDialog(session))
      .add(new QuestionPrompt(QUESTION_PROMPT, session));
  }

  /**
   * Continues the check with this activity, or begins one when none is running. Not
   * DialogHelper's runDialog: on every turn it also sends a full memory snapshot as a "BotState"
   * trace activity for the Emulator, which profiling showed as a large share of a turn and which,
   * over expectReplies, even reached channels. We use no skills or declarative memory scopes.
   */
  async runTurn(context: TurnContext): Promise<void> {
    shareMemoryScopes(context);
    const dc = await this.dialogs.createContext(context);
    if (context.activity.type !== 'message') return dc.activeDialog ? this.continueActiveDialog(dc) : this.beginCheck(dc, null);
    const reading = startReading(context, await this.deps.session.locale(context));
    const flags = await this.deps.session.flags(context);
    if (flags.pendingEmergency) return this.answerEmergencyQuestion(dc, reading, flags.pendingEmergency);
    if (!dc.activeDialog && flags.ended && (await this.afterClosing(context, reading, flags.ended))) return;
    if (dc.activeDialog) await this.continueCheck(dc, reading);
    else await this.beginCheck(dc, reading);
  }

  /** A reply right after a closing ("thank you"), unless the message raises a new red flag. */
  private async afterClosing(context: TurnContext, reading: Reading, ended: ClosingReason): Promise<boolean> {
    if (detectInterrupt(reading)?.kind === 'emergency') return false; // beginCheck gives its advice
    return answerAfterClosing(context, this.deps, reading, ended);
  }

  /**
   * A possible red flag was answered with 911 advice "if this is happening now" and "Is this
   * happening right now?". Yes closes as an emergency; no goes back to the same question of the
   * check; anything else is asked once more, and then treated as a yes. A red flag still wins.
   */
  private async answerEmergencyQuestion(dc: DialogContext, reading: Reading, pending: PendingEmergency): Promise<void> {
    const { context } = dc;
    const { session } = this.deps;
    const interrupt = detectInterrupt(reading);
    if (interrupt?.kind === 'emergency') return this.endCheck(dc, { ...interrupt, tier: 'clear' }, reading);
    if (interrupt?.kind === 'quit' || interrupt?.kind === 'human') return this.endCheck(dc, interrupt, reading);
    const reply = readReply({ kind: 'emergencyNow' }, reading);
    const now = reply.kind === 'now' ? reply.now : pending.retried ? true : null;
    if (now === null) {
      await session.setPendingEmergency(context, { ...pending, retried: true });
      return askEmergencyQuestion(context, pending.locale, 1);
    }
    if (now) return this.endCheck(dc, { kind: 'emergency', emergencyKind: pending.emergencyKind, locale: pending.locale, tier: 'clear' }, reading);
    await session.setPendingEmergency(context, undefined);
    await context.sendActivity(translate(pending.locale)('emergency.notNow'));
    if (pending.deferred && dc.activeDialog?.id === QUESTION_PROMPT) {
      // What the flagged message also said ("me salen moretones") answers the question on screen.
      context.turnState.set(REPLAYED_REPLY, pending.deferred);
      await this.continueActiveDialog(dc);
    } else if (dc.activeDialog) await dc.repromptDialog();
    else await dc.beginDialog(MAIN_DIALOG);
  }

  /** What this message answers to the question waiting on screen, when it names items. */
  private answerOnScreen(dc: DialogContext, reading: Reading): Extract<Reply, { kind: 'notes' }> | undefined {
    if (dc.activeDialog?.id !== QUESTION_PROMPT) return undefined;
    const { question } = dc.activeDialog.state.options as QuestionOptions;
    const reply = readReply(question, reading);
    return reply.kind === 'notes' ? reply : undefined;
  }

  // A check can also begin with a message ("hola", "what is ALL?", or an emergency) when the
  // channel sent no conversationUpdate or the last check has closed: that message counts too.
  private async beginCheck(dc: DialogContext, reading: Reading | null): Promise<void> {
    const { context } = dc;
    await this.deps.session.startCheck(context);
    const interrupt = reading ? detectInterrupt(reading) : null;
    switch (interrupt?.kind) {
      case 'emergency':
      case 'quit':
      case 'human':
        return this.endCheck(dc, interrupt, reading);
      case 'language':
        await this.deps.session.chooseLocale(context, interrupt.locale);
        break;
      case 'help':
      case 'faq':
      case 'hard':
      case 'explain':
        await answerInterrupt(context, this.deps, interrupt);
        break;
    }
    await dc.beginDialog(MAIN_DIALOG);
  }

  private async continueCheck(dc: DialogContext, reading: Reading): Promise<void> {
    const { context } = dc;
    const interrupt = detectInterrupt(reading);
    if (!interrupt) {
      await acknowledgeUnlisted(context, this.deps, reading);
      return this.continueActiveDialog(dc);
    }
    if (interrupt.kind === 'emergency' || interrupt.kind === 'quit' || interrupt.kind === 'human') return this.endCheck(dc, interrupt, reading);
    // The rest do not move the check on: they are counted, so nobody circles forever.
    if (await this.deps.session.detour(context)) return this.endCheck(dc, { kind: 'not_understood' }, reading);
    if (interrupt.kind === 'restart') {
      await dc.cancelAllDialogs();
      await context.sendActivity((await this.deps.session.translator(context))('restart.text'));
      await dc.beginDialog(MAIN_DIALOG, { restarted: true } satisfies MainOptions);
      return;
    }
    if (interrupt.kind === 'language') await this.deps.session.chooseLocale(context, interrupt.locale);
    await answerInterrupt(context, this.deps, interrupt);
    await dc.repromptDialog();
  }

  /**
   * What DialogContext.continueDialog does, less its first step: an "activityReceived" event sent
   * down the stack for dialogs to interrupt on. Interrupts are decided above instead.
   */
  private async continueActiveDialog(dc: DialogContext): Promise<void> {
    const { id } = dc.activeDialog!;
    const dialog = dc.findDialog(id);
    if (!dialog) throw new Error(`The stored dialog "${id}" no longer exists.`); // a renamed id: see ids.ts
    await dialog.continueDialog(dc);
  }

  private async endCheck(dc: DialogContext, why: Ending, reading: Reading | null): Promise<void> {
    if (why.kind === 'emergency' && why.tier === 'possible') {
      // Not closed yet: the advice now, then one question; the answer comes next turn.
      await sendEmergencyAdvice(dc.context, emergencyMessage(why.locale, why.emergencyKind, 'possible'));
      const deferred = reading ? this.answerOnScreen(dc, reading) : undefined;
      await this.deps.session.setPendingEmergency(dc.context, { emergencyKind: why.emergencyKind, locale: why.locale, retried: false, ...(deferred ? { deferred } : {}) });
      return askEmergencyQuestion(dc.context, why.locale, 0);
    }
    if (why.kind === 'emergency') {
      await sendEmergencyAdvice(dc.context, emergencyMessage(why.locale, why.emergencyKind, 'clear'));
      await sendClosing(dc.context, this.deps, 'emergency', why.locale);
    } else {
      await sendClosing(dc.context, this.deps, why.kind);
    }
    await dc.cancelAllDialogs();
  }
}
