import { InputHints, TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogContext, DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { faqAnswer, itemExplanation, itemLabel, type Locale } from '../knowledge';
import type { ClosingReason } from './check';
import { closingMessage, emergencyMessage, type AppointmentLine } from './closing';
import { detectInterrupt, type Interrupt } from './interrupts';
import type { Session } from './session';

export interface CheckDeps {
  session: Session;
  appointment: AppointmentLine;
  /** Told how each check ended (for metrics): a reason, never anything the person typed. */
  onCheckEnded?: (reason: ClosingReason) => void;
}

export interface MainOptions {
  /** Begun again by "start over": no second welcome notice. */
  restarted?: boolean;
}

/**
 * The one place that looks at every message before the step that is waiting for it (the samples'
 * cancelAndHelpDialog): an emergency gets 911 advice and the closing at once; "stop" and "talk to a
 * person" get the closing; "start over" restarts; help, questions, explanations and "español" get
 * their answer and then the same question again, in the language of that moment.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    dialogId: string,
    protected readonly deps: CheckDeps,
  ) {
    super(dialogId);
  }

  // A check can also begin with a message ("hola", "what is ALL?", or an emergency) when the
  // channel sent no conversationUpdate or the last check has closed: that message counts too.
  protected override async onBeginDialog(innerDc: DialogContext, options?: MainOptions): Promise<DialogTurnResult> {
    const { context } = innerDc;
    await this.deps.session.startCheck(context);
    const interrupt = await this.interruptIn(context);
    switch (interrupt?.kind) {
      case 'emergency':
      case 'quit':
      case 'human':
        return this.endCheck(innerDc, interrupt);
      case 'language':
        await this.deps.session.chooseLocale(context, interrupt.locale);
        break;
      case 'help':
      case 'faq':
      case 'explain':
        await this.answer(context, interrupt);
        break;
    }
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const interrupt = await this.interruptIn(context);
    if (!interrupt) return super.onContinueDialog(innerDc);
    if (interrupt.kind === 'emergency' || interrupt.kind === 'quit' || interrupt.kind === 'human') {
      return this.endCheck(innerDc, interrupt);
    }
    // The rest do not move the check on: they are counted, so nobody circles forever.
    if (await this.deps.session.detour(context)) return this.endCheck(innerDc, { kind: 'not_understood' });
    if (interrupt.kind === 'restart') {
      await innerDc.cancelAllDialogs();
      await context.sendActivity((await this.deps.session.translator(context))('restart.text'));
      return super.onBeginDialog(innerDc, { restarted: true } satisfies MainOptions);
    }
    if (interrupt.kind === 'language') await this.deps.session.chooseLocale(context, interrupt.locale);
    await this.answer(context, interrupt);
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /** Sends the closing, the last activity of the turn, and reports how the check ended. */
  protected async sendClosing(context: TurnContext, reason: ClosingReason, locale?: Locale): Promise<void> {
    const text = closingMessage(this.deps, locale ?? (await this.deps.session.locale(context)), reason);
    // Not a prompt: the check is over, and a new message starts a new one.
    await context.sendActivity({ type: 'message', text, textFormat: 'markdown', inputHint: InputHints.AcceptingInput });
    this.deps.onCheckEnded?.(reason);
  }

  private async interruptIn(context: TurnContext): Promise<Interrupt | null> {
    if (context.activity.type !== 'message') return null;
    return detectInterrupt(context.activity.text ?? '', await this.deps.session.locale(context));
  }

  private async endCheck(
    innerDc: DialogContext,
    why: Extract<Interrupt, { kind: 'emergency' | 'quit' | 'human' }> | { kind: 'not_understood' },
  ): Promise<DialogTurnResult> {
    if (why.kind === 'emergency') {
      await innerDc.context.sendActivity(emergencyMessage(why.locale, why.emergencyKind));
      await this.sendClosing(innerDc.context, 'emergency', why.locale);
    } else {
      await this.sendClosing(innerDc.context, why.kind);
    }
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete };
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
        return void (await context.sendActivity(faqAnswer(interrupt.faqId, locale)));
      case 'explain': {
        const explanation = { label: itemLabel(interrupt.item, locale), explanation: itemExplanation(interrupt.item, locale) };
        return void (await context.sendActivity(t('group.explainItem', explanation)));
      }
    }
  }
}
