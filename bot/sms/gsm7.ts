// The GSM 03.38 alphabet. One character outside it makes the whole message UCS-2, which fits
// 70 characters per segment instead of 160, so replies are brought into it before they are sent.

/** The basic table: one septet each. Note á, í, ó, ú and ç are NOT in it; é, ñ, ü, à, Ç are. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs two septets (an escape and the character). */
const EXTENSION = '\f^{}\\[~]|€';

const basicSet: ReadonlySet<string> = new Set(BASIC);
const extensionSet: ReadonlySet<string> = new Set(EXTENSION);

/** Septets a character takes in GSM-7, or undefined when it is outside the alphabet. */
export function gsm7Septets(char: string): 1 | 2 | undefined {
  if (basicSet.has(char)) return 1;
  if (extensionSet.has(char)) return 2;
  return undefined;
}

export const isGsm7 = (text: string): boolean => [...text].every((char) => gsm7Septets(char) !== undefined);

// Typography that phones and editors put in and that has a plain GSM-7 twin.
const REPLACEMENTS: Readonly<Record<string, string>> = Object.freeze({
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2022': '-', '\u00B7': '-', '\u2026': '...',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\t': ' ',
  '\u00BA': 'o', '\u00AA': 'a',
});

/**
 * Brings text into GSM-7: characters already in it stay (so Spanish keeps é, ñ, ü, ¿, ¡), typography
 * becomes its plain twin, other accented letters lose their accent (á → a, í → i, ó → o, ú → u),
 * and what has no twin (emoji, symbols) is dropped.
 */
export function toGsm7(text: string, options: { uniformAccents?: boolean } = {}): string {
  let out = '';
  let dropped = false;
  for (const char of text.normalize('NFC')) {
    if (gsm7Septets(char) !== undefined) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    if (base !== '' && isGsm7(base)) {
      out += base;
      dropped = true;
    }
  }
  // "revision" beside "médico" reads like a typo: once one accent had to go, the vowels the
  // alphabet happens to keep (é, è, à, ù, ì, ò) lose theirs too. ñ and ü stay: they change the word.
  if (options.uniformAccents && dropped) out = out.replace(/[éèàùìòÉ]/g, (char) => char.normalize('NFD').replace(/\p{M}/gu, ''));
  // Dropped emoji leave doubled or trailing spaces behind.
  return out.replace(/ {2,}/g, ' ').replace(/ +(\n|$)/g, '$1');
}
