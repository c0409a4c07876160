import { newStemmer } from 'snowball-stemmers';
import type { Locale } from './ids';
import { remembered } from './remembered';

// Word endings come from the Snowball stemmers (English and Spanish), so "bruises", "bruised"
// and "bruising" meet one pattern word without a hand-written list of inflections. The
// stemmers are plain JavaScript: nothing is downloaded or loaded at run time.

const ALGORITHM: Record<Locale, string> = { en: 'english', es: 'spanish' };
const CACHE_SIZE = 20000;

/** A remembered stemmer for one locale: people use the same few hundred words again and again. */
export function createStemmer(locale: Locale): (word: string) => string {
  const stemmer = newStemmer(ALGORITHM[locale]);
  return remembered(CACHE_SIZE, (word) => stemmer.stem(word));
}
