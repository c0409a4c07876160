import { WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { SYMPTOM_IDS, type ItemId } from '../knowledge';
import { GAVE_UP, MAX_CORRECTIONS, type Notes, type Outcome, type Subject } from '../check/check';
import { READ_BACK_DIALOG } from './ids';
import { ask } from './questionPrompt';
import type { Reply } from '../check/replies';
import type { Session } from './session';

export interface ReadBackOptions {
  /** What free text was read as, not yet kept. */
  notes: Notes;
  corrections: number;
  /** Who the check is for, for the wording of a single item's question. */
  subject?: Subject;
  /** "confirm": "Is that right?"; "which": which one to change; "item": that one item's answer. */
  stage?: 'confirm' | 'which' | 'item';
  item?: ItemId;
}

const isSymptom = (id: ItemId) => (SYMPTOM_IDS as readonly ItemId[]).includes(id);
const sameNotes = (a: Notes, b: Notes) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * "I noted: Easy bruising — yes; Fever — no. Is that right?" Free text is only kept once the
 * person confirms it. A correction in words changes only the item it names ("no, I don't have a
 * fever", "the fever is a yes", "quita lo del peso") and is read back again; "No, change it", or a
 * correction that changed nothing, asks which one, and that one is asked with buttons. Returns the
 * confirmed notes; too many corrections set them aside, and their items are asked on the list.
 */
export class ReadBackDialog extends WaterfallDialog {
  constructor(private readonly session: Session) {
    super(READ_BACK_DIALOG);
    this.addStep((step) => this.ask(step));
    this.addStep((step) => this.answered(step));
  }

  private ask(step: WaterfallStepContext) {
    const { notes, stage = 'confirm', item, subject = 'self' } = step.options as ReadBackOptions;
    if (stage === 'item' && item) return ask(step, { kind: 'item', list: isSymptom(item) ? 'symptoms' : 'risks', item, subject });
    return ask(step, { kind: stage === 'which' ? 'readBackWhich' : 'readBack', notes });
  }

  private async answered(step: WaterfallStepContext) {
    const options = step.options as ReadBackOptions;
    const { notes, corrections, stage = 'confirm', item } = options;
    const reply = step.result as Reply;
    const t = await this.session.translator(step.context);
    const again = (next: Partial<ReadBackOptions>) => step.replaceDialog(READ_BACK_DIALOG, { ...options, stage: 'confirm', item: undefined, ...next });
    const setAside = async () => {
      await step.context.sendActivity(t('readBack.setAside'));
      return step.endDialog({ done: {} } satisfies Outcome<Notes>);
    };

    if (stage === 'item') {
      if (reply.kind !== 'notes' || !item || !reply.notes[item]) return step.endDialog(GAVE_UP);
      return again({ notes: { ...notes, [item]: reply.notes[item] }, corrections: corrections + 1 });
    }
    switch (reply.kind) {
      case 'confirm':
        return step.endDialog({ done: notes } satisfies Outcome<Notes>);
      case 'reject':
        return again({ stage: 'which' });
      case 'dropAll':
        return setAside();
      case 'pickItem':
        return again({ stage: 'item', item: reply.item });
      case 'remove': {
        const kept = Object.fromEntries(Object.entries(notes).filter(([id]) => !reply.items.includes(id as ItemId))) as Notes;
        await step.context.sendActivity(t('readBack.removed'));
        if (Object.keys(kept).length === 0) return step.endDialog({ done: {} } satisfies Outcome<Notes>);
        return again({ notes: kept, corrections: corrections + 1 });
      }
      case 'notes': {
        if (corrections >= MAX_CORRECTIONS) return setAside();
        const corrected = { ...notes, ...reply.notes };
        if (sameNotes(corrected, notes)) {
          // Reading the same list back again would only repeat it: ask which one instead.
          await step.context.sendActivity(t('readBack.noChange'));
          return again({ stage: 'which', corrections: corrections + 1 });
        }
        return again({ notes: corrected, corrections: corrections + 1 });
      }
      default:
        return step.endDialog(GAVE_UP);
    }
  }
}
