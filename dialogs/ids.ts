// Every dialog id in one place, so a typo is a compile error and a rename touches one line.
// Ids are stored in conversation state: a check that is mid-way when a renamed id ships cannot
// go on, and ends with the error closing (bot/turnError.ts); its next message starts afresh.

/** The root: interrupts (interruptibleDialog.ts) and the flow (mainDialog.ts). */
export const MAIN_DIALOG = 'main';
export const MAIN_STEPS = 'main.steps';

export const WHO_DIALOG = 'who';
export const WHO_STEPS = 'who.steps';

export const OPEN_QUESTION_DIALOG = 'openQuestion';
export const OPEN_QUESTION_STEPS = 'openQuestion.steps';

export const CHECKLIST_DIALOG = 'checklist';
export const CHECKLIST_STEPS = 'checklist.steps';

export const ITEM_GROUP_DIALOG = 'itemGroup';
export const ITEM_GROUP_STEPS = 'itemGroup.steps';

export const READ_BACK_DIALOG = 'readBack';
export const READ_BACK_STEPS = 'readBack.steps';

/** The one prompt (questionPrompt.ts); each component that asks registers its own instance. */
export const QUESTION_PROMPT = 'question';
