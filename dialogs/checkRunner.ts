import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogStateManager,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import { InputHints } from 'botbuilder';
import { faqAnswer, itemExplanation, itemLabel, understand, unlistedLabel, type Locale } from '../knowledge';
import { translate } from '../locales/i18n';
import type { ClosingReason } from '../check/check';
import { ChecklistDialog } from './checklistDialog';
import { emergencyMessage, phoneLink } from '../check/closing';
import { findAfterClosing } from '../check/keywords';
import { choiceMessage, REPLAYED_REPLY, type QuestionOptions } from './questionPrompt';
import { renderQuestion, type CheckData } from '../check/questions';
import { listFormat } from '../check/summary';
import { readReply, type Reply } from '../check/replies';
import type { PendingEmergency } from './session';
import { MAIN_DIALOG, QUESTION_PROMPT } from './ids';
import { detectInterrupt, type Interrupt } from '../check/interrupts';
import { MainDialog, sendClosing, type CheckDeps, type MainOptions } from './mainDialog';
import { OpenQuestionDialog } from './openQuestionDialog';
import { QuestionPrompt } from './questionPrompt';
import { ReadBackDialog } from './readBackDialog';
import { WhoDialog } from './whoDialog';

// The turn-state key botbuilder-dialogs' DialogStateManager looks its configuration up under.
const STATE_MANAGER_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';
let sharedConfiguration: DialogStateManagerConfiguration | undefined;
function stateManagerConfiguration(): DialogStateManagerConfiguration {
  // Built the library's own way, once: a manager on an empty turn state assembles the defaults.
  sharedConfiguration ??= new DialogStateManager({ context: { turnState: new Map() } } as unknown as DialogContext).configuration;
  return sharedConfiguration;
}

type Ending = Extract<Interrupt, { kind: 'emergency' | 'quit' | 'human' }> | { kind: 'not_understood' };

/**
 * Runs the check, one turn at a time, and is the one place that looks at every message before the
 * step that is waiting for it (the samples' cancelAndHelpDialog, at the root): an emergency gets
 * 911 advice and the closing at once; "stop" and "talk to a person" get the closing; "start over"
 * restarts; help, questions, explanations and "español" get their answer and then the same
 * question again, in the language of that moment.
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
    // Every dialog context builds a DialogStateManager, which assembles its (stateless) memory
    // scopes from a fresh service collection unless the turn already has them.
    context.turnState.set(STATE_MANAGER_CONFIGURATION_KEY, stateManagerConfiguration());
    const dc = await this.dialogs.createContext(context);
    if (context.activity.type === 'message') {
      const flags = await this.deps.session.flags(context);
      if (flags.pendingEmergency) return this.answerEmergencyQuestion(dc, flags.pendingEmergency);
      if (!dc.activeDialog && flags.ended && (await this.afterClosing(dc, flags.ended))) return;
    }
    if (dc.activeDialog) await this.continueCheck(dc);
    else await this.beginCheck(dc);
  }

  /**
   * Right after a closing: "thank you" or "bye" get a short goodbye with the line; "ok what do I
   * do" after an emergency closing gets the 911 advice again. Anything else begins a new check.
   */
  private async afterClosing(dc: DialogContext, ended: ClosingReason): Promise<boolean> {
    const { context } = dc;
    const text = context.activity.text ?? '';
    const interrupt = await this.interruptIn(context);
    if (interrupt?.kind === 'emergency') return false; // a new red flag: beginCheck gives its advice
    const reply = findAfterClosing(text);
    if (!reply) return false;
    const locale = await this.deps.session.locale(context);
    const t = translate(locale);
    if (ended === 'emergency') await this.sendEmergencyAdvice(context, t('afterClosing.emergencyAgain'));
    const { phone } = this.deps.appointment;
    await context.sendActivity({ type: 'message', text: t('afterClosing.goodbye', { phoneLink: phoneLink(phone) }), textFormat: 'markdown', inputHint: InputHints.AcceptingInput });
    return true;
  }

  /** The 911 advice, marked for evaluation and channels (channelData.check.emergency). */
  private async sendEmergencyAdvice(context: TurnContext, text: string): Promise<void> {
    const check: CheckData = { emergency: true };
    await context.sendActivity({ type: 'message', text, channelData: { check } });
  }

  /**
   * A possible red flag was answered with 911 advice "if this is happening now" and "Is this
   * happening right now?". Yes closes as an emergency; no goes back to the same question of the
   * check; anything else is asked once more, and then treated as a yes. A red flag still wins.
   */
  private async answerEmergencyQuestion(dc: DialogContext, pending: PendingEmergency): Promise<void> {
    const { context } = dc;
    const { session } = this.deps;
    const interrupt = await this.interruptIn(context);
    if (interrupt?.kind === 'emergency') return this.endCheck(dc, { ...interrupt, tier: 'clear' });
    if (interrupt?.kind === 'quit' || interrupt?.kind === 'human') return this.endCheck(dc, interrupt);
    const reply = readReply({ kind: 'emergencyNow' }, context.activity.text ?? '', await session.locale(context));
    const now = reply.kind === 'now' ? reply.now : pending.retried ? true : null;
    if (now === null) {
      await session.setPendingEmergency(context, { ...pending, retried: true });
      return this.askEmergencyQuestion(context, pending.locale, 1);
    }
    if (now) return this.endCheck(dc, { kind: 'emergency', emergencyKind: pending.emergencyKind, locale: pending.locale, tier: 'clear' });
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
  private async answerOnScreen(dc: DialogContext): Promise<Extract<Reply, { kind: 'notes' }> | undefined> {
    if (dc.activeDialog?.id !== QUESTION_PROMPT) return undefined;
    const { question } = dc.activeDialog.state.options as QuestionOptions;
    const reply = readReply(question, dc.context.activity.text ?? '', await this.deps.session.locale(dc.context));
    return reply.kind === 'notes' ? reply : undefined;
  }

  private async askEmergencyQuestion(context: TurnContext, locale: Locale, retry: number): Promise<void> {
    const { text, choices } = renderQuestion({ kind: 'emergencyNow' }, locale, retry);
    await context.sendActivity(choiceMessage(context.activity.channelId, choices, text));
  }

  // A check can also begin with a message ("hola", "what is ALL?", or an emergency) when the
  // channel sent no conversationUpdate or the last check has closed: that message counts too.
  private async beginCheck(dc: DialogContext): Promise<void> {
    const { context } = dc;
    await this.deps.session.startCheck(context);
    const interrupt = await this.interruptIn(context);
    switch (interrupt?.kind) {
      case 'emergency':
      case 'quit':
      case 'human':
        return this.endCheck(dc, interrupt);
      case 'language':
        await this.deps.session.chooseLocale(context, interrupt.locale);
        break;
      case 'help':
      case 'faq':
      case 'hard':
      case 'explain':
        await this.answer(context, interrupt);
        break;
    }
    await dc.beginDialog(MAIN_DIALOG);
  }

  private async continueCheck(dc: DialogContext): Promise<void> {
    const { context } = dc;
    const interrupt = await this.interruptIn(context);
    if (!interrupt) {
      await this.acknowledgeUnlisted(context);
      return this.continueActiveDialog(dc);
    }
    if (interrupt.kind === 'emergency' || interrupt.kind === 'quit' || interrupt.kind === 'human') return this.endCheck(dc, interrupt);
    // The rest do not move the check on: they are counted, so nobody circles forever.
    if (await this.deps.session.detour(context)) return this.endCheck(dc, { kind: 'not_understood' });
    if (interrupt.kind === 'restart') {
      await dc.cancelAllDialogs();
      await context.sendActivity((await this.deps.session.translator(context))('restart.text'));
      await dc.beginDialog(MAIN_DIALOG, { restarted: true } satisfies MainOptions);
      return;
    }
    if (interrupt.kind === 'language') await this.deps.session.chooseLocale(context, interrupt.locale);
    await this.answer(context, interrupt);
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

  private async interruptIn(context: TurnContext): Promise<Interrupt | null> {
    if (context.activity.type !== 'message') return null;
    return detectInterrupt(context.activity.text ?? '', await this.deps.session.locale(context));
  }

  /** Things outside the list ("night sweats"): said once that they are noted, kept for the summary. */
  private async acknowledgeUnlisted(context: TurnContext): Promise<void> {
    if (context.activity.type !== 'message') return;
    const text = context.activity.text ?? '';
    const locale = await this.deps.session.locale(context);
    const other: Locale = locale === 'en' ? 'es' : 'en';
    const inLocale = understand(text, locale).unlisted;
    const unlisted = inLocale.length > 0 ? inLocale : understand(text, other).unlisted;
    if (unlisted.length === 0) return;
    const fresh = await this.deps.session.mention(context, unlisted);
    if (fresh.length === 0) return;
    const things = listFormat(locale).format(fresh.map((id) => unlistedLabel(id, locale).toLowerCase()));
    await context.sendActivity(translate(locale)('unlisted.noted', { things }));
  }

  private async endCheck(dc: DialogContext, why: Ending): Promise<void> {
    if (why.kind === 'emergency' && why.tier === 'possible') {
      // Not closed yet: the advice now, then one question; the answer comes next turn.
      await this.sendEmergencyAdvice(dc.context, emergencyMessage(why.locale, why.emergencyKind, 'possible'));
      const deferred = await this.answerOnScreen(dc);
      await this.deps.session.setPendingEmergency(dc.context, { emergencyKind: why.emergencyKind, locale: why.locale, retried: false, ...(deferred ? { deferred } : {}) });
      return this.askEmergencyQuestion(dc.context, why.locale, 0);
    }
    if (why.kind === 'emergency') {
      await this.sendEmergencyAdvice(dc.context, emergencyMessage(why.locale, why.emergencyKind, 'clear'));
      await sendClosing(dc.context, this.deps, 'emergency', why.locale);
    } else {
      await sendClosing(dc.context, this.deps, why.kind);
    }
    await dc.cancelAllDialogs();
  }

  private async answer(context: TurnContext, interrupt: Interrupt): Promise<void> {
    const locale = await this.deps.session.locale(context);
    const t = await this.deps.session.translator(context);
    switch (interrupt.kind) {
      case 'help':
        return void (await context.sendActivity(t('help.text')));
      case 'language':
        return void (await context.sendActivity(t('language.switched')));
      case 'faq':
        return void (await context.sendActivity(faqAnswer(interrupt.faqId, locale, this.deps.appointment.phone)));
      case 'hard': {
        const { phone } = this.deps.appointment;
        const key = `hard.${interrupt.question}` as const;
        // The number as text, not a tel: link: only the closing carries the link, so it stays the closing.
        return void (await context.sendActivity(t(key, { phone })));
      }
      case 'explain': {
        const explanation = { label: itemLabel(interrupt.item, locale), explanation: itemExplanation(interrupt.item, locale) };
        return void (await context.sendActivity(t('group.explainItem', explanation)));
      }
    }
  }
}
