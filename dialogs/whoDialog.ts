import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GAVE_UP, type Outcome, type Subject } from './check';
import { QUESTION_PROMPT, WHO_DIALOG, WHO_STEPS } from './ids';
import { ask, QuestionPrompt } from './questionPrompt';
import type { Reply } from './replies';
import type { Session } from './session';

/** "Who is this check for?": me, my child or someone else. Later wording follows the answer. */
export class WhoDialog extends ComponentDialog {
  constructor(session: Session) {
    super(WHO_DIALOG);
    this.addDialog(new QuestionPrompt(QUESTION_PROMPT, session)).addDialog(
      new WaterfallDialog(WHO_STEPS, [(step) => ask(step, { kind: 'who' }), (step) => this.answered(step)]),
    );
    this.initialDialogId = WHO_STEPS;
  }

  private async answered(step: WaterfallStepContext) {
    const reply = step.result as Reply;
    const outcome: Outcome<Subject> = reply.kind === 'subject' ? { done: reply.subject } : GAVE_UP;
    return step.endDialog(outcome);
  }
}
