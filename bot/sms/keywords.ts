import type { Locale } from '../../knowledge';
import keywordLists from './keywords.json';

// Twilio's own opt-out filtering (its Messaging docs) blocks a number on exactly these single
// words, in English only; Spanish words are honoured only where an operator adds them through
// Advanced Opt-Out, so the lists stay Twilio's and a new word is a data change here. AYUDA is
// ours: help is a reply, not a block, and costs nothing to understand.

export type SmsKeyword =
  | { kind: 'optOut' }
  | { kind: 'optIn' }
  | { kind: 'help'; locale: Locale };

const asKey = (text: string) => text.trim().toUpperCase();
const optOut: ReadonlySet<string> = new Set(keywordLists.optOut);
const optIn: ReadonlySet<string> = new Set(keywordLists.optIn);
const helpWords: Readonly<Record<Locale, string[]>> = keywordLists.help;
const help: ReadonlyMap<string, Locale> = new Map(
  (Object.entries(helpWords) as [Locale, string[]][]).flatMap(([locale, words]) => words.map((word) => [word, locale] as const)),
);

/** The keyword a text is, if the whole text is one (Twilio matches single words only). */
export function smsKeyword(text: string): SmsKeyword | undefined {
  const key = asKey(text);
  if (optOut.has(key)) return { kind: 'optOut' };
  if (optIn.has(key)) return { kind: 'optIn' };
  const locale = help.get(key);
  return locale ? { kind: 'help', locale } : undefined;
}

export const smsKeywordLists = keywordLists;

export type SmsStep =
  | { kind: 'optOut' }
  | { kind: 'optIn' }
  | { kind: 'silent' }
  | { kind: 'help'; locale: Locale }
  | { kind: 'turn' };

/**
 * What an incoming text does, given whether its number opted out. An opted-out number gets no
 * reply at all until it opts back in; Twilio itself confirms STOP and START, so we stay silent then.
 * YES is an opt-in word only for an opted-out number: otherwise it answers the check's question.
 */
export function nextSmsStep(text: string, optedOut: boolean): SmsStep {
  const keyword = smsKeyword(text);
  if (keyword?.kind === 'optOut') return { kind: 'optOut' };
  if (optedOut) return keyword?.kind === 'optIn' ? { kind: 'optIn' } : { kind: 'silent' };
  if (keyword?.kind === 'help') return keyword;
  return { kind: 'turn' };
}
