import Fuse from 'fuse.js';
import { remembered } from './remembered';

// Typos ("fevr", "bruse", "ensias") are mended against the knowledge base's own words.
// Fuse.js finds candidates; an edit-distance check keeps only close ones, so "paint" may become
// "pain" but "feet" never becomes "fever". Indexes are built once per locale, bucketed by first
// letter, so a look-up searches a few dozen words instead of all of them.

const FUZZY_MIN_LENGTH = 4;

export interface Speller {
  correct(token: string): string | null;
}

/** Damerau-Levenshtein distance with an early exit above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of this length may carry and still be recognised. */
const allowedEdits = (length: number) => (length <= 5 ? 1 : 2);

const fuseOptions = { includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 };
// Stems shorter than this are never reached by a typo: "strong" must not become "stro*ke".
const MIN_FUZZY_STEM = 5;

export function createSpeller(words: readonly string[], stems: ReadonlySet<string>, cacheSize = 5000): Speller {
  // Whole words are bucketed by first letter and length, stems by first letter: a look-up then
  // searches a handful of words within reach of the typo's length instead of a whole letter.
  const grouped = new Map<string, string[]>();
  const add = (key: string, word: string) => grouped.set(key, [...(grouped.get(key) ?? []), word]);
  for (const word of new Set(words)) {
    if (!stems.has(word)) add(`${word[0]}:${word.length}`, word);
    else if (word.length >= MIN_FUZZY_STEM) add(`${word[0]}:*`, word);
  }
  const buckets = new Map([...grouped].map(([key, list]) => [key, new Fuse(list, fuseOptions)]));

  function candidates(token: string, limit: number): string[] {
    const found: string[] = [];
    for (let length = token.length - limit; length <= token.length + limit; length++) {
      const fuse = buckets.get(`${token[0]}:${length}`);
      if (fuse) for (const hit of fuse.search(token, { limit: 4 })) found.push(hit.item);
    }
    const stemFuse = buckets.get(`${token[0]}:*`);
    if (stemFuse) {
      // Fuse looks for the query inside each stem, so a long word ("brusing") is also tried
      // without its ending to meet a shorter stem ("bruis*").
      const queries = token.length >= 6 ? [token, token.slice(0, token.length - 2)] : [token];
      for (const query of queries) for (const hit of stemFuse.search(query, { limit: 4 })) found.push(hit.item);
    }
    return found;
  }

  // People repeat the same misspellings; remembering answers keeps the fallback off the hot path.
  const nearest = remembered(cacheSize, (token: string): string | null => {
    const limit = allowedEdits(token.length);
    let best: string | null = null;
    let bestDistance = limit + 1;
    for (const item of candidates(token, limit)) {
      // A stem gets one edit at most and is compared with the word's start: a letter shorter,
      // as long, or a letter longer than the stem.
      const isStem = stems.has(item);
      const itemLimit = isStem ? 1 : limit;
      const targets = isStem ? [item.length - 1, item.length, item.length + 1].filter((n) => n <= token.length).map((n) => token.slice(0, n)) : [token];
      const distance = Math.min(...targets.map((target) => editDistance(target, item, itemLimit)));
      if (distance <= itemLimit && distance < bestDistance) {
        bestDistance = distance;
        best = item;
      }
    }
    return best;
  });

  return {
    correct: (token) => (token.length < FUZZY_MIN_LENGTH ? null : nearest(token)),
  };
}
