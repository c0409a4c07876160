import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GAVE_UP, MAX_CORRECTIONS, type Notes, type Outcome } from './check';
import { READ_BACK_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { Reply } from './replies';
import type { Session } from './session';

export interface ReadBackOptions {
  /** What free text was read as, not yet kept. */
  notes: Notes;
  corrections: number;
}

/**
 * "I noted: Easy bruising — yes; Fever — no. Is that right?" Free text is only kept once the
 * person confirms it. A correction in words ("no, I don't have a fever") is applied and read back
 * again; a plain "no", or too many corrections, sets the notes aside so the items are asked with
 * buttons instead. Returns the confirmed notes, possibly none.
 */
export class ReadBackDialog extends WaterfallDialog {
  constructor(private readonly session: Session) {
    super(READ_BACK_DIALOG);
    this.addStep((step) => ask(step, { kind: 'readBack', notes: (step.options as ReadBackOptions).notes }));
    this.addStep((step) => this.answered(step));
  }

  private async answered(step: WaterfallStepContext) {
    const { notes, corrections } = step.options as ReadBackOptions;
    const reply = step.result as Reply;
    if (reply.kind === 'confirm') return step.endDialog({ done: notes } satisfies Outcome<Notes>);
    if (reply.kind === 'notes' && corrections < MAX_CORRECTIONS) {
      const corrected: ReadBackOptions = { notes: { ...notes, ...reply.notes }, corrections: corrections + 1 };
      return step.replaceDialog(READ_BACK_DIALOG, corrected);
    }
    if (reply.kind === 'notes' || reply.kind === 'reject') {
      const t = await this.session.translator(step.context);
      await step.context.sendActivity(t('readBack.setAside'));
      return step.endDialog({ done: {} } satisfies Outcome<Notes>);
    }
    return step.endDialog(GAVE_UP);
  }
}
