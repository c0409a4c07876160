import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogStateManager,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
} from 'botbuilder-dialogs';
import { faqAnswer, itemExplanation, itemLabel } from '../knowledge';
import { ChecklistDialog } from './checklistDialog';
import { emergencyMessage } from './closing';
import { MAIN_DIALOG, QUESTION_PROMPT } from './ids';
import { detectInterrupt, type Interrupt } from './interrupts';
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
    if (dc.activeDialog) await this.continueCheck(dc);
    else await this.beginCheck(dc);
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
      case 'explain':
        await this.answer(context, interrupt);
        break;
    }
    await dc.beginDialog(MAIN_DIALOG);
  }

  private async continueCheck(dc: DialogContext): Promise<void> {
    const { context } = dc;
    const interrupt = await this.interruptIn(context);
    if (!interrupt) return this.continueActiveDialog(dc);
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

  private async endCheck(dc: DialogContext, why: Ending): Promise<void> {
    if (why.kind === 'emergency') {
      await dc.context.sendActivity(emergencyMessage(why.locale, why.emergencyKind));
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
        return void (await context.sendActivity(faqAnswer(interrupt.faqId, locale)));
      case 'explain': {
        const explanation = { label: itemLabel(interrupt.item, locale), explanation: itemExplanation(interrupt.item, locale) };
        return void (await context.sendActivity(t('group.explainItem', explanation)));
      }
    }
  }
}
