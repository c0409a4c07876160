import { understand } from '../../knowledge/understand';
import type { ItemId, Locale } from '../../knowledge/ids';
import { compileLocale } from '../../knowledge/compile';
import { knowledgeData } from '../../knowledge/load';

type Expect = { present?: ItemId[]; absent?: ItemId[] };

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('reports and denials', () => {
  it.each<[Locale, string, Expect]>([
    // single reports in lay words
    ['en', 'my legs ache deep in the bones at night', { present: ['bone_pain'] }],
    ['en', 'there is blood on my toothbrush', { present: ['bleeding_gums'] }],
    ['en', 'she is burning up', { present: ['fever'] }],
    ['en', 'he looks white as a ghost', { present: ['pale_skin'] }],
    ['en', 'black and blue marks all over her legs', { present: ['easy_bruising'] }],
    ['en', 'tiny purple dots on his chest', { present: ['petechiae'] }],
    ['en', 'completely wiped out every afternoon', { present: ['fatigue'] }],
    ['en', 'a lump in my neck that feels like a swollen gland', { present: ['swollen_lymph_nodes'] }],
    ['en', 'I get winded walking to the car', { present: ['shortness_of_breath'] }],
    ['en', 'my clothes are loose and I have no appetite', { present: ['weight_loss_appetite'] }],
    ['en', 'my sister had leukemia as a kid', { present: ['sibling_with_all'] }],
    ['en', 'my son has down syndrome', { present: ['genetic_syndrome'] }],
    ['en', 'I was around benzene at the plant', { present: ['chemical_radiation_exposure'] }],
    ['en', 'I had radiation therapy for breast cancer', { present: ['prior_cancer_treatment'] }],
    ['es', 'le duelen los huesos a mi hijo', { present: ['bone_pain'] }],
    ['es', 'me sangra la boca al cepillarme', { present: ['bleeding_gums'] }],
    ['es', 'el niño tiene calentura', { present: ['fever'] }],
    ['es', 'está blanca como el papel', { present: ['pale_skin'] }],
    ['es', 'le salen moretes sin golpearse', { present: ['easy_bruising'] }],
    ['es', 'tiene puntitos rojos en la panza', { present: ['petechiae'] }],
    ['es', 'ando sin fuerzas', { present: ['fatigue'] }],
    ['es', 'tengo una bolita en la axila', { present: ['swollen_lymph_nodes'] }],
    ['es', 'me quedo sin aliento', { present: ['shortness_of_breath'] }],
    ['es', 'no quiere comer nada', { present: ['weight_loss_appetite'] }],
    ['es', 'mi hermano gemelo tuvo leucemia', { present: ['sibling_with_all'] }],
    ['es', 'mi hija tiene anemia de Fanconi', { present: ['genetic_syndrome'] }],
    ['es', 'trabajé con químicos tóxicos', { present: ['chemical_radiation_exposure'] }],
    ['es', 'me dieron quimio hace años', { present: ['prior_cancer_treatment'] }],
    // negation scope
    ['en', 'no fever tho', { absent: ['fever'] }],
    ['en', 'never had chemo', { absent: ['prior_cancer_treatment'] }],
    ['en', 'without any bruising', { absent: ['easy_bruising'] }],
    ['en', 'none of my siblings had leukemia', { absent: ['sibling_with_all'] }],
    ['en', 'my gums are fine', { absent: ['bleeding_gums'] }],
    ['es', 'moretones, fiebre ninguna', { present: ['easy_bruising'], absent: ['fever'] }],
    ['es', 'bolitas ni una', { absent: ['swollen_lymph_nodes'] }],
    ['en', 'no fever, bruises or spots', { absent: ['fever', 'easy_bruising', 'petechiae'] }],
    ['en', 'no fever, I am just tired', { present: ['fatigue'], absent: ['fever'] }],
    ['en', 'I have no appetite', { present: ['weight_loss_appetite'] }],
    ['en', 'I have not lost my appetite', { absent: ['weight_loss_appetite'] }],
    ['en', 'she eats well but is pale', { present: ['pale_skin'], absent: ['weight_loss_appetite'] }],
    ['en', 'tired no matter how much I rest', { present: ['fatigue'] }],
    ['en', 'fever yes, bruises no', { present: ['fever'], absent: ['easy_bruising'] }],
    ['es', 'no tengo fiebre', { absent: ['fever'] }],
    ['es', 'nunca he tenido quimio', { absent: ['prior_cancer_treatment'] }],
    ['es', 'sin moretones', { absent: ['easy_bruising'] }],
    ['es', 'no tiene fiebre ni moretones', { absent: ['fever', 'easy_bruising'] }],
    ['es', 'tampoco tiene fiebre', { absent: ['fever'] }],
    ['es', 'las encías están bien', { absent: ['bleeding_gums'] }],
    ['es', 'no tengo hambre', { present: ['weight_loss_appetite'] }],
    ['es', 'más pálido de lo normal', { present: ['pale_skin'] }],
    ['es', 'come bien pero está cansado', { present: ['fatigue'], absent: ['weight_loss_appetite'] }],
    ['en', 'my mom had breast cancer', {}],
    ['en', 'my dad worked with benzene and I bruise easily', { present: ['easy_bruising'] }],
    ['es', 'mi abuela tuvo cáncer', {}],
    ['es', 'tuve cáncer de mama', { present: ['prior_cancer_treatment'] }],
    ['es', 'fiebre no he tenido', { absent: ['fever'] }],
    ['es', 'moretones no tiene', { absent: ['easy_bruising'] }],
    ['en', 'fever I have not had', { absent: ['fever'] }],
    // typos and shorthand
    ['en', 'fevr n brusing', { present: ['fever', 'easy_bruising'] }],
    ['en', 'swolen glands', { present: ['swollen_lymph_nodes'] }],
    ['es', 'tngo fiebr', { present: ['fever'] }],
    ['es', 'm sangran las ensias', { present: ['bleeding_gums'] }],
  ])('%s: %j', (locale, text, expected) => {
    const result = understand(text, locale);
    expect(sorted(result.present)).toEqual(sorted(expected.present ?? []));
    expect(sorted(result.absent)).toEqual(sorted(expected.absent ?? []));
  });
});

describe('things that are not ALL symptoms map to nothing', () => {
  it.each<[Locale, string]>([
    ['en', 'I have a headache'],
    ['en', 'sore throat and a runny nose'],
    ['en', 'my stomach hurts'],
    ['en', 'itchy rash on my arm'],
    ['en', 'where do I park?'],
    ['es', 'me duele la cabeza'],
    ['es', 'tengo tos y mocos'],
    ['es', 'me duele el estómago'],
    ['es', 'hola'],
    // ordinary words that a loose spelling fallback once turned into symptoms or red flags
    ['en', 'he is a strong kid'],
    ['en', 'I am a worried parent, glad to ask'],
    ['en', 'he loves sports'],
    ['es', 'el desayuno con la maestra fue bonito'],
  ])('%s: %j', (locale, text) => {
    const result = understand(text, locale);
    expect(result.present).toEqual([]);
    expect(result.absent).toEqual([]);
    expect(result.emergency).toBe(false);
  });
});

describe('short answers', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['en', 'yes', 'yes'],
    ['en', 'Yeah!', 'yes'],
    ['en', 'yes please', 'yes'],
    ['en', 'I think so', 'yes'],
    ['en', 'nope', 'no'],
    ['en', 'no', 'no'],
    ['en', 'not really', 'no'],
    ['en', 'nah', 'no'],
    ['en', 'not sure', 'unsure'],
    ['en', 'idk', 'unsure'],
    ['en', 'maybe', 'unsure'],
    ['en', 'no fever', null],
    ['en', 'hello', null],
    ['es', 'sí', 'yes'],
    ['es', 'claro que sí', 'yes'],
    ['es', 'no', 'no'],
    ['es', 'para nada', 'no'],
    ['es', 'no sé', 'unsure'],
    ['es', 'tal vez', 'unsure'],
    ['es', 'no tengo fiebre', null],
  ])('%s: %j -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });
});

describe('emergencies', () => {
  it.each<[Locale, string, string]>([
    ['en', "I can't breathe", 'breathing'],
    ['en', 'his lips are turning blue', 'breathing'],
    ['en', 'the bleeding will not stop', 'bleeding'],
    ['en', 'crushing pain in my chest', 'chest_pain'],
    ['en', 'she fainted', 'fainting'],
    ['en', 'he is having a seizure', 'seizure'],
    ['en', 'my speech is slurred', 'stroke'],
    ['en', 'coughing up blood', 'blood_vomit'],
    ['en', 'I want to end my life', 'self_harm'],
    ['es', 'no puedo respirar', 'breathing'],
    ['es', 'la sangre no para', 'bleeding'],
    ['es', 'dolor fuerte en el pecho', 'chest_pain'],
    ['es', 'se desmayó', 'fainting'],
    ['es', 'está convulsionando', 'seizure'],
    ['es', 'tiene la cara torcida', 'stroke'],
    ['es', 'vomita sangre', 'blood_vomit'],
    ['es', 'me quiero morir', 'self_harm'],
  ])('%s: %j -> %s', (locale, text, kind) => {
    const result = understand(text, locale);
    expect(result.emergency).toBe(true);
    expect(result.emergencyKind).toBe(kind);
  });

  it.each<[Locale, string]>([
    ['en', 'no chest pain'],
    ['en', 'I get out of breath on the stairs'],
    ['en', "I'm not having trouble breathing right now"],
    ['en', 'she is not having trouble breathing'],
    ['es', 'no tengo problemas para respirar'],
    ['en', 'my gums bleed when I brush'],
    ['es', 'no tengo dolor en el pecho'],
    ['es', 'me falta el aire al subir escaleras'],
    ['en', 'I spit blood after I brush my teeth'],
    ['es', 'escupo sangre al cepillarme'],
  ])('not an emergency: %s %j', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('questions are answered, not taken as reports', () => {
  it.each<[Locale, string, { explain?: ItemId; faq?: string }]>([
    ['en', 'what are petechiae?', { explain: 'petechiae' }],
    ['en', 'what is a lymph node', { explain: 'swollen_lymph_nodes' }],
    ['en', 'what is ALL?', { faq: 'what_is_all' }],
    ['en', 'how is leukemia diagnosed?', { faq: 'diagnosis' }],
    ['en', 'is it hereditary?', { faq: 'inherited' }],
    ['en', 'what are the treatment phases?', { faq: 'treatment_phases' }],
    ['en', 'do I need a referral?', { faq: 'appointment' }],
    ['es', '¿qué son las petequias?', { explain: 'petechiae' }],
    ['es', '¿qué es la leucemia?', { faq: 'what_is_all' }],
    ['es', '¿cómo se diagnostica?', { faq: 'diagnosis' }],
    ['es', '¿es contagiosa?', { faq: 'contagious' }],
    ['en', 'can my kids catch it from me?', { faq: 'contagious' }],
    ['es', '¿la leucemia es hereditaria?', { faq: 'inherited' }],
    ['es', '¿cuáles son los factores de riesgo?', { faq: 'risk_factors' }],
  ])('%s: %j', (locale, text, expected) => {
    const result = understand(text, locale);
    expect(result.present).toEqual([]);
    expect(result.explain).toBe(expected.explain ?? null);
    expect(result.faq).toBe(expected.faq ?? null);
  });
});

describe('never throws', () => {
  it.each<[string, unknown]>([
    ['empty', ''],
    ['whitespace', '   \n\t'],
    ['control characters', '\u0000\u0001\u0002'],
    ['lone surrogates', '\ud800\udfff\ud83d'],
    ['emoji only', '🤒😷🩸'],
    ['100 KB', 'x'.repeat(100_000)],
    ['punctuation', '?!?!,,,;;;...'],
    ['not a string', 42],
  ])('%s gives an empty result', (_name, text) => {
    const result = understand(text as string, 'en');
    expect(result).toEqual({ present: [], absent: [], unsure: [], emergency: false, emergencyKind: null, emergencyTier: null, urgencyQuestion: false, urgencyKind: null, unlisted: [], flagAwaiting: null, answer: null, faq: null, explain: null });
  });
});

describe('reading the same message again', () => {
  // understand() keeps nothing between calls (check/reading.ts shares one result within a turn);
  // a result is frozen so that no reader sharing it can change it.
  it('gives an equal, unchangeable result', () => {
    const first = understand('my gums bleed', 'en');
    expect(understand('no fever', 'en').absent).toEqual(['fever']);
    expect(understand('my gums bleed', 'en')).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.present)).toBe(true);
  });
});

describe('FAQ fallback search', () => {
  it('answers a question no pattern caught, and remembers the answer for the same words', () => {
    const index = compileLocale('en', knowledgeData());
    const first = index.faqSearch('how do doctors test for this');
    expect(first).toEqual({ id: expect.any(String), score: expect.any(Number) });
    expect(index.faqSearch('how do doctors test for this')).toBe(first); // the same object: not searched again
    expect(index.faqSearch('purple elephants dancing')).toBeNull();
  });
});
