import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Notes, Outcome, Subject } from '../check/check';
import type { Reply } from '../check/replies';
import { SCREEN_DIALOG } from './ids';
import { ask } from './questionPrompt';

export interface ScreenOptions {
  subject: Subject;
}

/**
 * The red-flag screen, right after "who is this for?": is any of these signs happening now? A
 * sign never reaches this dialog: the turn decision (check/decide.ts) gives the 911 advice first.
 * "None of these" goes on, with whatever else the message reported; a reply not understood twice
 * goes on too, since the screen is a safety net and the check keeps listening for red flags.
 */
export class ScreenDialog extends WaterfallDialog {
  constructor() {
    super(SCREEN_DIALOG);
    this.addStep((step) => ask(step, { kind: 'screen', subject: (step.options as ScreenOptions).subject }));
    this.addStep((step) => this.answered(step));
  }

  private async answered(step: WaterfallStepContext) {
    const reply = step.result as Reply;
    const notes: Notes = reply.kind === 'screenClear' ? reply.notes : {};
    return step.endDialog({ done: notes } satisfies Outcome<Notes>);
  }
}
