// The public face of knowledge/: what dialogs and edges may use. Pure data and pure functions,
// no Bot Framework types, so a move to another bot SDK leaves this folder untouched.
export * from './ids';
export type { Understanding } from './types';
export { understand, understandEmergency } from './understand';
export { leaningOf } from './leaning';
export { isModelGuess } from './emergencyModel';
export type { EmergencyReading } from './understand';
export { redFlagAdvice, redFlagItem } from './redFlags';
export type { RedFlagAdvice } from './redFlags';
export type { About } from './understand';
export { knowledgeLexicons, loadKnowledge, replyVocabulary } from './load';
export { expandShorthand, normalizeWords, type NormalizedWords } from './normalize';
export { clausesAsWritten } from './clauses';
export { remembered } from './remembered';
export { COMMAND_KINDS, REPLY_KINDS, HARD_QUESTIONS, AFTER_CLOSING_REPLIES, type RepliesData } from './schema';
export { itemLabel, itemExplanation, faqAnswer, faqIds, unlistedLabel, unlistedIds } from './content';
export { signAskedAbout } from './signQuestion';
export type { SignAsked } from './signQuestion';
