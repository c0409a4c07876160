// Spanish syllables, counted by vowel nuclei: no well-kept npm counter exists (the one package,
// silabea, has a single release that ships its test runner as a dependency).
// A run of vowels is one syllable unless two open vowels meet (a, e, o, or an accented í/ú,
// which breaks a diphthong: "dí-a", "pa-ís"); "u" in que/qui/gue/gui is silent; "y" is a vowel
// only where no vowel follows it ("muy", "hoy", "y").

const OPEN = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const CLOSED = new Set(['i', 'u', 'ü']);
const isVowel = (letter: string) => OPEN.has(letter) || CLOSED.has(letter);

export function spanishSyllables(word: string): number {
  let letters = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  letters = letters.replace(/([qg])u([eiéí])/g, '$1$2');
  letters = letters.replace(/y(?![aeiouáéíóú])/g, 'i');
  let count = 0;
  let previous = '';
  for (const letter of letters) {
    if (!isVowel(letter)) {
      previous = '';
      continue;
    }
    if (!previous || (OPEN.has(previous) && OPEN.has(letter))) count += 1;
    previous = letter;
  }
  return Math.max(count, letters.length > 0 ? 1 : 0);
}
