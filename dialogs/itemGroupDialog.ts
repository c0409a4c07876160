import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { itemExplanation, itemLabel, type ItemId } from '../knowledge';
import { answerAll, GAVE_UP, isClose, type Answer, type ItemList, type Notes, type Outcome, type Subject } from './check';
import { ITEM_GROUP_DIALOG, READ_BACK_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { ReadBackOptions } from './readBackDialog';
import type { Reply } from './replies';
import type { Session } from './session';

export interface ItemGroupOptions {
  list: ItemList;
  subject: Subject;
  notes: Notes;
  /** The group's items still without an answer. */
  items: ItemId[];
  /** Asked again after some were answered: "Any of these others?" */
  followUp: boolean;
}

const GROUP_ANSWERS: Partial<Record<Reply['kind'], Answer>> = { none: 'no', unsure: 'unsure', all: 'yes' };

/**
 * One question about 2–3 items, answered by taps ("Easy bruising", "None of these", "Not sure"),
 * by position ("the first one"), or in words ("just the bruising", read back first). A tap names
 * one item, so the rest are asked again until "None of these" or nothing is left.
 */
export class ItemGroupDialog extends WaterfallDialog {
  constructor(private readonly session: Session) {
    super(ITEM_GROUP_DIALOG);
    this.addStep((step) => {
      const { list, items, subject, followUp } = step.options as ItemGroupOptions;
      return ask(step, { kind: 'group', list, items, subject, followUp });
    });
    this.addStep((step) => this.answered(step));
    this.addStep((step) => this.noted(step));
  }

  private async answered(step: WaterfallStepContext) {
    const options = step.options as ItemGroupOptions;
    const reply = step.result as Reply;
    const sameAnswer = GROUP_ANSWERS[reply.kind];
    if (sameAnswer) return step.endDialog({ done: { ...options.notes, ...answerAll(options.items, sameAnswer) } } satisfies Outcome<Notes>);
    if (reply.kind === 'explain') return this.explain(step, options);
    if (reply.kind !== 'notes') return step.endDialog(GAVE_UP);
    // "just the bruising": the group's other items are a "no", shown in the read-back like the rest.
    const others = reply.only ? answerAll(options.items, 'no') : {};
    const notes = { ...others, ...reply.notes };
    if (reply.fromWords) return step.beginDialog(READ_BACK_DIALOG, { notes, corrections: 0 } satisfies ReadBackOptions);
    return step.next({ done: notes } satisfies Outcome<Notes>);
  }

  private async noted(step: WaterfallStepContext) {
    const options = step.options as ItemGroupOptions;
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return step.endDialog(outcome);
    const notes = { ...options.notes, ...outcome.done };
    const rest = options.items.filter((id) => notes[id] === undefined);
    if (rest.length === 0) return step.endDialog({ done: notes } satisfies Outcome<Notes>);
    const answeredHere = rest.length < options.items.length;
    // Nothing in this group answered (a set-aside read-back, or only other items named).
    if (!answeredHere && (await this.session.detour(step.context))) return step.endDialog(GAVE_UP);
    const again: ItemGroupOptions = { ...options, notes, items: rest, followUp: options.followUp || answeredHere };
    return step.replaceDialog(ITEM_GROUP_DIALOG, again);
  }

  /** "explain" / "what do these mean?": each item in a sentence, then the same question. */
  private async explain(step: WaterfallStepContext, options: ItemGroupOptions) {
    if (await this.session.detour(step.context)) return step.endDialog(GAVE_UP);
    const locale = await this.session.locale(step.context);
    const t = await this.session.translator(step.context);
    const explanations = options.items.map((id) =>
      t('group.explainItem', { label: itemLabel(id, locale), explanation: itemExplanation(id, locale) }),
    );
    await step.context.sendActivity(explanations.join('\n\n'));
    return step.replaceDialog(ITEM_GROUP_DIALOG, options);
  }
}
