import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { isClose, nextGroup, unanswered, type ItemList, type Notes, type Outcome, type Subject } from './check';
import { CHECKLIST_DIALOG, ITEM_GROUP_DIALOG } from './ids';
import type { ItemGroupOptions } from './itemGroupDialog';

export interface ChecklistOptions {
  list: ItemList;
  subject: Subject;
  /** Everything noted so far, both lists: only items without an answer are asked. */
  notes: Notes;
}

/** Asks a list's unanswered items a small group at a time until each has an answer. */
export class ChecklistDialog extends WaterfallDialog {
  constructor() {
    super(CHECKLIST_DIALOG);
    this.addStep((step) => this.askNextGroup(step));
    this.addStep((step) => this.groupAnswered(step));
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
    return step.replaceDialog(CHECKLIST_DIALOG, { ...(step.options as ChecklistOptions), notes: outcome.done });
  }
}
