import { understand } from '../../knowledge/understand';
import type { Locale } from '../../knowledge/ids';

// Red flags in two tiers. The first rows are phrases the conversation's own tests rely on:
// keep them giving exactly this.
describe('red flags', () => {
  it.each<[Locale, string, 'clear' | 'possible', string]>([
    ['en', 'she took a handful of tablets', 'possible', 'overdose'],
    ['es', 'se tomó muchas pastillas', 'possible', 'overdose'],
    ['en', 'my son is on chemo and has a fever', 'clear', 'fever_on_treatment'],
    ['es', 'mi hija está en quimio y tiene fiebre', 'clear', 'fever_on_treatment'],
    ['en', "I can't breathe", 'clear', 'breathing'],
    ['es', 'no puedo respirar', 'clear', 'breathing'],
    ['es', 'no puedo respirar bien', 'clear', 'breathing'],
    ['en', 'she fainted once, is that bad?', 'possible', 'fainting'],
    ['en', 'he is having a seizure right now, he had one years ago too', 'possible', 'seizure'],
    ['en', 'I took 30 paracetamol', 'possible', 'overdose'],
    ['es', 'me tomé 20 pastillas', 'possible', 'overdose'],
    ['en', "he's not breathing", 'clear', 'breathing'],
    ['en', 'my baby stopped breathing', 'clear', 'breathing'],
    ['en', 'my chest is killing me rn', 'clear', 'chest_pain'],
    // Ribs sinking in is an explicit sign of a baby working to breathe (issue 19): clear.
    ['es', 'el bebé se quejaba y se le hundían las costillas', 'clear', 'breathing'],
    ['en', "my kid is limp and won't respond", 'clear', 'fainting'],
    ['es', 'mi papá no puede hablar y tiene la boca chueca', 'clear', 'stroke'],
  ])('%s "%s" -> %s %s', (locale, text, tier, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, tier: got.emergencyTier, kind: got.emergencyKind }).toEqual({ emergency: true, tier, kind });
  });

  // The same words long past, about a topic, or asked as a hypothetical are no emergency now.
  it.each<[Locale, string]>([
    ['en', 'I took my pills this morning'],
    ['en', 'my uncle had a seizure in 1998'],
    ['en', 'I passed out when I was a kid'],
    ['en', 'what do I do if someone is choking?'],
    ['en', 'our teacher talked about strokes in health class'],
    ['en', 'no chest pain'],
    ['en', "I'm not having any trouble breathing"],
    ['en', 'it took 10 minutes to stop'],
    ['en', 'I take 2 pills a day'],
    ['es', 'de chiquita tuve convulsiones'],
    ['es', '¿qué hago si alguien se desmaya?'],
    ['es', 'hace años me desmayé'],
  ])('%s "%s" -> no emergency', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('unlisted things and doubt', () => {
  it.each<[Locale, string, string[]]>([
    ['en', 'I wake up with night sweats', ['night_sweats']],
    ['en', 'she has had a headache all week', ['headache']],
    ['es', 'tengo dolor de cabeza', ['headache']],
    ['en', 'no headache', []],
  ])('%s "%s" -> unlisted %j', (locale, text, unlisted) => {
    expect(understand(text, locale).unlisted).toEqual(unlisted);
  });

  it.each<[Locale, string, string[]]>([
    ['en', 'not sure about the lymph nodes', ['swollen_lymph_nodes']],
    ['es', 'no sé si tiene fiebre', ['fever']],
    ['en', 'maybe a bit pale? hard to say', ['pale_skin']],
    ['es', 'está pálida, no sé', ['pale_skin']],
  ])('%s "%s" -> unsure %j', (locale, text, unsure) => {
    const got = understand(text, locale);
    expect(got.unsure).toEqual(unsure);
    expect([...got.present, ...got.absent]).toEqual([]);
  });
});
