import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { itemExplanation, itemLabel, type ItemId } from '../knowledge';
import {
  answerAll,
  GAVE_UP,
  isClose,
  nextGroup,
  unanswered,
  type Answer,
  type ItemList,
  type Notes,
  type Outcome,
  type Subject,
} from './check';
import { CHECKLIST_DIALOG, READ_BACK_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { ReadBackOptions } from './readBackDialog';
import type { Reply } from './replies';
import type { Session } from './session';

export interface ChecklistOptions {
  list: ItemList;
  subject: Subject;
  /** Everything noted so far, both lists: only items without an answer are asked. */
  notes: Notes;
  /** The group being asked, when some of it is still open; otherwise the next group is chosen. */
  group?: ItemId[];
  /** Asked again after some were answered: "Any of these others?" */
  followUp?: boolean;
}

/** Kept by the waterfall for its later steps: the group this question is about. */
interface GroupValues {
  group: ItemId[];
}

const GROUP_ANSWERS: Partial<Record<Reply['kind'], Answer>> = { none: 'no', unsure: 'unsure', all: 'yes' };

/**
 * Asks a list's unanswered items a small group at a time until each has an answer. One question
 * covers 2–3 items, answered by taps ("Easy bruising", "None of these", "Not sure"), by position
 * ("the first one"), or in words ("just the bruising", read back first). A tap names one item, so
 * the rest of the group is asked again until "None of these" or nothing is left. Each new question
 * is the same waterfall begun again with the notes so far (replaceDialog), so the stack stays flat.
 */
export class ChecklistDialog extends WaterfallDialog {
  constructor(private readonly session: Session) {
    super(CHECKLIST_DIALOG);
    this.addStep((step) => this.askGroup(step));
    this.addStep((step) => this.answered(step));
    this.addStep((step) => this.noted(step));
  }

  private async askGroup(step: WaterfallStepContext) {
    const options = step.options as ChecklistOptions;
    const group = options.group ?? nextGroup(unanswered(options.list, options.notes));
    if (group.length === 0) return step.endDialog({ done: options.notes } satisfies Outcome<Notes>);
    (step.values as GroupValues).group = group;
    return ask(step, { kind: 'group', list: options.list, items: group, subject: options.subject, followUp: options.followUp ?? false });
  }

  private async answered(step: WaterfallStepContext) {
    const options = step.options as ChecklistOptions;
    const { group } = step.values as GroupValues;
    const reply = step.result as Reply;
    const sameAnswer = GROUP_ANSWERS[reply.kind];
    if (sameAnswer) return this.askNext(step, { ...options.notes, ...answerAll(group, sameAnswer) });
    if (reply.kind === 'explain') return this.explain(step, { ...options, group });
    if (reply.kind !== 'notes') return step.endDialog(GAVE_UP);
    // "just the bruising": the group's other items are a "no", shown in the read-back like the rest.
    const others = reply.only ? answerAll(group, 'no') : {};
    const notes = { ...others, ...reply.notes };
    if (reply.fromWords) return step.beginDialog(READ_BACK_DIALOG, { notes, corrections: 0 } satisfies ReadBackOptions);
    return step.next({ done: notes } satisfies Outcome<Notes>);
  }

  private async noted(step: WaterfallStepContext) {
    const options = step.options as ChecklistOptions;
    const { group } = step.values as GroupValues;
    const outcome = step.result as Outcome<Notes>;
    if (isClose(outcome)) return step.endDialog(outcome);
    const notes = { ...options.notes, ...outcome.done };
    const rest = group.filter((id) => notes[id] === undefined);
    if (rest.length === 0) return this.askNext(step, notes);
    const answeredHere = rest.length < group.length;
    // Nothing in this group answered (a set-aside read-back, or only other items named).
    if (!answeredHere && (await this.session.detour(step.context))) return step.endDialog(GAVE_UP);
    const again: ChecklistOptions = { ...options, notes, group: rest, followUp: options.followUp || answeredHere };
    return step.replaceDialog(CHECKLIST_DIALOG, again);
  }

  /** The group is answered: on to the next one (or the end of the list) with the notes so far. */
  private askNext(step: WaterfallStepContext, notes: Notes) {
    const { list, subject } = step.options as ChecklistOptions;
    return step.replaceDialog(CHECKLIST_DIALOG, { list, subject, notes } satisfies ChecklistOptions);
  }

  /** "explain" / "what do these mean?": each item in a sentence, then the same question. */
  private async explain(step: WaterfallStepContext, options: ChecklistOptions & GroupValues) {
    if (await this.session.detour(step.context)) return step.endDialog(GAVE_UP);
    const locale = await this.session.locale(step.context);
    const t = await this.session.translator(step.context);
    const explanations = options.group.map((id) =>
      t('group.explainItem', { label: itemLabel(id, locale), explanation: itemExplanation(id, locale) }),
    );
    await step.context.sendActivity(explanations.join('\n\n'));
    return step.replaceDialog(CHECKLIST_DIALOG, options);
  }
}
