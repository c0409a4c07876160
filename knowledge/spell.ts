import Fuse from 'fuse.js';

// Typos ("fevr", "bruse", "ensias") are mended against the knowledge base's own words.
// Fuse.js finds candidates; an edit-distance check keeps only close ones, so "paint" may become
// "pain" but "feet" never becomes "fever". Indexes are built once per locale, bucketed by first
// letter, so a look-up searches a few dozen words instead of all of them.

export const FUZZY_MIN_LENGTH = 4;

export interface Speller {
  correct(token: string): string | null;
}

/** Damerau-Levenshtein distance with an early exit above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
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
export const allowedEdits = (length: number) => (length <= 5 ? 1 : 2);

export function createSpeller(words: readonly string[], stems: ReadonlySet<string>, cacheSize = 5000): Speller {
  const buckets = new Map<string, Fuse<string>>();
  const byLetter = new Map<string, string[]>();
  for (const word of new Set(words)) {
    const letter = word[0]!;
    const list = byLetter.get(letter) ?? [];
    list.push(word);
    byLetter.set(letter, list);
  }
  for (const [letter, list] of byLetter) {
    buckets.set(letter, new Fuse(list, { includeScore: true, threshold: 0.4, ignoreLocation: true, minMatchCharLength: 2 }));
  }
  // People repeat the same misspellings; remembering answers keeps the fallback off the hot path.
  const cache = new Map<string, string | null>();

  return {
    correct(token: string): string | null {
      if (token.length < FUZZY_MIN_LENGTH) return null;
      const cached = cache.get(token);
      if (cached !== undefined) return cached;
      const fuse = buckets.get(token[0]!);
      let best: string | null = null;
      if (fuse) {
        const limit = allowedEdits(token.length);
        let bestDistance = limit + 1;
        // Fuse looks for the query inside each word, so a long misspelling ("brusing") is also
        // tried without its ending to meet a shorter stem ("bruis*").
        const queries = token.length >= 6 ? [token, token.slice(0, token.length - 2)] : [token];
        const candidates = new Set(queries.flatMap((query) => fuse.search(query, { limit: 8 }).map((hit) => hit.item)));
        for (const item of candidates) {
          // A stem ("bruis") is compared with the token's start, so "brusing" still reaches it.
          // Stems get one edit at most and must be five letters or more: "strong" is not "stroke".
          const isStem = stems.has(item);
          if (isStem && item.length < 5) continue;
          const itemLimit = isStem ? 1 : limit;
          // A stem is compared with the word's start, a letter shorter, as long, or a letter longer.
          const targets = isStem ? [item.length - 1, item.length, item.length + 1].filter((n) => n <= token.length).map((n) => token.slice(0, n)) : [token];
          const distance = Math.min(...targets.map((target) => editDistance(target, item, itemLimit)));
          if (distance > itemLimit) continue;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = item;
          }
        }
      }
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(token, best);
      return best;
    },
  };
}
