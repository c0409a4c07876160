import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GAVE_UP, type Outcome, type Subject } from '../check/check';
import { WHO_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { Reply } from '../check/replies';

/** "Who is this check for?": me, my child or someone else. Later wording follows the answer. */
export class WhoDialog extends WaterfallDialog {
  constructor() {
    super(WHO_DIALOG);
    this.addStep((step) => ask(step, { kind: 'who' }));
    this.addStep((step) => this.answered(step));
  }

  private async answered(step: WaterfallStepContext) {
    const reply = step.result as Reply;
    const outcome: Outcome<Subject> = reply.kind === 'subject' ? { done: reply.subject } : GAVE_UP;
    return step.endDialog(outcome);
  }
}
