// Temperatures said in words, as voice dictation writes them: "thirty eight point seven",
// "a hundred and two", "treinta y ocho y medio", "ciento uno". They become digits before the
// rest of normalising, so "38.7" and "thirty eight point seven" meet the same rules. Only the
// tens a body temperature can take (thirty, forty) and a hundred with a unit or a decimal are
// rewritten: "twenty one" and "a hundred times" stay words; "thirty years" becomes "30 years", which
// the fever rules read as a digit "30" would be, as no fever. The number words are the languages'
// own closed class, so they are kept here rather than in the lexicon.

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  cero: 0, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
};
const TENS: Record<string, number> = { thirty: 3, forty: 4, treinta: 3, cuarenta: 4 };

const UNIT = Object.keys(UNITS).join('|');
const TEN = Object.keys(TENS).join('|');
/** A decimal after the number: "point seven", "punto cinco", "coma dos", "and a half", "y medio". */
const DECIMAL = `(?:\\s+(?:point|punto|coma)\\s+(${UNIT})|\\s+(and a half|y medio|y media))?`;
/** "thirty eight", "thirty-eight", "treinta y ocho", "cuarenta". */
const CELSIUS = new RegExp(`\\b(${TEN})(?:[\\s-]+(?:y\\s+)?(${UNIT}))?${DECIMAL}\\b`, 'gi');
/** "a hundred and two", "one hundred one", "hundred and one", "ciento dos". */
const FAHRENHEIT = new RegExp(`\\b(?:(?:a|one)\\s+)?(?:hundred|ciento|cien)(?:(?:\\s+and)?\\s+(${UNIT}))?${DECIMAL}\\b`, 'gi');
/** "ninety eight point six": a reading in Fahrenheit below a hundred only with its decimal ("ninety years" stays words). */
const NINETIES = new RegExp(`\\b(?:ninety|noventa)[\\s-]+(?:y\\s+)?(${UNIT})\\s+(?:point|punto|coma)\\s+(${UNIT})\\b`, 'gi');
const MAY_HOLD = /thirty|forty|ninety|treinta|cuarenta|noventa|hundred|cien/i;

const decimal = (digit: string | undefined, half: string | undefined) =>
  digit !== undefined ? `.${UNITS[digit.toLowerCase()]}` : half !== undefined ? '.5' : '';

/** The text with temperatures in words written as numbers; any other text comes back unchanged. */
export function temperaturesInDigits(text: string): string {
  if (!MAY_HOLD.test(text)) return text;
  return text
    .replace(NINETIES, (_all, unit: string, digit: string) => ` ${90 + UNITS[unit.toLowerCase()]!}.${UNITS[digit.toLowerCase()]} `)
    .replace(CELSIUS, (_all, ten: string, unit: string | undefined, digit?: string, half?: string) =>
      ` ${TENS[ten.toLowerCase()]! * 10 + (unit ? UNITS[unit.toLowerCase()]! : 0)}${decimal(digit, half)} `)
    .replace(FAHRENHEIT, (all: string, unit: string | undefined, digit?: string, half?: string) =>
      // "a hundred" alone is a count ("a hundred times"); with a unit or a decimal it is a reading.
      unit === undefined && digit === undefined && half === undefined ? all : ` ${100 + (unit ? UNITS[unit.toLowerCase()]! : 0)}${decimal(digit, half)} `);
}
