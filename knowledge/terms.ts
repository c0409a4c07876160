// Words to "terms": a term is one slot of a pattern (a word, a stem*, or an @class), numbered so
// that a message's tokens can be looked up once and matched against every pattern by number.

export type TermId = number;

export interface TermTable {
  /** Exact word -> the terms it fills. */
  readonly words: Map<string, TermId[]>;
  /** Stem (the part before *) -> the terms it fills. */
  readonly stems: Map<string, TermId[]>;
  readonly stemLengths: number[];
  /** Term key ("@pain", "gum|gums") -> id. */
  readonly ids: Map<string, TermId>;
  /** Snowball stem of a plain word -> the terms it fills, so "bruises" meets "bruising". */
  readonly snowball: Map<string, TermId[]>;
  /** The locale's Snowball stemmer (memoised), or none. */
  readonly stemWord: ((word: string) => string) | null;
  /** Words matched only as written: stemming would merge them with a word of another meaning. */
  readonly exactForms: ReadonlySet<string>;
}

/** Words shorter than this are never stemmed: "red" and "reds", "ill" and "ills" stay as written. */
const MIN_STEMMED_LENGTH = 5;

export function createTermTable(stemWord: ((word: string) => string) | null = null, exactForms: ReadonlySet<string> = new Set()): TermTable {
  return { words: new Map(), stems: new Map(), stemLengths: [], ids: new Map(), snowball: new Map(), stemWord, exactForms };
}

function addTo(map: Map<string, TermId[]>, key: string, id: TermId): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** Registers every alternative of one term ("gum|gums|gumz*") under a single id. */
export function defineTerm(table: TermTable, key: string, alternatives: readonly string[]): TermId {
  const known = table.ids.get(key);
  if (known !== undefined) return known;
  const id = table.ids.size;
  table.ids.set(key, id);
  for (const alternative of alternatives) {
    for (const word of alternative.split('|')) {
      if (word.endsWith('*')) {
        const stem = word.slice(0, -1);
        addTo(table.stems, stem, id);
        if (!table.stemLengths.includes(stem.length)) table.stemLengths.push(stem.length);
      } else {
        addTo(table.words, word, id);
        if (table.stemWord && word.length >= MIN_STEMMED_LENGTH && !table.exactForms.has(word)) addTo(table.snowball, table.stemWord(word), id);
      }
    }
  }
  table.stemLengths.sort((a, b) => a - b);
  return id;
}

/** The terms one token fills: its exact entry plus every stem it starts with. */
export function termsOf(table: TermTable, token: string): TermId[] {
  const exact = table.words.get(token);
  let found: TermId[] | undefined = exact ? [...exact] : undefined;
  if (table.stemWord && token.length >= MIN_STEMMED_LENGTH && !table.exactForms.has(token)) {
    const stemmed = table.snowball.get(table.stemWord(token));
    if (stemmed) {
      found ??= [];
      for (const id of stemmed) if (!found.includes(id)) found.push(id);
    }
  }
  for (const length of table.stemLengths) {
    if (length > token.length) break;
    const stemmed = table.stems.get(token.slice(0, length));
    if (stemmed) {
      found ??= [];
      for (const id of stemmed) if (!found.includes(id)) found.push(id);
    }
  }
  return found ?? [];
}

/** Every word and stem the table knows, for the fuzzy spelling fallback. */
export function vocabulary(table: TermTable): { words: string[]; stems: Set<string> } {
  const useful = (word: string) => word.length >= 3 && !/^\d+$/.test(word);
  const stems = new Set([...table.stems.keys()].filter(useful));
  return { words: [...[...table.words.keys()].filter(useful), ...stems], stems };
}
