import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GAVE_UP, type Notes, type Outcome, type Subject } from '../check/check';
import { OPEN_QUESTION_DIALOG, READ_BACK_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { ReadBackOptions } from './readBackDialog';
import type { Reply } from '../check/replies';

export interface OpenQuestionOptions {
  subject: Subject;
}

/**
 * "In your own words, how have you been feeling?" What the answer reports or denies is read back
 * and, once confirmed, not asked again. "Show me the list" or "nothing" goes straight on.
 */
export class OpenQuestionDialog extends WaterfallDialog {
  constructor() {
    super(OPEN_QUESTION_DIALOG);
    this.addStep((step) => ask(step, { kind: 'open', subject: (step.options as OpenQuestionOptions).subject }));
    this.addStep((step) => this.answered(step));
    // The read-back's outcome is this step's outcome.
    this.addStep((step) => step.endDialog(step.result));
  }

  private async answered(step: WaterfallStepContext) {
    const reply = step.result as Reply;
    const { subject } = step.options as OpenQuestionOptions;
    if (reply.kind === 'notes') return step.beginDialog(READ_BACK_DIALOG, { notes: reply.notes, corrections: 0, subject } satisfies ReadBackOptions);
    const outcome: Outcome<Notes> = reply.kind === 'toList' ? { done: {} } : GAVE_UP;
    return step.endDialog(outcome);
  }
}
