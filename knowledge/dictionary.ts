import { readFileSync } from 'node:fs';
import type { Locale } from './ids';

// Is a token a real word of English or Spanish? Spelling repair asks before it mends anything:
// "tried", "breaking", "specify" and "radiates" are words, so they are never turned into
// "tired", "breathing", "skinny" or "radiation". The word lists are the `an-array-of-english-words`
// and `an-array-of-spanish-words` packages (about 275,000 and 636,000 words, sorted). They are
// read on the first repair only, kept as the file's text, and searched by halving over word
// offsets: no JSON.parse and no Set of 900,000 strings, so the first look-up costs a few tens of
// milliseconds and knowledge load nothing.

export interface Dictionary {
  has(word: string): boolean;
}

/** A sorted JSON array of lower-case words as text, searched by halving. */
function sortedWords(text: string): Dictionary {
  const starts: number[] = [];
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', text.indexOf('"', i + 1) + 1)) starts.push(i + 1);
  const offsets = Uint32Array.from(starts);
  const compareAt = (start: number, word: string): number => {
    for (let k = 0; ; k++) {
      const code = text.charCodeAt(start + k);
      const ended = code === 34; // the closing quote
      if (k === word.length) return ended ? 0 : 1;
      if (ended) return -1;
      const diff = code - word.charCodeAt(k);
      if (diff !== 0) return diff;
    }
  };
  return {
    has(word) {
      let lo = 0;
      let hi = offsets.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const diff = compareAt(offsets[mid]!, word);
        if (diff === 0) return true;
        if (diff < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/**
 * Spellings a token without accents may have had: normalising drops accents and turns "ñ" into
 * "n", so "pierna", "cansancio" and "anos" are looked up as written, with one accented vowel,
 * with an "ñ" for one "n", and with both.
 */
export function accentedForms(token: string): string[] {
  const withEnye = [token];
  for (let i = token.indexOf('n'); i >= 0; i = token.indexOf('n', i + 1)) withEnye.push(token.slice(0, i) + 'ñ' + token.slice(i + 1));
  const forms: string[] = [];
  for (const base of withEnye) {
    forms.push(base);
    for (let i = 0; i < base.length; i++) {
      const accented = ACCENTED[base[i]!];
      if (accented) forms.push(base.slice(0, i) + accented + base.slice(i + 1));
      if (base[i] === 'u') forms.push(base.slice(0, i) + 'ü' + base.slice(i + 1));
    }
  }
  return forms;
}

let english: Dictionary | undefined;
let spanish: Dictionary | undefined;
const load = (pkg: string) => sortedWords(readFileSync(require.resolve(`${pkg}/index.json`), 'utf8'));

/**
 * True when the token is a word of the language (Spanish with its accents put back). Only the
 * message's own language counts: "sindrome" in English is a typo to mend, and the Spanish
 * reading of the same message (understand.ts reads both) finds it as written.
 */
export function isRealWord(token: string, locale: Locale): boolean {
  if (locale === 'en') {
    english ??= load('an-array-of-english-words');
    return english.has(token);
  }
  spanish ??= load('an-array-of-spanish-words');
  const es = spanish;
  return accentedForms(token).some((form) => es.has(form));
}
