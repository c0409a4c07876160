import type { Subject } from './check';

// The red-flag screen: one short safety question right after "who is this for?", in plain words
// fitted to whom the check is about (NHS 111 online and the CDC's self-checker start the same way:
// people in danger do not always say so in a form a parser can read). Each sign is a button that
// names the red-flag kind of knowledge/data/redflags.json it stands for, so a tap gets the same
// 911 advice (and 988 for self-harm) as the words would.

export const SCREEN_SIGNS = ['breathing', 'breathingChild', 'blue', 'chest', 'bleeding', 'faint', 'floppy', 'seizure', 'stroke', 'selfHarm'] as const;
export type ScreenSign = (typeof SCREEN_SIGNS)[number];

/** The red-flag kind each sign stands for (ids of knowledge/data/redflags.json). */
export const SIGN_KIND: Readonly<Record<ScreenSign, string>> = {
  breathing: 'breathing',
  breathingChild: 'breathing',
  blue: 'breathing',
  chest: 'chest_pain',
  bleeding: 'bleeding',
  faint: 'fainting',
  floppy: 'fainting',
  seizure: 'seizure',
  stroke: 'stroke',
  selfHarm: 'self_harm',
};

/** The signs asked about, in the order shown; a child's are the ones a parent sees. */
export const SIGNS_FOR: Readonly<Record<Subject, readonly ScreenSign[]>> = {
  self: ['breathing', 'chest', 'bleeding', 'faint', 'stroke', 'selfHarm'],
  someone: ['breathing', 'chest', 'bleeding', 'faint', 'stroke', 'selfHarm'],
  child: ['breathingChild', 'blue', 'floppy', 'seizure', 'bleeding'],
};
