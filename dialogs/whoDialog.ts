import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GAVE_UP, type Notes, type Outcome, type Subject } from '../check/check';
import type { Reply } from '../check/replies';
import type { CheckDeps } from './checkDeps';
import { WHO_DIALOG } from './ids';
import { ask } from './questionPrompt';

/** Who the check is for, and what the person already told while answering it. */
export interface WhoAnswer {
  subject: Subject;
  notes: Notes;
}

interface WhoValues {
  notes?: Notes;
}

/**
 * "Who is this check for?": me, my child or someone else. Later wording follows the answer.
 * Symptoms given instead ("my gums bleed and I'm always tired") are kept and the question is
 * asked once more; they are read back after the red-flag screen.
 */
export class WhoDialog extends WaterfallDialog {
  constructor(private readonly deps: Pick<CheckDeps, 'session'>) {
    super(WHO_DIALOG);
    this.addStep((step) => ask(step, { kind: 'who' }));
    this.addStep((step) => this.answered(step, true));
    this.addStep((step) => this.answered(step, false));
  }

  private async answered(step: WaterfallStepContext, mayAskAgain: boolean) {
    const reply = step.result as Reply;
    const values = step.values as WhoValues;
    if (reply.kind === 'notes' && mayAskAgain) {
      values.notes = reply.notes;
      await step.context.sendActivity((await this.deps.session.translator(step.context))('who.notedFirst'));
      return ask(step, { kind: 'who' });
    }
    if (reply.kind !== 'subject') return step.endDialog(GAVE_UP);
    const outcome: Outcome<WhoAnswer> = { done: { subject: reply.subject, notes: { ...values.notes, ...reply.notes } } };
    return step.endDialog(outcome);
  }
}
