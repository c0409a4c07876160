import { spanishSyllables } from './spanishSyllables';

// Known syllabifications (RAE rules): diphthongs, triphthongs, hiatus, silent u, y as a vowel.
it.each([
  ['casa', 'ca-sa'],
  ['leucemia', 'leu-ce-mia'],
  ['linfoblástica', 'lin-fo-blás-ti-ca'],
  ['aguda', 'a-gu-da'],
  ['día', 'dí-a'],
  ['país', 'pa-ís'],
  ['oír', 'o-ír'],
  ['baúl', 'ba-úl'],
  ['ciudad', 'ciu-dad'],
  ['huevo', 'hue-vo'],
  ['poeta', 'po-e-ta'],
  ['océano', 'o-cé-a-no'],
  ['aeropuerto', 'a-e-ro-puer-to'],
  ['que', 'que'],
  ['guitarra', 'gui-ta-rra'],
  ['pingüino', 'pin-güi-no'],
  ['Uruguay', 'U-ru-guay'],
  ['buey', 'buey'],
  ['muy', 'muy'],
  ['hoy', 'hoy'],
  ['y', 'y'],
  ['reyes', 're-yes'],
  ['ayuda', 'a-yu-da'],
  ['quimioterapia', 'qui-mio-te-ra-pia'],
  ['médula', 'mé-du-la'],
  ['ósea', 'ó-se-a'],
  ['ganglios', 'gan-glios'],
  ['petequias', 'pe-te-quias'],
  ['emergencia', 'e-mer-gen-cia'],
  ['diagnóstico', 'diag-nós-ti-co'],
  ['veintiséis', 'vein-ti-séis'],
  ['cansancio', 'can-san-cio'],
  ['averigüéis', 'a-ve-ri-güéis'],
  ['Sí', 'sí'],
])('%s is %s', (word, syllabified) => {
  expect(spanishSyllables(word)).toBe(syllabified.split('-').length);
});

it('counts the letters of a name as written, and nothing as no syllable', () => {
  expect(spanishSyllables('LLA')).toBe(1);
  expect(spanishSyllables('')).toBe(0);
});
