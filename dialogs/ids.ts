// Every dialog id in one place, so a typo is a compile error and a rename touches one line.
// Ids are stored in conversation state: a check that is mid-way when a renamed id ships cannot
// go on, and ends with the error closing (bot/turnError.ts); its next message starts afresh.

/** The root: interrupts (interruptibleDialog.ts) and the flow (mainDialog.ts). */
export const MAIN_DIALOG = 'main';
export const MAIN_STEPS = 'main.steps';

/** The parts of the check: waterfalls side by side in the main dialog. */
export const WHO_DIALOG = 'who';
export const OPEN_QUESTION_DIALOG = 'openQuestion';
export const CHECKLIST_DIALOG = 'checklist';
export const READ_BACK_DIALOG = 'readBack';

/** The one prompt (questionPrompt.ts), registered once in the main dialog. */
export const QUESTION_PROMPT = 'question';
