import { temperaturesInDigits } from './numberWords';

// Turns raw text into comparable tokens: the same steps for the knowledge base and for what
// people type, so "Moretónes!!", "moretones" and "MORETONES" meet on one spelling.

/** Longer input is cut here: no symptom description needs more, and it bounds the work per message. */
export const MAX_INPUT_CHARS = 2000;

/** A clause boundary kept as its own token so clause splitting can see punctuation. */
export const BREAK = '|';

/** The end of a statement (. ! ;) and the end of a question (? or an opening ¿). */
export const SENTENCE_END = '#';
export const QUESTION_END = '?';

export const isMarker = (token: string) => token === BREAK || token === SENTENCE_END || token === QUESTION_END;

/** The words a temperature written as a number becomes: a fever's reading, and a normal one. Patterns use them too. */
export const FEVER_READING = 'feverdegrees';
export const NORMAL_READING = 'normaldegrees';

// The punctuation that ends a clause, in one place: normalizeText marks "?" and "¿" as QUESTION_END,
// ". ! ¡ ;" as SENTENCE_END and a comma as BREAK, and knowledge/clauses.ts cuts text as written at
// the same marks.
const QUESTION_MARKS = '?¿';
const SENTENCE_MARKS = '.!¡;';
/** Every mark that ends a clause (a comma, and the sentence and question marks), for a character class. */
export const CLAUSE_MARKS = `,${SENTENCE_MARKS}${QUESTION_MARKS}`;
const QUESTION_RUN = new RegExp(`[${QUESTION_MARKS}]+`, 'g');
const SENTENCE_RUN = new RegExp(`[${SENTENCE_MARKS}]+`, 'g');

// Most messages are short, plain ASCII and lower-case: each group of replacements below runs only
// when the text holds a character that group could match, so such a message skips most of them.
// A skipped group would have changed nothing, so the result is the same as running them all.
const CAPITAL_SHORTHAND = /\b(?:ALL|SOB|LAD)\b/;
const SIGNED_OR_SLASHED = /[+\-/]/;
const SIGNED_ENTRY = /(?:^|[,:;\n])\s*\+\s*[a-z\u00c0-\u024f]/i;
const SIGN_ENTRY = /(^|[,:;\n])\s*([+-])\s*(?=[a-z\u00c0-\u024f])/gi;
const DIGIT = /\d/;
const NON_ASCII = /[^\x00-\x7f]/;
const QUOTE = /['’‘`´]/;

/**
 * Gestures people send as a whole answer ("👍", "🤷‍♀️", "🙅"), and the ticks and crosses of a
 * list ("✓ bruises ✗ fever"), kept as one word each before the other emoji are stripped: the
 * lexicons' answers list these words ("thumbsup" is a yes) and a cross is a negation. Skin tones
 * and gender signs after them are stripped with the rest.
 */
const GESTURES: Readonly<Record<string, string>> = {
  '\u{1F44D}': 'thumbsup',
  '\u{1F44C}': 'okhand',
  '\u2705': 'checkmark',
  '\u2714': 'checkmark',
  '\u2713': 'checkmark',
  '\u2611': 'checkmark',
  '\u{1F44E}': 'thumbsdown',
  '\u{1F645}': 'nogesture',
  '\u274C': 'crossmark',
  '\u2717': 'crossmark',
  '\u2718': 'crossmark',
  '\u2612': 'crossmark',
  '\u{1F937}': 'shrug',
  '\u{1F914}': 'shrug',
  // Not gestures but words people send as emoji: "🩸🩸 coughing this up".
  '\u{1FA78}': 'blood',
};
const GESTURE = new RegExp(`[${Object.keys(GESTURES).join('')}]`, 'gu');

/**
 * Punctuation said aloud to a dictation app ("si deja de respirar coma qué hago interrogación"),
 * turned back into the marks the clause splitter reads. A medical "coma" ("está en coma", "en
 * estado de coma") stays a word, and "punto" is a full stop only where dictation puts it: at the
 * end, or as "punto y seguido / aparte / final" ("un punto rojo" stays a spot).
 */
const DICTATED = /comm?a|punto|interrogaci|question mark|full stop/i;
const DICTATED_MARKS: readonly [RegExp, string][] = [
  [/\b(?:signo de )?(?:cierre de )?interrogaci[oó]n\b/gi, ' ? '],
  [/\bquestion mark\b/gi, ' ? '],
  [/\bfull stop\b/gi, ' . '],
  [/\bpunto y (?:seguido|aparte)\b|\bpunto final\b|\bpunto\s*$/gi, ' . '],
  // Mid-text, "punto" after a word that is no article, and before no colour or "de": "cansada punto estoy".
  [/(^|\s)(?!(?:en|un|una|el|la|del|al|de|su|mi|tu|esa|ese|este|cada|otro)\s)(\S+\s+)punto(?=\s+(?!(?:rojo|roja|rojos|rojas|morado|negro|blanco|de|del)\b)\S)/gi, '$1$2 . '],
  [/\bcomma\b/gi, ' , '],
  [/(^|\s)(?!(?:en|un|una|el|la|del|al|de|su|mi|tu|esa|ese|estado)\s)(\S+\s+)coma\b/gi, '$1$2 , '],
];

/**
 * Lower-cases, strips accents, emoji and symbols, collapses letters repeated three or more
 * times ("soooo" -> "soo"), and marks clause punctuation. Never throws: lone surrogates and
 * control characters simply disappear.
 */
export function normalizeText(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  let text = raw.length > MAX_INPUT_CHARS ? raw.slice(0, MAX_INPUT_CHARS) : raw;
  if (CAPITAL_SHORTHAND.test(text)) {
    // An upper-case "ALL" is the disease, not the word "all" ("my twin had ALL").
    text = text.replace(/\bALL\b/g, ' leukemia ');
    // Clinical shorthand written in capitals: "denies SOB", "cervical LAD".
    // Only the capitals: a "lad" is also a boy, and a "sob" a cry.
    text = text.replace(/\bSOB\b/g, ' short of breath ').replace(/\bLAD\b/g, ' lymphadenopathy ');
  }
  // "+ve fatigue", "-ve", "c/o".
  if (SIGNED_OR_SLASHED.test(text)) {
    text = text
      .replace(/\+ve\b/gi, ' positive ')
      .replace(/(^|\s)-ve\b/gi, ' negative ')
      .replace(/\bc\/o\b/gi, ' complains of ')
      // A review of systems' signs, "(-) adenopatías", "(+) astenia", are a cross and a tick.
      .replace(/\(\s*-\s*\)/g, ' crossmark ')
      .replace(/\(\s*\+\s*\)/g, ' checkmark ');
    // "ROS: + fatigue, - fever": in a list with a plus sign, a minus opening an entry (at the start,
    // after a comma, colon, semicolon or line) is a cross. Without a plus, "- cansancio" on each line
    // is a bullet, and a minus between words ("38 - 39", "fever - on and off") a dash.
    if (SIGNED_ENTRY.test(text)) text = text.replace(SIGN_ENTRY, (_all, before: string, sign: string) => `${before} ${sign === '-' ? 'crossmark' : 'checkmark'} `);
  }
  // "thirty eight point seven" is 38.7 (voice dictation spells numbers out); before the dictated
  // punctuation, whose "punto" would otherwise cut "treinta y ocho punto nueve".
  text = temperaturesInDigits(text);
  if (DICTATED.test(text)) for (const [said, mark] of DICTATED_MARKS) text = text.replace(said, mark);
  if (DIGIT.test(text)) {
    // "38 e 7", "38 y 7", "39 coma 2": a reading said with its decimal as a word is that decimal.
    text = text.replace(/\b(3[5-9]|4[0-2])\s+(?:e|y|coma|punto|point)\s+(\d)\b/gi, '$1.$2');
    // A temperature of 38 °C / 100.4 °F or more written as a number is a fever ("she's 38.9").
    text = text.replace(/\b(?:3[89]|4[0-2])[.,]\d\b|\b(?:100[.,][4-9]|10[1-6](?:[.,]\d)?)\b/g, ` ${FEVER_READING} `);
    // A reading of 37.2 °C (99.4 °F) or less written as a number is no fever ("temp 36.7 today", "37,2 nomás", "98.6").
    text = text.replace(/\b(?:3[56][.,]\d|37[.,][0-2]|9[78][.,]\d|99[.,][0-4])\b/g, ` ${NORMAL_READING} `);
    // Any other decimal keeps its whole part: its point or comma must not end a sentence or a
    // clause ("is 37.4 a fever?" was read as "is 37." and "4 a fever?", a report).
    text = text.replace(/\b(\d+)[.,]\d+\b/g, '$1');
  }
  text = text.toLowerCase();
  if (NON_ASCII.test(text)) text = text.replace(GESTURE, (gesture) => ` ${GESTURES[gesture]} `);
  // Accents go, "ñ" too (NFD splits it into n + U+0303): people on English keyboards write
  // "senal" for "señal" and "anos" for "años", so the lexicon is matched without them.
  if (NON_ASCII.test(text)) text = withoutAccents(text);
  if (QUOTE.test(text)) {
    text = text
      .replace(/[’‘`´]/g, "'")
      .replace(/\bcan't\b/g, 'can not')
      .replace(/\bwon't\b/g, 'will not')
      .replace(/n't\b/g, ' not')
      // "breathing's fine", "energy's grand": the verb, not a possessive, is what a denial needs.
      .replace(/\b([a-z]+)'s\b/g, '$1 is')
      .replace(/'/g, '');
  }
  text = text
    // A line is a clause of its own: forms and lists put one answer on each ("pale: yes\nbruises: no").
    .trim()
    .replace(/\s*\n\s*/g, ` ${BREAK} `)
    .replace(QUESTION_RUN, ` ${QUESTION_END} `)
    .replace(SENTENCE_RUN, ` ${SENTENCE_END} `)
    // "fever: no, bruises: yes" and "niega: fiebre" read as one clause each.
    .replace(/:+/g, ' ')
    .replace(/[,()\[\]{}/\\–—-]+/g, (match) => (match.includes(',') ? ` ${BREAK} ` : ' '))
    .replace(/[^a-z0-9#|?\s]+/g, ' ');
  if (hasTripleLetter(text)) text = text.replace(/([a-z])\1{2,}/g, '$1$1');
  // "lost 4kg", "bajé 3kilos": a number and its unit of weight are two words.
  if (DIGIT.test(text)) text = text.replace(/\b(\d+)(kgs?|kilos?)\b/g, '$1 $2');
  // Whitespace runs become one space. A lone space is already one: matching only longer runs
  // and other white characters spares a replacement per word.
  return text.replace(/\s\s+|[^\S ]/g, ' ').trim();
}

/** Text as normalizeWords() leaves it; the type stops raw text reaching a phrase list by mistake. */
export type NormalizedWords = string & { readonly normalizedBy: 'normalizeWords' };

/**
 * The light form of the same steps, for phrases compared whole (commands, replies, buttons):
 * lower-case, accents off, apostrophes dropped, any other punctuation a space. "¡Español!" ->
 * "espanol", "I don't know" -> "i dont know". No clause marks, shorthand or spelling repair: a
 * command is the phrase as people type it, and "ALL" typed in capitals is still "all".
 */
export function normalizeWords(text: string): NormalizedWords {
  return withoutAccents(text.toLowerCase())
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim() as NormalizedWords;
}

/** "ñ" and accented vowels to their plain letter (NFD splits them into letter + mark). */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A letter written three times in a row ("soooo"): a loop over the text is cheaper than the back-reference pattern that mends it. */
function hasTripleLetter(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122 && code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true; // a-z
  }
  return false;
}

/** Splits normalised text into word tokens, keeping BREAK and SENTENCE_END markers. */
export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** Replaces SMS shorthand and contractions ("u" -> "you", "cant" -> "can not"). */
export function expandShorthand(tokens: string[], shorthand: ReadonlyMap<string, string[]>): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const expansion = shorthand.get(token);
    if (expansion) out.push(...expansion);
    else out.push(token);
  }
  return out;
}
