import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { isClose, nextGroup, unanswered, type ItemList, type Notes, type Outcome, type Subject } from './check';
import { CHECKLIST_DIALOG, CHECKLIST_STEPS, ITEM_GROUP_DIALOG } from './ids';
import { ItemGroupDialog, type ItemGroupOptions } from './itemGroupDialog';
import type { Session } from './session';

export interface ChecklistOptions {
  list: ItemList;
  subject: Subject;
  /** Everything noted so far, both lists: only items without an answer are asked. */
  notes: Notes;
}

/** Asks a list's unanswered items a small group at a time until each has an answer. */
export class ChecklistDialog extends ComponentDialog {
  constructor(session: Session) {
    super(CHECKLIST_DIALOG);
    this.addDialog(new ItemGroupDialog(session)).addDialog(
      new WaterfallDialog(CHECKLIST_STEPS, [(step) => this.askNextGroup(step), (step) => this.groupAnswered(step)]),
    );
    this.initialDialogId = CHECKLIST_STEPS;
  }

  private async askNextGroup(step: WaterfallStepContext) {
    const options = step.options as ChecklistOptions;
    const items = nextGroup(unanswered(options.list, options.notes));
    if (items.length === 0) return step.endDialog({ done: options.notes } satisfies Outcome<Notes>);
    return step.beginDialog(ITEM_GROUP_DIALOG, { ...options, items, followUp: false } satisfies ItemGroupOptions);
  }

  private async groupAnswered(step: WaterfallStepContext) {
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return step.endDialog(outcome);
    return step.replaceDialog(CHECKLIST_STEPS, { ...(step.options as ChecklistOptions), notes: outcome.done });
  }
}
