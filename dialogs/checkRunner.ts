import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { translate } from '../locales/i18n';
import type { ClosingReason } from '../check/check';
import { emergencyMessage } from '../check/closing';
import { redFlagAdvice } from '../knowledge';
import { decide, type Move, type Situation } from '../check/decide';
import type { Question } from '../check/questions';
import type { Reading } from '../check/reading';
import { readReply, type Reply } from '../check/replies';
import { sendClosing, type CheckDeps } from './checkDeps';
import { ChecklistDialog } from './checklistDialog';
import { MAIN_DIALOG, QUESTION_PROMPT } from './ids';
import { MainDialog, type MainOptions } from './mainDialog';
import { OpenQuestionDialog } from './openQuestionDialog';
import { QuestionPrompt, REPLAYED_REPLY, type QuestionOptions } from './questionPrompt';
import { ReadBackDialog } from './readBackDialog';
import type { CheckFlags, PendingEmergency } from './session';
import { shareMemoryScopes } from './sharedMemoryScopes';
import { acknowledgeUnlisted, answerInterrupt, askEmergencyQuestion, offerNewCheck, offerWayBack, sayGoodbye, sendEmergencyAdvice } from './sideAnswers';
import { startReading } from './turnReading';
import { ScreenDialog } from './screenDialog';
import { WhoDialog } from './whoDialog';

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
      .add(new WhoDialog(deps))
      .add(new ScreenDialog())
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
   * Every message goes through one decision (check/decide.ts), safety first; this only carries it out.
   */
  async runTurn(context: TurnContext): Promise<void> {
    shareMemoryScopes(context);
    const dc = await this.dialogs.createContext(context);
    if (context.activity.type !== 'message') return dc.activeDialog ? this.continueActiveDialog(dc) : this.beginCheck(dc);
    const reading = startReading(context, await this.deps.session.locale(context));
    const flags = await this.deps.session.flags(context);
    const situation = this.situation(dc, flags);
    return this.carryOut(dc, decide(situation, reading), situation, reading, flags);
  }

  private situation(dc: DialogContext, flags: CheckFlags): Situation {
    if (flags.pendingEmergency) return { kind: 'askedNow', retried: flags.pendingEmergency.retried };
    if (flags.paused) return { kind: 'afterEmergency' };
    if (dc.activeDialog) return { kind: 'checking', question: this.questionOnScreen(dc) };
    if (flags.ended) return { kind: 'afterClosing', ended: flags.ended };
    return { kind: 'fresh' };
  }

  private questionOnScreen(dc: DialogContext): Question | null {
    if (dc.activeDialog?.id !== QUESTION_PROMPT) return null;
    return (dc.activeDialog.state.options as QuestionOptions).question;
  }

  private async carryOut(dc: DialogContext, move: Move, situation: Situation, reading: Reading, flags: CheckFlags): Promise<void> {
    const { context } = dc;
    const { session } = this.deps;
    switch (move.kind) {
      case 'emergency':
        return this.emergency(dc, move, situation, reading);
      case 'close':
        return this.close(dc, move.reason);
      case 'resume':
        return situation.kind === 'askedNow' ? this.notNow(dc, flags.pendingEmergency!) : this.resume(dc);
      case 'askNowAgain':
        await session.setPendingEmergency(context, { ...flags.pendingEmergency!, retried: true });
        return askEmergencyQuestion(context, flags.pendingEmergency!.locale, 1);
      case 'farewell':
        return sayGoodbye(context, this.deps, flags.ended === 'emergency' || situation.kind === 'afterEmergency');
      case 'repeatAdvice':
        await sendEmergencyAdvice(context, translate(await session.locale(context))('afterClosing.emergencyAgain'));
        return offerWayBack(context, this.deps);
      case 'offerBack':
        return offerWayBack(context, this.deps);
      case 'newCheck':
        if (dc.activeDialog) await dc.cancelAllDialogs();
        return this.beginCheck(dc);
      case 'answer':
        await acknowledgeUnlisted(context, this.deps, reading);
        return this.continueActiveDialog(dc);
    }
    // A language, a restart or a question: in a running check these do not move it on, so they
    // are counted and nobody circles forever.
    if (situation.kind === 'checking' && (await session.detour(context))) return this.close(dc, 'not_understood');
    if (move.kind === 'language') await session.chooseLocale(context, move.locale);
    if (move.kind === 'restart') {
      await dc.cancelAllDialogs();
      await context.sendActivity((await session.translator(context))('restart.text'));
      await dc.beginDialog(MAIN_DIALOG, { restarted: true } satisfies MainOptions);
      return;
    }
    switch (situation.kind) {
      case 'checking':
        await answerInterrupt(context, this.deps, move.kind === 'language' ? move : move.answer);
        return void (await dc.repromptDialog());
      case 'afterEmergency':
        await answerInterrupt(context, this.deps, move.kind === 'language' ? move : move.answer);
        return offerWayBack(context, this.deps);
      case 'afterClosing':
        // A question after a closing is answered, and a new check offered rather than begun.
        if (move.kind === 'side') {
          await answerInterrupt(context, this.deps, move.answer);
          return offerNewCheck(context, this.deps);
        }
        return this.beginCheck(dc);
      default:
        if (move.kind === 'side') await answerInterrupt(context, this.deps, move.answer);
        return this.beginCheck(dc);
    }
  }

  /** A new check from the welcome: counters reset, nothing of an earlier check kept. */
  private async beginCheck(dc: DialogContext): Promise<void> {
    await this.deps.session.startCheck(dc.context);
    await dc.beginDialog(MAIN_DIALOG);
  }

  /**
   * A possible red flag was answered "no, not now": back to the same question of the check. What
   * the flagged message also said ("me salen moretones") answers the question on screen.
   */
  private async notNow(dc: DialogContext, pending: PendingEmergency): Promise<void> {
    const { context } = dc;
    await this.deps.session.setPendingEmergency(context, undefined);
    // After "no" to thoughts of self-harm, a plain acknowledgement that keeps the crisis line open.
    const { crisisLine } = redFlagAdvice(pending.emergencyKind);
    await context.sendActivity(translate(pending.locale)(crisisLine ? 'emergency.notNowCrisis' : 'emergency.notNow'));
    if (pending.deferred && dc.activeDialog?.id === QUESTION_PROMPT) {
      context.turnState.set(REPLAYED_REPLY, pending.deferred);
      await this.continueActiveDialog(dc);
    } else if (dc.activeDialog) await dc.repromptDialog();
    else await this.beginCheck(dc);
  }

  /** "I'm safe, back to my check" after the 911 advice: the same question, every answer kept. */
  private async resume(dc: DialogContext): Promise<void> {
    const { context } = dc;
    await this.deps.session.resume(context);
    // Advice given before any check began: the way back is the check's beginning.
    if (!dc.activeDialog) return this.beginCheck(dc);
    await context.sendActivity((await this.deps.session.translator(context))('emergency.resumed'));
    await dc.repromptDialog();
  }

  /** What this message answers to the question waiting on screen, when it names items. */
  private answerOnScreen(dc: DialogContext, reading: Reading): Extract<Reply, { kind: 'notes' }> | undefined {
    const question = this.questionOnScreen(dc);
    if (!question) return undefined;
    const reply = readReply(question, reading);
    return reply.kind === 'notes' ? reply : undefined;
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

  /**
   * The 911 advice, first in the turn. A possible red flag then asks "Is this happening right
   * now?"; a clear one closes the check but keeps it, with one way back to the same question.
   */
  private async emergency(dc: DialogContext, move: Extract<Move, { kind: 'emergency' }>, situation: Situation, reading: Reading): Promise<void> {
    const { context } = dc;
    const { session } = this.deps;
    if (situation.kind === 'fresh' || situation.kind === 'afterClosing') await session.startCheck(context);
    if (move.tier === 'possible') {
      await sendEmergencyAdvice(context, emergencyMessage(move.locale, move.emergencyKind, 'possible'));
      const deferred = this.answerOnScreen(dc, reading);
      await session.setPendingEmergency(context, { emergencyKind: move.emergencyKind, locale: move.locale, retried: false, ...(deferred ? { deferred } : {}) });
      return askEmergencyQuestion(context, move.locale, 0);
    }
    await sendEmergencyAdvice(context, emergencyMessage(move.locale, move.emergencyKind, 'clear'));
    await sendClosing(context, this.deps, 'emergency', move.locale, [translate(move.locale)('emergency.choices.back')]);
    await session.pause(context);
  }

  private async close(dc: DialogContext, reason: Exclude<ClosingReason, 'emergency'>): Promise<void> {
    await sendClosing(dc.context, this.deps, reason);
    await dc.cancelAllDialogs();
  }
}
