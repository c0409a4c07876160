import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { spanishSyllables } from './spanishSyllables';

// Measures every patient-facing string of 3+ words: Flesch-Kincaid grade for English and
// Fernández-Huerta (the corrected form, with words per sentence) for Spanish.

export type Language = 'en' | 'es';
export type Group = 'chat lines' | 'item texts' | 'FAQ answers';
export interface PatientText {
  language: Language;
  group: Group;
  source: string;
  text: string;
}
export interface Measured extends PatientText {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade (en) or Fernández-Huerta ease (es). */
  score: number;
}

export const TARGETS = {
  en: { good: 6, worst: 8, share: 0.9 },
  es: { good: 70, worst: 60, share: 0.9 },
} as const;

/**
 * Names of conditions, chemicals and treatments from the source page that a reader must meet by
 * name. Each counts as one word of two syllables (an ordinary word), however long it is; the
 * text around them is still measured as written.
 */
export const NAMED_TERMS: Record<Language, string[]> = {
  en: [
    'acute lymphocytic leukemia', 'acute lymphoblastic leukemia', 'lymphocytic', 'lymphoblastic', 'leukemia',
    'petechiae', 'Down syndrome', 'neurofibromatosis', 'Fanconi anemia', 'benzene', 'chemotherapy',
    'radiation', 'immunotherapy', 'lymph nodes', 'bone marrow', 'stem cell', 'platelets', 'remission', 'biopsy',
  ],
  es: [
    'leucemia linfoblástica aguda', 'leucemia linfocítica aguda', 'linfoblástica', 'linfocítica', 'leucemia',
    'petequias', 'síndrome de Down', 'neurofibromatosis', 'anemia de Fanconi', 'benceno', 'quimioterapia',
    'radioterapia', 'radiación', 'inmunoterapia', 'ganglios linfáticos', 'médula ósea', 'células madre',
    'plaquetas', 'remisión', 'biopsia',
  ],
};
const TERM_STAND_IN = 'xterm';
const TERM_SYLLABLES = 2;

const ROOT = join(__dirname, '../..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

function leaves(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [];
}

interface Entry {
  id: string;
  en: Record<string, unknown>;
  es: Record<string, unknown>;
}

/**
 * Locale files (what the bot says; what people type is in knowledge/data), item labels and explanations, FAQ answers.
 * knowledge/data/unlisted.json (labels of things outside the list, new and owned by the
 * understanding work) is not measured yet.
 */
export function patientTexts(): PatientText[] {
  const languages: Language[] = ['en', 'es'];
  const texts: PatientText[] = [];
  for (const language of languages) {
    for (const file of readdirSync(join(ROOT, 'locales', language)).filter((name) => name.endsWith('.json'))) {
      for (const [key, text] of leaves(json(`locales/${language}/${file}`), '')) {
        texts.push({ language, group: 'chat lines', source: `${file.replace('.json', '')}:${key}`, text });
      }
    }
    for (const item of json('knowledge/data/items.json') as Entry[]) {
      for (const field of ['label', 'explain']) {
        texts.push({ language, group: 'item texts', source: `${item.id}.${field}`, text: String(item[language][field]) });
      }
    }
    for (const faq of json('knowledge/data/faq.json') as Entry[]) {
      texts.push({ language, group: 'FAQ answers', source: `faq:${faq.id}`, text: String(faq[language].answer) });
    }
  }
  return texts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Placeholders and markdown out, named terms replaced by a stand-in word. */
export function plainText(text: string, language: Language): string {
  let plain = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, ' ')
    .replace(/\bU\.S\./g, 'US');
  const terms = [...NAMED_TERMS[language]].sort((a, b) => b.length - a.length);
  for (const term of terms) plain = plain.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(term)}(?![\\p{L}])`, 'giu'), TERM_STAND_IN);
  return plain;
}

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

export function measure(entry: PatientText): Measured {
  const plain = plainText(entry.text, entry.language);
  // A sentence ends at . ! ? … followed by a space or the end, and at a line break.
  const sentences = plain.split(/(?<=[.!?…])\s+|\n+/).filter((sentence) => (sentence.match(WORD) ?? []).length > 0);
  const words = plain.match(WORD) ?? [];
  const count = entry.language === 'en' ? syllable : spanishSyllables;
  const syllables = words.reduce((sum, word) => sum + (word === TERM_STAND_IN ? TERM_SYLLABLES : Math.max(1, count(word))), 0);
  const sentenceCount = Math.max(1, sentences.length);
  const score =
    entry.language === 'en'
      ? fleschKincaid({ sentence: sentenceCount, word: words.length, syllable: syllables })
      : 206.84 - 60 * (syllables / words.length) - 1.02 * (words.length / sentenceCount);
  return { ...entry, words: words.length, sentences: sentenceCount, syllables, score };
}

/** Every patient-facing string of 3 words or more, measured. */
export function measuredTexts(): Measured[] {
  return patientTexts()
    .map(measure)
    .filter((entry) => entry.words >= 3);
}

export const isGood = (entry: Measured) => (entry.language === 'en' ? entry.score <= TARGETS.en.good : entry.score >= TARGETS.es.good);
export const isTooHard = (entry: Measured) => (entry.language === 'en' ? entry.score > TARGETS.en.worst : entry.score < TARGETS.es.worst);

/** Worst first: highest grade in English, lowest ease in Spanish. */
export const hardness = (entry: Measured) => (entry.language === 'en' ? entry.score : -entry.score);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
