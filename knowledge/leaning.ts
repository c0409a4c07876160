import { isRealWord } from './dictionary';
import type { Locale } from './ids';
import { isMarker, normalizeText, tokenize } from './normalize';

/**
 * Which language a message is written in, by its words that are real words of only one of the
 * two ("perdona", "vimos", "tele" are Spanish alone; "breathe" and "cant" English alone); null
 * when neither has more. Shared words ("no", "me", "a") say nothing. A red flag read by the
 * other language's rules is only taken from a message written in that language: "un chico
 * convulsionaba en la serie" is a Spanish sentence about a TV show, and the Spanish rules,
 * which know "la serie", have already read it.
 */
export function leaningOf(text: string): Locale | null {
  let english = 0;
  let spanish = 0;
  for (const word of tokenize(normalizeText(text))) {
    if (isMarker(word) || /\d/.test(word)) continue;
    const inEnglish = isRealWord(word, 'en');
    const inSpanish = isRealWord(word, 'es');
    if (inEnglish && !inSpanish) english++;
    else if (inSpanish && !inEnglish) spanish++;
  }
  return english === spanish ? null : english > spanish ? 'en' : 'es';
}
