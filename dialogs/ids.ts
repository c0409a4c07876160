// Every dialog id in one place, so a typo is a compile error and a rename touches one line.
// Ids are stored in conversation state: a check that is mid-way when a renamed id ships cannot
// go on, and ends with the error closing (bot/turnError.ts); its next message starts afresh.

/**
 * The flow from welcome to closing (mainDialog.ts); interrupts are in checkRunner.ts. Until
 * 2026-11 "main" named a component holding the other dialogs; a stack stored in that shape must
 * not be read by the new classes, so the id changed with it.
 */
export const MAIN_DIALOG = 'checkFlow';

/** The parts of the check, side by side with the main dialog in one dialog set. */
export const WHO_DIALOG = 'who';
export const SCREEN_DIALOG = 'redFlagScreen';
export const OPEN_QUESTION_DIALOG = 'openQuestion';
export const CHECKLIST_DIALOG = 'checklist';
export const READ_BACK_DIALOG = 'readBack';

/** The one prompt (questionPrompt.ts), shared by every part. */
export const QUESTION_PROMPT = 'question';
