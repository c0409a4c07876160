import emergencyModelJson from './data/emergencyModel.json';
import faqJson from './data/faq.json';
import itemsJson from './data/items.json';
import lexiconEn from './data/lexicon.en.json';
import lexiconEs from './data/lexicon.es.json';
import redFlagsJson from './data/redflags.json';
import repliesEn from './data/replies.en.json';
import repliesEs from './data/replies.es.json';
import unlistedJson from './data/unlisted.json';
import { compileLocale, KnowledgeData, LocaleIndex } from './compile';
import { decodeModel } from './emergencyModel';
import { LOCALES, Locale } from './ids';
import { emergencyModelSchema, faqSchema, itemsSchema, lexiconSchema, redFlagsSchema, repliesSchema, unlistedSchema, type LexiconData, type RepliesData } from './schema';

// Loads and validates the knowledge base once; a bad data file stops start-up with zod's
// message naming the file and the field, instead of surfacing as a strange reply later.

function parse<T>(file: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`knowledge/data/${file} is invalid: ${problems.join('; ')}`);
  }
  return result.data;
}

let data: KnowledgeData | undefined;
const indexes = new Map<Locale, LocaleIndex>();

export function knowledgeData(): KnowledgeData {
  data ??= {
    items: parse('items.json', itemsSchema, itemsJson),
    faq: parse('faq.json', faqSchema, faqJson),
    redFlags: parse('redflags.json', redFlagsSchema, redFlagsJson),
    unlisted: parse('unlisted.json', unlistedSchema, unlistedJson),
    lexicons: {
      en: parse('lexicon.en.json', lexiconSchema, lexiconEn),
      es: parse('lexicon.es.json', lexiconSchema, lexiconEs),
    },
    replies: {
      en: parse('replies.en.json', repliesSchema, repliesEn),
      es: parse('replies.es.json', repliesSchema, repliesEs),
    },
    emergencyModel: decodeModel(parse('emergencyModel.json', emergencyModelSchema, emergencyModelJson)),
  };
  return data;
}

/** What people say to steer the conversation and answer our questions, per language (check/keywords.ts reads it). */
export function replyVocabulary(): Readonly<Record<Locale, RepliesData>> {
  return knowledgeData().replies;
}

/** The lexicons' word lists as data (check/keywords.ts reads the fillers, knowledge/clauses.ts the contrasts). */
export function knowledgeLexicons(): Readonly<Record<Locale, LexiconData>> {
  return knowledgeData().lexicons;
}

export function knowledgeIndex(locale: Locale): LocaleIndex {
  let index = indexes.get(locale);
  if (!index) {
    index = compileLocale(locale, knowledgeData());
    indexes.set(locale, index);
  }
  return index;
}

/** Validates and indexes everything now, so the first person does not wait for it. */
export function loadKnowledge(): void {
  for (const locale of LOCALES) knowledgeIndex(locale);
}
