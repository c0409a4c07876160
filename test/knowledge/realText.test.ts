import { understand } from '../../knowledge/understand';
import { accentedForms, isRealWord } from '../../knowledge/dictionary';
import type { ItemId, Locale } from '../../knowledge/ids';

// Issue 23: understanding measured on real people's words. One table per kind of miss the
// issue lists, in both languages. Each row fails when its rule is taken out.

type Expect = { present?: ItemId[]; absent?: ItemId[]; explain?: ItemId; answer?: 'yes' | 'no' | 'unsure' | null };

const sorted = (ids: readonly string[]) => [...ids].sort();

function expectReading(locale: Locale, text: string, expected: Expect): void {
  const got = understand(text, locale);
  expect({ present: sorted(got.present), absent: sorted(got.absent) }).toEqual({
    present: sorted(expected.present ?? []),
    absent: sorted(expected.absent ?? []),
  });
  if (expected.explain !== undefined) expect(got.explain).toBe(expected.explain);
  if (expected.answer !== undefined) expect(got.answer).toBe(expected.answer);
}

describe('the word lists spelling repair asks first', () => {
  it.each<[Locale, string, boolean]>([
    ['en', 'tried', true],
    ['en', 'breaking', true],
    ['en', 'radiates', true],
    ['en', 'fevr', false],
    ['en', 'tierd', false],
    ['es', 'pierna', true],
    ['es', 'cansancio', true],
    ['es', 'anos', true], // años, its accent and ñ put back
    ['es', 'fiebr', false],
    ['es', 'moreton3s', false],
  ])('%s "%s" is a word: %s', (locale, word, real) => {
    expect(isRealWord(word, locale)).toBe(real);
  });

  it('puts back one accent and an ñ', () => {
    expect(accentedForms('ano')).toEqual(expect.arrayContaining(['ano', 'año', 'anó', 'áno']));
  });
});

describe('real words are never mended into symptoms; typos still are', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'I tried a lot of cream but still the same skin problem', {}],
    ['en', 'my face keeps breaking out in pimples', {}],
    ['en', 'so tierd all the time', { present: ['fatigue'] }],
    ['en', 'i have a fevr', { present: ['fever'] }],
    ['en', 'lost my apatite', { present: ['weight_loss_appetite'] }],
    ['es', 'tengo fiebr', { present: ['fever'] }],
    ['es', 'me salen moreton3s', { present: ['easy_bruising'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('stems that collide are kept apart, and words that mean another thing', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'a burning feeling that radiates down my arm', {}],
    ['en', 'a cyst in my sebaceous glands', {}],
    ['es', 'tengo las glándulas sebáceas inflamadas', {}],
    ['en', 'I have muscle pain in my left leg', {}],
    ['es', 'tengo dolor muscular en la pierna', {}],
    ['en', 'my body temperature is very low', {}],
    ['en', 'I am on blood thinners', {}],
    ['en', 'pain deep in my leg bones', { present: ['bone_pain'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('owners, idioms and causes', () => {
  it.each<[Locale, string, Expect]>([
    // animals, objects and other people own their symptom
    ['en', 'my dog lost weight', {}],
    ['en', 'my tattoo is bruised', {}],
    ['en', 'my aunt had a lymph node biopsy', {}],
    ['es', 'mi perro está bajando de peso', {}],
    ['es', 'mi gato no quiere comer', {}],
    // figurative fever, a pale beer
    ['en', 'I am feverishly revising for exams', {}],
    ['es', 'tengo fiebre mundialista', {}],
    ['en', 'I had a pale ale last night', {}],
    // an injury, a fall, a jab or a wound explains bruises, pain, colour and spots away
    ['en', 'bruise on my arm from the flu jab', {}],
    ['es', 'me caí de la bici y tengo un moretón en la pierna', {}],
    ['en', 'my grandson cut his foot and now the foot is turning gray', {}],
    // unless the cause is denied or slight, or stands before a "but"
    ['es', 'me salen moretones sin darme golpes', { present: ['easy_bruising'] }],
    ['es', 'me salen moretones de la nada', { present: ['easy_bruising'] }],
    ['en', 'I bruise really easily, even from the smallest bump', { present: ['easy_bruising'] }],
    ['en', 'he plays football but lately he bruises from nothing', { present: ['easy_bruising'] }],
    // a denial is never explained away
    ['en', 'no bruises, but she has been running fevers', { present: ['fever'], absent: ['easy_bruising'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));

  it('another person in a check about me is theirs; in a check about them it is read', () => {
    expect(understand('my mum is pale', 'en').present).toEqual([]);
    expect(understand('my mum is pale', 'en', 'someone').present).toEqual(['pale_skin']);
    expect(understand('mi mamá está muy pálida', 'es').present).toEqual([]);
  });
});

describe('a normal or good state of what an item is about denies it', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'my appetite is huge', { absent: ['weight_loss_appetite'] }],
    ['en', 'full of beans today', { absent: ['fatigue'] }],
    ['en', 'rosy as ever', { absent: ['pale_skin'] }],
    ['en', 'my colour is good but my gums bleed', { present: ['bleeding_gums'], absent: ['pale_skin'] }],
    ['es', 'tengo buen color y respiro perfecto', { absent: ['pale_skin', 'shortness_of_breath'] }],
    ['es', 'sigo en mis 62 kilos', { absent: ['weight_loss_appetite'] }],
    ['es', 'ando con todas las pilas', { absent: ['fatigue'] }],
    // a thermometer reading of 37.2 or less is no fever
    ['en', 'temp 36.7 today, no bruising', { absent: ['fever', 'easy_bruising'] }],
    ['es', 'temperatura 36,5 esta mañana', { absent: ['fever'] }],
    // "bien" before a word of the other kind says "very", not "fine"
    ['es', 'me siento bien weak', { present: ['fatigue'] }],
    // a negation turns the good state round, and an item named wins
    ['en', 'my colour is not great', {}],
    ['en', 'my appetite is not good', { present: ['weight_loss_appetite'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('clinical negation denies its whole list', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'ROS neg for fatigue, fevers, wt loss, bruising', { absent: ['fatigue', 'fever', 'weight_loss_appetite', 'easy_bruising'] }],
    ['en', 'neg for LAD, afebrile', { absent: ['swollen_lymph_nodes', 'fever'] }],
    ['en', 'negative for fever and night sweats', { absent: ['fever'] }],
    ['es', 'negativo para fiebre, pérdida de peso y cansancio', { absent: ['fever', 'weight_loss_appetite', 'fatigue'] }],
    ['es', 'niega fiebre y sudores', { absent: ['fever'] }],
    // a list opened by "no" keeps a denial phrase a denial
    ['en', 'no spots, no bruises, gums ok', { absent: ['petechiae', 'easy_bruising', 'bleeding_gums'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('short answers', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['en', '100% yes', 'yes'],
    ['en', 'yh', 'yes'],
    ['en', 'negatory', 'no'],
    ['en', 'not reely', 'no'],
    ['en', 'honestly couldnt tell you', 'unsure'],
    ['en', 'I think so yeah', 'yes'],
    ['es', 'pos no', 'no'],
    ['es', 'nanay', 'no'],
    ['es', 'que no, que no', 'no'],
    ['es', 'no sabría decirte', 'unsure'],
    // a report is no "yes": "I have" opens it, but three words follow
    ['en', 'I have blurred vision', null],
    ['en', 'I have cloudy eyes', null],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });
});

describe('both languages in one message', () => {
  it.each<[Locale, string, Expect]>([
    ['es', 'me duelen los bones', { present: ['bone_pain'] }],
    ['en', 'my gums bleed cuando me cepillo', { present: ['bleeding_gums'] }],
    ['en', 'no fever, pero estoy muy cansada', { present: ['fatigue'], absent: ['fever'] }],
    // the conversation's "pero" ends the English reading's clause: the "no" does not reach "weak"
    ['es', 'no tengo fever, pero me siento bien weak', { present: ['fatigue'], absent: ['fever'] }],
    ['en', 'tengo como bolitas in my neck', { present: ['swollen_lymph_nodes'] }],
    ['es', 'me salieron unos bruises en las piernas y no me pegué', { present: ['easy_bruising'] }],
    // the other language counts only through its own words: "dotor" is no English "dot"
    ['es', 'el dotor dijo que tengo asucar en la sangre', {}],
    // and the conversation's language says what is a question
    ['es', '¿es normal tener bruises si uno toma aspirina?', {}],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));

  it('the conversation language wins a conflict', () => {
    // English reads "no bruises"; the Spanish reading of "moretones si" would say the opposite.
    const got = understand('no bruises, moretones no tengo', 'en');
    expect(got.absent).toContain('easy_bruising');
    expect(got.present).not.toContain('easy_bruising');
  });
});

describe('questions are not reports; a report with a question keeps both', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'wait wats petechiae', { explain: 'petechiae' }],
    ['es', 'oye, ¿qué son las petequias?', { explain: 'petechiae' }],
    ['en', 'is a lump in your armpit always cancer??', {}],
    ['en', 'can leukemia make you lose weight', {}],
    ['es', '¿es normal que a los viejitos les salgan moretones?', {}],
    ['en', 'I am exhausted and my gums bleed. What is a lymph node anyway?', { present: ['fatigue', 'bleeding_gums'], explain: 'swollen_lymph_nodes' }],
    // "can't" is no question
    ['en', "can't breathe properly", { present: ['shortness_of_breath'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('fillers and treatment now', () => {
  it.each<[Locale, string, Expect]>([
    ['en', 'idk ive been rly tired and my gums bleed lol', { present: ['fatigue', 'bleeding_gums'] }],
    ['es', 'nose, ando muy cansada jaja', { present: ['fatigue'] }],
    ['en', 'I am on chemo for breast cancer', { present: ['prior_cancer_treatment'] }],
    ['es', 'estoy en quimio por cáncer de mama', { present: ['prior_cancer_treatment'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch H, in other words than its cases', () => {
  it.each<[Locale, string, Expect]>([
    // Farm animals and grandchildren own their signs.
    ['en', 'our goat has stopped eating and lost weight', { present: [], absent: [] }],
    ['es', 'la vaca no come y está flaca', { present: [], absent: [] }],
    // A long past said as "some time ago" or by the seasons since.
    ['en', 'I had a bad fever with typhoid some time ago', { present: [], absent: [] }],
    ['es', 'hace tres inviernos tuve fiebre muy alta por una gripe', { present: [], absent: [] }],
    // Causes that explain a bruise: thrown from a horse, a paintball, a knock, a jab.
    ['en', 'got thrown off a horse on Sunday and my thigh is black and blue', { present: [], absent: [] }],
    ['es', 'me di un porrazo con la cama y tengo un moretón en la pierna', { present: [], absent: [] }],
    ['es', 'me vacunaron ayer y tengo morado donde me pincharon', { present: [], absent: [] }],
    // Radiation as cancer treatment is treatment, not an exposure.
    ['en', 'had chemo and radiation for Hodgkin years ago, in remission since', { present: ['prior_cancer_treatment'] }],
    // Spots on a pillow are stains; a football fever is a mood.
    ['en', 'my gums bleed at night, there are red spots on my pillow', { present: ['bleeding_gums'] }],
    ['en', 'footy fever in our house tonight', { present: [], absent: [] }],
    // "wat" asks.
    ['en', 'wat are petechiae', { present: [], absent: [] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch H (recall), in other words than its cases', () => {
  it.each<[Locale, string, Expect]>([
    // Temperatures said in words, as dictation writes them.
    ['en', 'her temp was thirty nine point one last night', { present: ['fever'] }],
    ['en', 'he has been running a hundred and two since Monday', { present: ['fever'] }],
    ['es', 'amaneció con treinta y ocho y medio', { present: ['fever'] }],
    // Weight lost said by the measure.
    ['en', 'I have dropped a stone without dieting', { present: ['weight_loss_appetite'] }],
    // Register words: Scots, Guaraní, clinical Spanish; feeling like trash is feeling unwell.
    ['en', "I'm totally done in and my shins hurt", { present: ['fatigue', 'bone_pain'] }],
    ['en', 'my wee boy looks peely wally', { present: ['pale_skin'] }],
    ['es', 'hiporexia de dos semanas', { present: ['weight_loss_appetite'] }],
    ['en', 'body dey hot me since morning', { present: ['fever'] }],
    // Two halves that mean nothing alone are read as the word they make ("res pirar").
    ['es', 'me cuesta res pirar desde ayer', { present: ['shortness_of_breath'] }],
    ['en', 'I feel like garbage all week', { present: ['fatigue'] }],
    // A good state, in regional and clinical words, denies.
    ['es', 'de apetito bárbaro, como de todo', { absent: ['weight_loss_appetite'] }],
    ['es', 'eupneico, normocoloreado', { absent: ['shortness_of_breath', 'pale_skin'] }],
    ['en', 'eating like a pig, energy is decent', { absent: ['weight_loss_appetite', 'fatigue'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch I, in other words than its cases', () => {
  it.each<[Locale, string, Expect]>([
    // A good state in the registers of the batch denies.
    ['en', 'no fever, and his energy is through the roof', { absent: ['fever', 'fatigue'] }],
    ['en', 'she is putting away two plates at dinner', { absent: ['weight_loss_appetite'] }],
    ['es', 'estoy como un roble, sin fiebre', { absent: ['fatigue', 'fever'] }],
    ['es', 'come caleta y no tiene fiebre', { absent: ['weight_loss_appetite', 'fever'] }],
    // Words people use for a sign: short of breadth, short of puff, outta breath, porotos, magullar.
    ['en', 'I get short of breadth on the stairs', { present: ['shortness_of_breath'] }],
    ['en', 'always outta breath lately', { present: ['shortness_of_breath'] }],
    ['es', 'le salieron unos porotos en el cuello', { present: ['swollen_lymph_nodes'] }],
    ['es', 'me magullo con nada', { present: ['easy_bruising'] }],
    ['en', 'he wakes up hot and shivery', { present: ['fever'] }],
    ['en', 'years of cytotoxic drug handling at the pharmacy', { present: ['chemical_radiation_exposure'] }],
    // Not a sign of the person's: a figure of speech, a game.
    ['en', 'he has been a pale shadow of himself since the funeral', { present: [] }],
    ['es', 'con este partido tengo una fiebre que no veas', { present: [] }],
    ['es', 'un pelotazo en el fútbol me dejó la pierna morada', { present: [] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));

  it.each<[Locale, string, 'yes' | 'no' | 'unsure']>([
    // An answer, then a reason that names nothing.
    ['en', "not sure, I'd have to ask her dad", 'unsure'],
    ['es', 'no, eso no, ya le digo que no', 'no'],
    ['es', 'sí, sí ha tenido, desde el domingo', 'yes'],
    ['es', 'no cacho, la verdad', 'unsure'],
    ['es', 'nombre, ni por cerca', 'no'],
  ])('%s: %s -> %s', (locale, text, answer) => expectReading(locale, text, { answer }));
});

describe('kinds found by batches J and K, in other words than their cases', () => {
  it.each<[Locale, string, Expect]>([
    // A question that opens on a condition asks about what may come; it reports nothing.
    ['en', 'if she gets a temperature tonight, do I ring you?', { present: [] }],
    ['es', 'si le salen puntitos rojos, ¿le escribo otra vez?', { present: [] }],
    ['en', 'hypothetically, how big is a swollen gland?', { present: [] }],
    // Forms and lists: one line each, a tick reports, a cross denies.
    ['en', '✓ bruising on his legs\n✗ temperature', { present: ['easy_bruising'], absent: ['fever'] }],
    ['es', '✔ cansancio\n✘ fiebre', { present: ['fatigue'], absent: ['fever'] }],
    // Exposure by its well-known names; register words for tiredness and a hot body.
    ['en', 'we lived next to burn pits on my deployment', { present: ['chemical_radiation_exposure'] }],
    ['es', 'tuve una sobreexposición en el trabajo con rayos x', { present: ['chemical_radiation_exposure'] }],
    ['en', 'my son is having hotness of body since morning', { present: ['fever'] }],
    ['en', "I'm proper jiggered every afternoon", { present: ['fatigue'] }],
    ['es', 'ando hecha pelota toda la semana', { present: ['fatigue'] }],
    // Over and explained: "back then", a bruise from a knock said plainly.
    ['en', 'had bronchitis in 2015 and could not breathe well back then', { present: [] }],
    ['en', 'whacked my knee on the car door, big bruise', { present: [] }],
    ['es', 'me di contra la mesa y me salió un moretón', { present: [] }],
    // A fever that will not come down is a fever (batch M), in both languages.
    ['es', 'la fiebre no le baja desde el martes', { present: ['fever'] }],
    ['en', "her temperature isn't coming down", { present: ['fever'] }],
    // Register words of batch M: gingiva, a haematoma, tuckered out, hot and shaking, hot hot.
    ['en', 'my gingiva bleed when I floss', { present: ['bleeding_gums'] }],
    ['en', 'a big haematoma on my shin, no knock I can remember', { present: ['easy_bruising'] }],
    ['en', 'plumb tuckered out every evening', { present: ['fatigue'] }],
    ['en', 'the little one is hot hot since yesterday', { present: ['fever'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found across the item batches C-M (night of 2026-12-03), in other words than their cases', () => {
  it.each<[Locale, string, Expect]>([
    // Sleeping far more than one did is tiredness; sleeping for a purpose is not.
    ['en', "he's been napping longer than normal", { present: ['fatigue'] }],
    ['en', 'he sleeps half the day now', { present: ['fatigue'] }],
    ['es', 'mi niña duerme más que antes, medio día se la pasa dormida', { present: ['fatigue'] }],
    ['en', 'I take a pill to sleep more hours', { present: [] }],
    // "Tired of" something is being fed up with it.
    ['en', "honestly I'm tired of the traffic on this road", { present: [] }],
    ['en', 'sick and tired of my landlord', { present: [] }],
    ['en', 'no get up and go at all lately', { present: ['fatigue'] }],
    // Energy to spare denies tiredness; a weak feeling in a Caribbean register reports it.
    ['en', 'she has heaps of energy, runs all morning', { absent: ['fatigue'] }],
    ['es', 'anda con energía pa dar', { absent: ['fatigue'] }],
    ['es', 'me siento floja desde el lunes', { present: ['fatigue'] }],
    // An opening that only sounds negative does not deny what follows.
    ['en', 'not gonna lie, I have been so tired this month', { present: ['fatigue'] }],
    ['es', 'no pues, ando cansadísima', { present: ['fatigue'] }],
    ['es', 'qué moretones ni qué nada, está perfecta', { absent: ['easy_bruising'] }],
    // "Bien" before an adverb says "very": "me canso bien rápido" reports.
    ['es', 'se cansa bien pronto jugando', { present: ['fatigue'] }],
    // A review of systems by its signs: a plus reports, a minus denies; bullets are no minus.
    ['en', 'ROS: + bruising, - fevers, - weight loss', { present: ['easy_bruising'], absent: ['fever', 'weight_loss_appetite'] }],
    ['es', '(+) palidez (-) fiebre', { present: ['pale_skin'], absent: ['fever'] }],
    ['es', '- palidez\n- moretones', { present: ['pale_skin', 'easy_bruising'] }],
    // A reading: a decimal never ends the sentence; a question about a number reports nothing;
    // a normal reading said after a dictated "no fever" denies it, in Fahrenheit too.
    ['en', 'is 37.6 a temperature to worry about?', { present: [] }],
    ['es', '¿37,5 ya es fiebre?', { present: [] }],
    ['es', 'mi hija tuvo 38,4 anoche, ¿es mucho?', { present: ['fever'] }],
    ['en', 'no fever she has ninety eight point four', { absent: ['fever'] }],
    ['es', 'no tiene fiebre tiene 36,9', { absent: ['fever'] }],
    // Someone else's: a flatmate, a boyfriend; long ago: in college, the year before last.
    ['en', 'my flatmate has had a temperature since Monday', { present: [] }],
    ['es', 'mi novia anda muy pálida', { present: [] }],
    ['en', 'I had a fever for a month in college, never since', { present: [] }],
    ['en', 'the summer before last I got terrible bruises after a fall', { present: [] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('short answers and appetite found across batches C-M, in other words than their cases', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    // An answer word said long: "nooo" arrives as "noo".
    ['en', 'yesss', 'yes'],
    ['es', 'noooo', 'no'],
    ['es', 'claroo', 'yes'],
    // A question back about our question is part of the answer, before or after it.
    ['en', 'no... how come?', 'no'],
    ['es', 'sí, ¿por qué lo pregunta?', 'yes'],
    ['es', '¿es grave? no', 'no'],
    // A doubt keeps an unpunctuated reason, as dictation writes it.
    ['en', 'I could not tell you we never checked', 'unsure'],
    // Endearments and interjections are tags.
    ['es', 'no mi vida', 'no'],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });

  it.each<[Locale, string, Expect]>([
    // Refusing food or the bottle, eating little, weight coming off.
    ['en', 'the baby keeps refusing her bottle and won’t feed properly', { present: ['weight_loss_appetite'] }],
    ['en', 'he is eating so little these days', { present: ['weight_loss_appetite'] }],
    ['en', 'my weight keeps dropping and I am not dieting', { present: ['weight_loss_appetite'] }],
    ['es', 'mi bebé no quiere ni el biberón', { present: ['weight_loss_appetite'] }],
    ['es', 'a la niña no le entra nada desde el sábado', { present: ['weight_loss_appetite'] }],
    ['es', 'come como un pajarito, casi nada', { present: ['weight_loss_appetite'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch N, in other words than its cases', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['en', 'yes and no, depends on the week', 'unsure'],
    ['es', 'sí y no, depende', 'unsure'],
    ['en', 'I no sabi o', 'unsure'],
    ['en', "that's a negative", 'no'],
    ['es', 'manam', 'no'],
    ['es', 'no... espera, que sí', 'yes'],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });

  it.each<[Locale, string, Expect]>([
    // "X is not there" denies; taking a temperature is no fever; a reading by its thermometer is.
    ['en', 'bleeding from gums is not there', { absent: ['bleeding_gums'] }],
    ['en', 'I took her temperature this morning, she is fine', { present: [] }],
    ['es', 'le tomé la temperatura y está normal', { present: [] }],
    ['es', 'el termómetro marca 39 desde anoche', { present: ['fever'] }],
    ['en', 'the thermometer says 103', { present: ['fever'] }],
    // Breath in Pidgin; sleeping the whole day; strength going; less energy.
    ['en', 'my breath no di come well when I walk', { present: ['shortness_of_breath'] }],
    ['en', 'the baby just sleeps the whole day', { present: ['fatigue'] }],
    ['en', 'my strength is going, I can barely work', { present: ['fatigue'] }],
    ['es', 'se le van las fuerzas en la tarde', { present: ['fatigue'] }],
    ['es', 'se me va el aire subiendo la loma', { present: ['shortness_of_breath'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('a report with a question after it, and eating well (batch N, in other words)', () => {
  it.each<[Locale, string, Expect]>([
    // A topic then a question about it asks; what someone has, then a question, still reports.
    ['en', 'swollen glands, are they always serious?', { present: [] }],
    ['en', 'tiny red dots, what would cause those?', { present: [] }],
    ['es', 'tengo fiebre de 39 desde ayer, me voy pa urgencias o q?', { present: ['fever'] }],
    ['en', 'her legs ache every night, could that be growing pains?', { present: ['bone_pain'] }],
    // Eating well by what is eaten.
    ['en', 'he cleared his plate and asked for seconds', { absent: ['weight_loss_appetite'] }],
    ['es', 'la niña come como un lobo', { absent: ['weight_loss_appetite'] }],
    ['en', 'not hungry at all lately', { present: ['weight_loss_appetite'] }],
    // A pet's, laughter.
    ['es', 'mis gatos no quieren comer', { present: [] }],
    ['es', 'me ahogaba de la risa con ese video', { present: [] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch O, in other words than its cases', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['en', "I'd have to check with my wife", 'unsure'],
    ['en', 'she says yes', 'yes'],
    ['en', 'not a lick', 'no'],
    ['es', 'sepa la bola, la verdad', 'unsure'],
    ['es', 'ni de vaina, compadre', 'no'],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });

  it.each<[Locale, string, Expect]>([
    // South African English with Afrikaans words.
    ['en', 'ek is so moeg and my face is bleek', { present: ['fatigue', 'pale_skin'] }],
    ['en', 'koors since the weekend', { present: ['fever'] }],
    ['en', 'my tandvleis bleed when I eat an apple', { present: ['bleeding_gums'] }],
    // Eating well, said as people say it; short of wind; a hypothetical fever; animals.
    ['en', 'she eats three square meals and snacks', { absent: ['weight_loss_appetite'] }],
    ['es', 'la niña come como lima nueva', { absent: ['weight_loss_appetite'] }],
    ['en', 'short of wind on the hill these days', { present: ['shortness_of_breath'] }],
    ['en', 'what if she gets a fever at night, do I call?', { present: [] }],
    ['en', 'the heifer has a fever and the vet is coming', { present: [] }],
    ['es', 'anda amodorrado toda la tarde', { present: ['fatigue'] }],
    ['es', 'me siento calenturienta desde ayer', { present: ['fever'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('kinds found by batch P, in other words than its cases', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['es', 'no... espera, sí, perdón', 'yes'],
    ['en', 'ask my husband, he would know', 'unsure'],
    ['es', 'pues la mera verdad que sí', 'yes'],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });

  it.each<[Locale, string, Expect]>([
    // "No problem" denies nothing; Tagalog and Portuguese words in a message.
    ['en', 'weight the same, I eat well, no problem with food', { absent: ['weight_loss_appetite'] }],
    ['en', 'nilalagnat siya since Tuesday', { present: ['fever'] }],
    ['en', 'wala pong lagnat', { absent: ['fever'] }],
    ['es', 'mi irmão tuvo leucemia de niño', { present: ['sibling_with_all'] }],
  ])('%s: %s', (locale, text, expected) => expectReading(locale, text, expected));
});

describe('answers found by batch Q, in other words than its cases', () => {
  it.each<[Locale, string, 'yes' | 'no' | 'unsure' | null]>([
    ['en', 'haan ji', 'yes'],
    ['en', 'nahi ji', 'no'],
    ['en', 'pa konnen', 'unsure'],
    ['es', 'ni pensarlo, está sanito', 'no'],
    ['es', 'a ratos sí y a ratos no', 'unsure'],
    ['es', 'no, espérese, sí', 'yes'],
  ])('%s: %s -> %s', (locale, text, answer) => {
    expect(understand(text, locale).answer).toBe(answer);
  });
});
