import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { isClose, type ClosingReason, type Notes, type Outcome, type Subject } from '../check/check';
import type { ChecklistOptions } from './checklistDialog';
import { CHECKLIST_DIALOG, MAIN_DIALOG, OPEN_QUESTION_DIALOG, READ_BACK_DIALOG, SCREEN_DIALOG, WHO_DIALOG } from './ids';
import type { ReadBackOptions } from './readBackDialog';
import type { ScreenOptions } from './screenDialog';
import type { OpenQuestionOptions } from './openQuestionDialog';
import type { WhoAnswer } from './whoDialog';
import type { CheckData } from '../check/questions';
import { sendClosing, type CheckDeps } from './checkDeps';
import { summaryMessage } from '../check/summary';

export interface MainOptions {
  /** Begun again by "start over": no second welcome notice. */
  restarted?: boolean;
}

interface MainValues {
  subject: Subject;
  /** What the answer to "who is this for?" already reported, read back after the screen. */
  whoNotes: Notes;
}

/**
 * The check from welcome to closing: who it is for, the red-flag screen, an open question, the listed symptoms, the
 * listed risk factors, a summary, and the appointment line. Every path ends at the closing.
 * Messages reach these steps only after the interrupts (checkRunner.ts) have let them through.
 */
export class MainDialog extends WaterfallDialog {
  constructor(private readonly deps: CheckDeps) {
    super(MAIN_DIALOG);
    this.addStep((step) => this.welcome(step));
    this.addStep((step) => this.askScreen(step));
    this.addStep((step) => this.askOpenQuestion(step));
    this.addStep((step) => this.askList(step, 'symptoms'));
    this.addStep((step) => this.askList(step, 'risks'));
    this.addStep((step) => this.finish(step));
  }

  private async welcome(step: WaterfallStepContext) {
    if (!(step.options as MainOptions | undefined)?.restarted) {
      await step.context.sendActivity((await this.deps.session.translator(step.context))('welcome.notice'));
    }
    return step.beginDialog(WHO_DIALOG);
  }

  private async askScreen(step: WaterfallStepContext) {
    const outcome = step.result as Outcome<WhoAnswer>;
    if (isClose(outcome)) return this.close(step, outcome.close);
    const values = step.values as MainValues;
    values.subject = outcome.done.subject;
    values.whoNotes = outcome.done.notes;
    return step.beginDialog(SCREEN_DIALOG, { subject: outcome.done.subject } satisfies ScreenOptions);
  }

  /** "How have you been feeling?"; what the screen's answer already reported is read back instead. */
  private async askOpenQuestion(step: WaterfallStepContext) {
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return this.close(step, outcome.close);
    const { subject, whoNotes } = step.values as MainValues;
    const notes: Notes = { ...whoNotes, ...outcome.done };
    if (Object.keys(notes).length > 0) {
      return step.beginDialog(READ_BACK_DIALOG, { notes, corrections: 0, subject } satisfies ReadBackOptions);
    }
    return step.beginDialog(OPEN_QUESTION_DIALOG, { subject } satisfies OpenQuestionOptions);
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
    const mentioned = (await this.deps.session.flags(step.context)).mentioned ?? [];
    const check: CheckData = { answers: { ...outcome.done } };
    const text = summaryMessage(outcome.done, (step.values as MainValues).subject, locale, mentioned);
    await step.context.sendActivity({ type: 'message', text, channelData: { check } });
    return this.close(step, 'completed');
  }

  private async close(step: WaterfallStepContext, reason: ClosingReason) {
    await sendClosing(step.context, this.deps, reason);
    return step.endDialog();
  }
}
