import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { isClose, type ClosingReason, type Notes, type Outcome, type Subject } from './check';
import { ChecklistDialog, type ChecklistOptions } from './checklistDialog';
import { CHECKLIST_DIALOG, MAIN_DIALOG, MAIN_STEPS, OPEN_QUESTION_DIALOG, QUESTION_PROMPT, WHO_DIALOG } from './ids';
import { InterruptibleDialog, type CheckDeps, type MainOptions } from './interruptibleDialog';
import { OpenQuestionDialog, type OpenQuestionOptions } from './openQuestionDialog';
import { QuestionPrompt } from './questionPrompt';
import { ReadBackDialog } from './readBackDialog';
import { summaryMessage } from './summary';
import { WhoDialog } from './whoDialog';

interface MainValues {
  subject: Subject;
}

/**
 * The check from welcome to closing: who it is for, an open question, the listed symptoms, the
 * listed risk factors, a summary, and the appointment line. Every path ends at the closing.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: CheckDeps) {
    super(MAIN_DIALOG, deps);
    // One level: every part of the check is a waterfall beside the others, sharing one prompt.
    // Each nested component would build its own dialog contexts on every turn, which profiling
    // showed as the largest share of a turn.
    this.addDialog(new QuestionPrompt(QUESTION_PROMPT, deps.session))
      .addDialog(new WhoDialog())
      .addDialog(new OpenQuestionDialog())
      .addDialog(new ReadBackDialog(deps.session))
      .addDialog(new ChecklistDialog(deps.session))
      .addDialog(
        new WaterfallDialog(MAIN_STEPS, [
          (step) => this.welcome(step),
          (step) => this.askOpenQuestion(step),
          (step) => this.askList(step, 'symptoms'),
          (step) => this.askList(step, 'risks'),
          (step) => this.finish(step),
        ]),
      );
    this.initialDialogId = MAIN_STEPS;
  }

  private async welcome(step: WaterfallStepContext) {
    if (!(step.options as MainOptions | undefined)?.restarted) {
      await step.context.sendActivity((await this.deps.session.translator(step.context))('welcome.notice'));
    }
    return step.beginDialog(WHO_DIALOG);
  }

  private async askOpenQuestion(step: WaterfallStepContext) {
    const outcome = step.result as Outcome<Subject>;
    if (isClose(outcome)) return this.close(step, outcome.close);
    (step.values as MainValues).subject = outcome.done;
    return step.beginDialog(OPEN_QUESTION_DIALOG, { subject: outcome.done } satisfies OpenQuestionOptions);
  }

  private async askList(step: WaterfallStepContext, list: ChecklistOptions['list']) {
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return this.close(step, outcome.close);
    if (list === 'risks') await step.context.sendActivity((await this.deps.session.translator(step.context))('risks.intro'));
    const { subject } = step.values as MainValues;
    return step.beginDialog(CHECKLIST_DIALOG, { list, subject, notes: outcome.done } satisfies ChecklistOptions);
  }

  private async finish(step: WaterfallStepContext) {
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return this.close(step, outcome.close);
    const locale = await this.deps.session.locale(step.context);
    await step.context.sendActivity(summaryMessage(outcome.done, (step.values as MainValues).subject, locale));
    return this.close(step, 'completed');
  }

  private async close(step: WaterfallStepContext, reason: ClosingReason) {
    await this.sendClosing(step.context, reason);
    return step.endDialog();
  }
}
