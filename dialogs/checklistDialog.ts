import { Dialog, DialogContext, DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import { itemExplanation, itemLabel, type ItemId } from '../knowledge';
import {
  answerAll,
  GAVE_UP,
  isClose,
  MAX_GROUP_SIZE,
  nextGroup,
  unanswered,
  type Answer,
  type ItemList,
  type Notes,
  type Outcome,
  type Subject,
} from '../check/check';
import { CHECKLIST_DIALOG, READ_BACK_DIALOG } from './ids';
import { showsChecklists } from './checklistCard';
import { ask } from './questionPrompt';
import type { ReadBackOptions } from './readBackDialog';
import type { Reply } from '../check/replies';
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
  /** Questions of this list asked so far: the wording varies, the instruction line is shown once. */
  index?: number;
  /** After "Not sure" for a whole group: these items, asked one at a time. */
  oneByOne?: ItemId[];
  /** After "Not sure" for a whole list on a card: the rest in small groups, as on other channels. */
  small?: boolean;
}

/** Kept on the dialog stack between turns: the question asked and what its answer goes to. */
interface ChecklistState {
  options: ChecklistOptions;
  group: ItemId[];
  /** The question prompt's reply, or (after an answer in words) the read-back's outcome. */
  waitingFor: 'reply' | 'readBack';
}

const GROUP_ANSWERS: Partial<Record<Reply['kind'], Answer>> = { none: 'no', unsure: 'unsure', all: 'yes' };

/**
 * Asks a list's unanswered items until each has an answer: on a checklist card (Web Chat, Teams)
 * the whole list at once, answered in one go by ticking boxes and "Done"; elsewhere 2–3 items per
 * question. Taps ("Easy bruising", "None of these", "Not sure"), numbers ("2, 3": those yes, the
 * rest no), positions ("the first one") and words ("just the bruising", read back first) work on
 * every channel. A tap names one item, so the rest is asked again until "None of these" or
 * nothing is left.
 *
 * Each question is this dialog begun again with the notes so far (replaceDialog). It is a plain
 * Dialog rather than a waterfall because it runs on most turns of a check: a waterfall builds a
 * step context (a dialog context with its own memory manager) for every step it runs, two or three
 * a turn here, and profiling showed those as the largest share of a turn.
 */
export class ChecklistDialog extends Dialog<ChecklistOptions> {
  constructor(private readonly session: Session) {
    super(CHECKLIST_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: ChecklistOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('ChecklistDialog needs its options (list, subject, notes).');
    const { list, subject, followUp = false, index = 0, oneByOne } = options;
    if (oneByOne && oneByOne.length > 0) {
      Object.assign(dc.activeDialog!.state, { options, group: oneByOne, waitingFor: 'reply' } satisfies ChecklistState);
      return ask(dc, { kind: 'item', list, item: oneByOne[0]!, subject });
    }
    // A checklist card takes the whole list at once; buttons and numbered lists a few at a time.
    const whole = showsChecklists(dc.context.activity.channelId) && !options.small;
    const open = unanswered(list, options.notes);
    const group = options.group ?? nextGroup(open, whole ? open.length : undefined);
    if (group.length === 0) return dc.endDialog({ done: options.notes } satisfies Outcome<Notes>);
    Object.assign(dc.activeDialog!.state, { options, group, waitingFor: 'reply' } satisfies ChecklistState);
    // The instruction line once, on the check's first list question: it costs a long SMS each time.
    const hint = list === 'symptoms' && index === 0 && !followUp;
    return ask(dc, { kind: 'group', list, items: group, subject, followUp, index, hint });
  }

  /** The question prompt (or the read-back) on top of this dialog has ended with `result`. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as ChecklistState;
    return state.waitingFor === 'reply' ? this.answered(dc, state, result as Reply) : this.noted(dc, state, result as Outcome<Notes>);
  }

  private async answered(dc: DialogContext, state: ChecklistState, reply: Reply): Promise<DialogTurnResult> {
    const { options, group } = state;
    if (options.oneByOne) return this.answeredOne(dc, state, reply);
    // "Not sure" for a whole list is about some of it: the list again, a few items at a time.
    if (reply.kind === 'unsure' && group.length > MAX_GROUP_SIZE) {
      await dc.context.sendActivity((await this.session.translator(dc.context))('group.fewAtATime'));
      return dc.replaceDialog(CHECKLIST_DIALOG, { ...options, group: undefined, small: true, index: (options.index ?? 0) + 1 } satisfies ChecklistOptions);
    }
    // "Not sure" for several items at once may be about one of them: ask them one at a time.
    if (reply.kind === 'unsure' && group.length > 1) {
      await dc.context.sendActivity((await this.session.translator(dc.context))('group.oneByOne'));
      return dc.replaceDialog(CHECKLIST_DIALOG, { ...options, group: undefined, oneByOne: group } satisfies ChecklistOptions);
    }
    const sameAnswer = GROUP_ANSWERS[reply.kind];
    if (sameAnswer) return this.askNext(dc, options, { ...options.notes, ...answerAll(group, sameAnswer) });
    if (reply.kind === 'explain') return this.explain(dc, state);
    if (reply.kind !== 'notes') return dc.endDialog(GAVE_UP);
    // "just the bruising": the group's other items are a "no", shown in the read-back like the rest.
    const others = reply.only ? answerAll(group, 'no') : {};
    const notes = { ...others, ...reply.notes };
    if (!reply.fromWords) return this.noted(dc, state, { done: notes });
    state.waitingFor = 'readBack';
    return dc.beginDialog(READ_BACK_DIALOG, { notes, corrections: 0, subject: options.subject } satisfies ReadBackOptions);
  }

  private async noted(dc: DialogContext, state: ChecklistState, outcome: Outcome<Notes>): Promise<DialogTurnResult> {
    if (isClose(outcome)) return dc.endDialog(outcome);
    const { options, group } = state;
    const notes = { ...options.notes, ...outcome.done };
    const rest = group.filter((id) => notes[id] === undefined);
    if (rest.length === 0) return this.askNext(dc, options, notes);
    const answeredHere = rest.length < group.length;
    // Nothing in this group answered (a set-aside read-back, or only other items named).
    if (!answeredHere && (await this.session.detour(dc.context))) return dc.endDialog(GAVE_UP);
    const again: ChecklistOptions = { ...options, notes, group: rest, followUp: options.followUp || answeredHere, index: (options.index ?? 0) + 1 };
    return dc.replaceDialog(CHECKLIST_DIALOG, again);
  }

  /** One item of a "Not sure" group answered: the next one, then the next group. */
  private async answeredOne(dc: DialogContext, state: ChecklistState, reply: Reply): Promise<DialogTurnResult> {
    const { options } = state;
    const [item, ...rest] = options.oneByOne!;
    if (reply.kind === 'explain') {
      if (await this.session.detour(dc.context)) return dc.endDialog(GAVE_UP);
      const locale = await this.session.locale(dc.context);
      const t = await this.session.translator(dc.context);
      await dc.context.sendActivity(t('group.explainItem', { label: itemLabel(item!, locale), explanation: itemExplanation(item!, locale) }));
      return dc.replaceDialog(CHECKLIST_DIALOG, options);
    }
    if (reply.kind !== 'notes' || !reply.notes[item!]) return dc.endDialog(GAVE_UP);
    const notes = { ...options.notes, [item!]: reply.notes[item!] };
    if (rest.length > 0) return dc.replaceDialog(CHECKLIST_DIALOG, { ...options, notes, oneByOne: rest } satisfies ChecklistOptions);
    return this.askNext(dc, options, notes);
  }

  /** The group is answered: on to the next one (or the end of the list) with the notes so far. */
  private askNext(dc: DialogContext, { list, subject, index = 0, small }: ChecklistOptions, notes: Notes): Promise<DialogTurnResult> {
    return dc.replaceDialog(CHECKLIST_DIALOG, { list, subject, notes, index: index + 1, ...(small ? { small } : {}) } satisfies ChecklistOptions);
  }

  /** "explain" / "what do these mean?": each item in a sentence, then the same question. */
  private async explain(dc: DialogContext, { options, group }: ChecklistState): Promise<DialogTurnResult> {
    if (await this.session.detour(dc.context)) return dc.endDialog(GAVE_UP);
    const locale = await this.session.locale(dc.context);
    const t = await this.session.translator(dc.context);
    const explanations = group.map((id) => t('group.explainItem', { label: itemLabel(id, locale), explanation: itemExplanation(id, locale) }));
    await dc.context.sendActivity(explanations.join('\n\n'));
    return dc.replaceDialog(CHECKLIST_DIALOG, { ...options, group });
  }
}
