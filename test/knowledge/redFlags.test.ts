import { understand } from '../../knowledge/understand';
import { redFlagAdvice } from '../../knowledge/redFlags';
import { knowledgeData } from '../../knowledge/load';
import type { Locale } from '../../knowledge/ids';

// Red flags as concepts (issue 19): each kind in both languages and several registers, the
// near misses that must never flag, denials of a normal state, and urgency questions. The
// wordings are ours, written as kinds; none is a sentence of an evaluation batch.

type Wordings = Record<Locale, string[]>;

const SIGNS: Record<string, Wordings> = {
  breathing: {
    en: [
      "he's not breathing",
      'cant breathe help',
      "she can't get any air in",
      'my baby stops breathing for a few seconds at a time',
      'his lips went purple',
      'she is grey around the lips',
      'gasping for air',
      'he is choking on a grape',
      'the skin between his ribs sucks in when he breathes',
      'my throat is closing up',
      'my toddler is wheezing really bad and can barely talk',
      'resp distress, retractions noted',
      'having an asthma attack and my inhaler is not working',
    ],
    es: [
      'no respira',
      'auxilio, casi no puede respirar',
      'el niño está morado',
      'se atragantó con un dulce',
      'mi bebé hace pausas al respirar',
      'no le pasa el aire',
      'se me cierra la garganta',
      'la boca se le puso gris',
      'mi baby no está breathing bien',
      'me falta el aire horrible, no puedo ni hablar',
    ],
  },
  stroke: {
    en: [
      'her face is droopy on one side',
      'his smile is crooked all of a sudden',
      'my left arm and leg went numb suddenly',
      'his speech is slurred',
      "she can't raise her right arm",
      'one side of his mouth is hanging down',
      'suddenly lost vision in one eye',
      "I think she's having a stroke",
    ],
    es: [
      'se le cayó la cara de un lado',
      'tiene la boca chueca',
      'no puede mover el lado derecho',
      'habla arrastrando las palabras',
      'se le durmió el brazo izquierdo de repente',
      'mi papá no puede levantar el brazo izquierdo',
      'de repente no veo nada de un ojo',
      'tiene media cara caída',
    ],
  },
  self_harm: {
    en: [
      'I really want to kill myself',
      'kms',
      'i wanna unalive myself',
      "I don't want to be alive anymore",
      "everyone's better off without me",
      'I wrote a goodbye note',
      "some days I don't want to wake up",
      'my daughter has been cutting herself',
      'I have a plan to end it',
      'i wish i could go to sleep and never wake up',
      'he says he wants to hurt himself',
      "gave away all my stuff, I won't need it where I'm going",
      'nobody would miss me if i was gone',
      'im planning to jump',
    ],
    es: [
      'me quiero matar',
      'no quiero seguir viviendo',
      'he pensado en quitarme la vida',
      'estarían mejor sin mí',
      'mi hijo se corta los brazos',
      'escribí una carta de despedida',
      'ojalá no despertar mañana',
      'tengo ganas de morirme',
      'me quiero tirar del puente',
      'ya no le veo sentido a la vida',
      'ya no quiero estar en este mundo',
    ],
  },
  fainting: {
    en: ['my newborn is floppy and hard to wake', "my baby won't wake up", 'my mom passed out and is not responding', 'she is unconscious'],
    es: ['mi bebé está muy flojito', 'no logro despertar al bebé', 'se desmayó y no reacciona', 'está inconsciente'],
  },
  fever_on_treatment: {
    en: [
      'my son is on chemo and has a fever of 38.5',
      "I'm in the middle of chemo and running a fever",
      'he had chemo last week and now has a fever',
      'mid-treatment, temp 101',
      'on treatment for leukemia and feverish with chills',
    ],
    es: [
      'mi hija está en quimio y tiene fiebre',
      'estoy en tratamiento de leucemia y tengo calentura',
      'le dieron quimio el lunes y hoy tiene 38.4',
      'está en quimio y ahorita tiene 39',
    ],
  },
  seizure: {
    en: ['my son is shaking and his eyes rolled back', "he's having a fit", 'she went stiff and started jerking', 'my daughter is convulsing'],
    es: ['está convulsionando', 'le dio una convulsión', 'se le voltearon los ojos', 'se puso tiesa y empezó a sacudirse'],
  },
  blood_vomit: {
    en: ['throwing up blood', 'his vomit looks like coffee grounds', 'vomited blood clots', 'there is blood in her vomit'],
    es: ['vomita sangre', 'vomitó como posos de café', 'el vómito tiene coágulos de sangre', 'tose sangre'],
  },
  chest_pain: {
    en: [
      'my chest hurts really bad',
      'it feels like an elephant is sitting on my chest',
      'squeezing pain in my chest',
      'my heart hurts',
      'it is like a needle pushing through my heart',
      'feels like a claw in my chest',
      'I cannot bear this pressure in my chest',
    ],
    es: ['me duele el pecho', 'siento opresión en el pecho', 'me duele el corazón muy fuerte', 'me aprieta el pecho como una garra'],
  },
  bleeding: {
    en: ["the bleeding won't stop", "his nose has been bleeding for an hour and won't stop", 'blood is gushing from the cut', "I can't stop the bleeding"],
    es: ['no para de sangrar', 'le sangra la nariz sin parar desde hace una hora', 'está sangrando a chorros'],
  },
  allergic_reaction: {
    en: ['after the peanut butter her tongue started swelling', 'his tongue is swelling after the shrimp', 'we used the epipen already'],
    es: ['le dio alergia al camarón y se le está hinchando la garganta', 'se le hinchó la lengua después de la picadura'],
  },
  overdose: {
    en: ['he drank a bottle of bleach', 'my daughter took 15 of her antidepressants', 'I took way too many sleeping pills'],
    es: ['mi hijo tomó cloro', 'tomé demasiadas pastillas para dormir', 'se tomó un bote de pastillas'],
  },
};

const rows = (table: Record<string, Wordings>) =>
  Object.entries(table).flatMap(([kind, byLocale]) => (['en', 'es'] as const).flatMap((locale) => byLocale[locale].map((text) => [kind, locale, text] as const)));

describe('red flags are kinds of sign, in any wording', () => {
  it.each(rows(SIGNS))('%s: %s "%s"', (kind, locale, text) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });
});

// The same words in the past, about someone on TV or a pet, asked in general, denied, ordinary or
// figurative: no red flag at all (not even the possible tier).
const NEAR_MISSES: Record<string, Wordings> = {
  denial: {
    en: ['nah I breathe fine', 'no trouble breathing', "he's not short of breath at all", 'never had a seizure', "she didn't faint", 'nope, no blood in the vomit'],
    es: ['no, ella respira bien', 'respira normal', 'no tengo dolor de pecho', 'nunca ha convulsionado', 'no se desmayó', 'sin dificultad para respirar'],
  },
  past: {
    en: [
      'I had a seizure when I was 10',
      'my grandpa had a stroke years ago',
      'I tried to kill myself in 2015, doing well now',
      'finished chemo in 2019, now I have a cold and a fever',
      'my granddad died of a heart attack',
      'i had chest pain yesterday but it went away and the ecg was fine',
    ],
    es: ['hace años tuve una convulsión', 'mi abuelo tuvo un infarto en 2010', 'cuando estaba en quimio me daba fiebre', 'terminé la quimio hace años y tengo fiebre'],
  },
  elsewhere: {
    en: ['in the movie he had a heart attack', 'my cat had a seizure', 'my dog threw up blood'],
    es: ['en la película se desmaya', 'mi perro convulsionó', 'a mi gato le dio una convulsión'],
  },
  question: {
    en: [
      'what are the signs of a heart attack?',
      'what should I do if my kid has a seizure?',
      'can leukemia cause bleeding that does not stop?',
      'is chest pain a sign of leukemia?',
      'is coughing blood a symptom of leukemia',
      'do kids with leukemia have seizures?',
    ],
    es: ['¿qué debo hacer si alguien se desmaya en la calle?', '¿qué hago si mi hijo convulsiona?', '¿la leucemia da dolor de pecho?'],
  },
  ordinary: {
    en: [
      'I cut my finger and it bled a little',
      'cut myself on a can and now it is bleeding',
      'I feel faint when I stand up',
      'waking up soaked every night',
      'I get winded on the stairs',
      'my hand falls asleep when I lie on it',
      'my arm hurts so I cannot lift it',
      "he's 40 and on chemo",
      'I gave away old clothes to charity',
      'my kid rolled her eyes at me',
    ],
    es: [
      'me corté el dedo y sangró un poquito',
      'me mareo al levantarme',
      'me despierto empapado',
      'me falta el aire al subir escaleras',
      'se me durmió la pierna de estar sentado',
      'tiene 40 años y está en quimio',
      'tuvo fiebre pero no está en quimio',
      // a word of severity in another clause is not the breathlessness's
      'se agota muchísimo y además le falta el aire',
    ],
  },
  figurative: {
    en: [
      'this heat is killing me',
      'he choked during the exam',
      'almost had a heart attack when the phone rang',
      'she gave me a heart attack sneaking up on me',
      'my heart hurts since my dog died',
      'I want to die laughing',
    ],
    es: ['me muero de sueño', 'me quiero morir de la risa', 'estoy ahogado en deudas', 'casi me da un infarto con la cuenta', 'me duele el corazón porque me dejó mi novio'],
  },
};

describe('near misses never flag', () => {
  it.each(rows(NEAR_MISSES))('%s: %s "%s"', (_kind, locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

// The issue's own examples: a false alarm that cost the check, and (in Spanish) a symptom read as present.
describe('a denial of a normal state is a denial', () => {
  it.each<[Locale, string, string[]]>([
    ['en', "No, I breathe fine, and no lumps I've noticed", ['shortness_of_breath', 'swollen_lymph_nodes']],
    ['en', 'no, breathing is fine', ['shortness_of_breath']],
    ['es', 'no, respira bien', ['shortness_of_breath']],
    ['es', 'no, respiro bien y no tengo bolitas', ['shortness_of_breath', 'swollen_lymph_nodes']],
  ])('%s "%s" -> absent %j, no flag', (locale, text, absent) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, present: got.present, absent: [...got.absent].sort() }).toEqual({ emergency: false, present: [], absent: [...absent].sort() });
  });
});

// Added after batch E2's first sight, by kind: effort and oxygen as a nurse writes them, the body
// part before its colour as Spanish says it, stroke in clinical words, self-harm said indirectly.
describe('kinds found missing by batch E2, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    ['en', 'she can only get out a couple of words between breaths', 'breathing'],
    ['en', 'spo2 86 and he is working hard to breathe', 'breathing'],
    ['en', 'he looks like he is using accessory muscles to breathe', 'breathing'],
    ['es', 'tiene los labios moraditos', 'breathing'],
    ['es', 'saturando 84 en aire ambiente', 'breathing'],
    ['es', 'se le hunden las costillitas al respirar', 'breathing'],
    ['en', 'new onset aphasia since this morning', 'stroke'],
    ['en', 'left sided hemiparesis, started an hour ago', 'stroke'],
    ['es', 'hemiparesia derecha de inicio súbito', 'stroke'],
    ['en', "I've been thinking about ending things", 'self_harm'],
    ['en', 'I just want to go to sleep and not wake up', 'self_harm'],
    ['en', 'i bought a rope and tied a noose', 'self_harm'],
    ['es', 'me quiero aventar de un puente', 'self_harm'],
    ['es', 'me volví a cortar los brazos', 'self_harm'],
    // "nunca más" is a past only as "it never happened again"
    ['es', 'ojalá no despertar nunca más', 'self_harm'],
    ['en', 'coughing up blood all morning', 'blood_vomit'],
    // Treatment said as people spell or name it (found by batch E3).
    ['en', 'shes on kemo and her temp is 39', 'fever_on_treatment'],
    ['en', 'in delayed intensification, fever of 38.6 tonight', 'fever_on_treatment'],
    ['es', 'está en intensificación y tiene 38.5 de fiebre', 'fever_on_treatment'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    ['en', 'my son has a cold, no breathing problems, eating fine'],
    ['en', 'we practised on a CPR dummy in first aid class'],
    ['en', 'my gran had a fit as a child, nothing since'],
    ['es', 'en el curso de primeros auxilios el muñeco no respiraba'],
    ['es', 'hace cinco años tuve dolor de pecho y era muscular'],
    ['es', 'se desmayó una vez y nunca más le pasó'],
    // Swelling that is not an allergic reaction.
    ['en', 'my lip is swollen where I got it pierced'],
    ['en', 'his lymph nodes are swollen'],
    ['es', 'tengo los ganglios inflamados'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found missing by batch E3, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // A sign after a question about where to go: the question does not make the next sentence one.
    ['es', '¿lo llevo a urgencias? está tosiendo sangre', 'blood_vomit'],
    ['en', 'hospital or wait? she coughed up blood an hour ago', 'blood_vomit'],
    // Confusion with a fever, in the fever's time.
    ['en', 'my mum has a temp of 39.8 and she is confused, keeps asking what year it is', 'confusion'],
    ['es', 'mi papá tiene fiebre de 40 y está diciendo puros disparates', 'confusion'],
    // Self-harm: a place with water, a rhetorical question, after a topic, the first person of "tirarse".
    ['en', 'tonight I am going to jump off into the lake and be done', 'self_harm'],
    ['en', "what's the point of living like this", 'self_harm'],
    ['es', '¿para qué seguir viviendo así?', 'self_harm'],
    ['en', 'I watched a documentary about cancer and I think my family would be better off without me', 'self_harm'],
    ['es', 'mañana me aviento del puente', 'self_harm'],
    ['es', 'a veces pienso que sería mejor no despertar', 'self_harm'],
    // Overdose by its signs and by a dose counted.
    ['en', 'she took a triple dose of her oxycodone and is barely awake', 'overdose'],
    ['en', 'he has pinpoint pupils and we cannot keep him awake', 'overdose'],
    ['es', 'la niña se comió las pastillas de su abuelo', 'overdose'],
    ['es', 'se tomó el doble de la dosis', 'overdose'],
    ['en', 'currently on kimo and running 38.9', 'fever_on_treatment'],
    ['es', 'dolor torácico opresivo desde hace una hora', 'chest_pain'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // Someone outside the household, and then the writer turns to themself.
    ["en", "my neighbour's toddler had a seizure at the party, poor thing. I'm okay, just a bit tired"],
    ['es', 'al hijo de mi vecina le dio una convulsión, yo estoy bien, solo tengo sueño'],
    // A clinical denial list, a sore throat, neutropenia without a fever, "figuratively", a question.
    ['es', 'niega dolor torácico, disnea ni síncope'],
    ['en', 'sore throat and swollen tonsils since Monday'],
    ['en', 'my counts came back neutropenic, what does that mean?'],
    ['en', 'this meeting is suffocating me, figuratively speaking'],
    ['en', "what's the point of this form?"],
    // "hace mucho esfuerzo" is effort, not "long ago"; "desde hace mucho" is still going on.
    ['es', 'ya hace mucho que no le dan convulsiones, fue hace mucho'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });

  it('another person\'s sign in the household stays an emergency when the writer says they are fine', () => {
    expect(understand("my husband can't breathe and I'm fine but scared", 'en').emergency).toBe(true);
  });
});

describe('kinds found missing by batch E4, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // Self-harm: the means kept ready, not being around, farewells, slang and misspellings.
    ['en', 'the gun is loaded and sitting in my truck', 'self_harm'],
    ['en', "i won't be around much longer, nobody will notice i was gone", 'self_harm'],
    ['en', 'thinking about sewerslide again', 'self_harm'],
    ['es', 'ya tengo la cuerda lista', 'self_harm'],
    ['es', 'quiero irme de este mundo', 'self_harm'],
    ['es', 'ya no quiero seguir biviendo', 'self_harm'],
    // Fever on treatment told in two sentences: possible, so the person is asked if it is now.
    ['en', 'My dad is on chemo for lymphoma. This evening he is shivering and the thermometer says 38.6', 'fever_on_treatment'],
    ['es', 'Mi hija recibe quimio cada semana. Hoy tiene 38.9 y escalofríos', 'fever_on_treatment'],
    ['en', 'he threw up stuff like coffe grinds', 'blood_vomit'],
    ['en', 'after the cashews her tongue has gone huge and she cannot swallow her spit', 'allergic_reaction'],
    ['es', 'a mi tío se le fue la boca de lado y no puede hablar', 'stroke'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // A sign's words stand near each other: a bleed at the start and "no se quitan" at the end are two things.
    ['es', 'me sangran un poco las encías al lavarme los dientes por la mañana y además tengo unas manchitas en la piel que no se quitan'],
    ['en', 'tiny purple dots on her legs that do not fade when pressed'],
    ['en', 'the doctor felt swollen limp notes in my neck'],
    ['es', 'ando cansado a todas horas y me sangran las encías'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found missing by batch E5, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // Scots negation ("cannae", "disnae") binds like "can't".
    ['en', 'she cannae breathe, her lips are tingling', 'breathing'],
    // Speech broken by breathlessness, and a word that looks like an article ("una" is also uña).
    ['en', 'his words only come out in pieces and he is gasping', 'breathing'],
    ['es', 'no alcanza a terminar una frase sin parar a jalar aire', 'breathing'],
    ['es', 'una niña del grupo tiene la boca gris', 'breathing'],
    // Stroke: a corner of the mouth that hangs; one side gone numb in the past tense.
    ['en', 'the left corner of her mouth is hanging down all of a sudden', 'stroke'],
    ['es', 'de golpe se le durmió todo el lado derecho', 'stroke'],
    // Self-harm by its means and its farewells: hanging, a place, not being a burden, things given away.
    ['en', 'tonight I am going to hang myself in the garage', 'self_harm'],
    ['en', 'I bought a rope this morning and I know where', 'self_harm'],
    ['en', 'I keep picturing walking off the end of the jetty', 'self_harm'],
    ['en', 'I will not be a burden any longer, my sister can have the car', 'self_harm'],
    ['en', 'I already gave my dog to my cousin, thanks for everything', 'self_harm'],
    ['es', 'estoy pensando en ahorcarme', 'self_harm'],
    ['es', 'ya repartí mis cosas entre mis sobrinos', 'self_harm'],
    ['es', 'solo quiero dormir y no levantarme más', 'self_harm'],
    ['es', 'me voy a ir de este mundo esta semana', 'self_harm'],
    // A seizure named by its type; a poison named by what it is for; opioids by street name.
    ['en', 'my dad is having a tonic clonic in the lounge', 'seizure'],
    ['es', 'le está dando una crisis tónico clónica', 'seizure'],
    ['en', 'my toddler swallowed weedkiller from the shed', 'overdose'],
    ['en', 'she took a bunch of percs and her lips are going blue', 'breathing'],
    // Clinical words for blood brought up and for self-harm thoughts.
    ['es', 'paciente con hematemesis desde hace una hora', 'blood_vomit'],
    ['es', 'refiere ideación suicida con plan', 'self_harm'],
    // A temperature in Fahrenheit and English treatment words in a Spanish conversation.
    ['es', 'mi hijo está en chemo y tiene 102 de fiebre', 'fever_on_treatment'],
    // ", ¿" opens a question after a statement: what came before it is still reported.
    ['es', 'mi niña está en quimio y tiene 38.7, ¿la llevo a urgencias?', 'fever_on_treatment'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // Someone outside the household, then the writer turns to themself; Spanish puts the stranger after the verb.
    ['en', 'a cyclist collapsed outside the shop today. I am fine, my own problem is bruising'],
    ['es', 'en el súper se desmayó una señora. Yo estoy bien, pero ando muy cansado'],
    ['es', 'a un muchacho le dio una convulsión en la plaza. Yo solo quería preguntar por mis encías'],
    // Over, past and told: an episode that passed, a bleed that took its time to stop, a show.
    ['en', 'I got dizzy getting out of the shower but it passed in a few seconds'],
    ['en', 'my nosebleed on Sunday took ages to stop, been fine since'],
    ['en', 'back in 05 I had a seizure after a head injury, none since'],
    ['en', 'on tv last night a man coughed up blood on there, is that what leukaemia does?'],
    ['es', 'cuando tenía 19 intenté quitarme la vida. Ya estoy bien y voy a terapia'],
    // Hyperbole: what makes one "want to die" is the traffic.
    ['en', 'this commute makes me want to die'],
    // A general question about how to tell.
    ['es', '¿cómo se da cuenta uno de que alguien está teniendo un derrame?'],
    // The conversation's own negation in the other language's reading; clothes that fit loose.
    ['es', 'estoy en chemo pero sin fever'],
    ['es', 'bajé de peso y la ropa me queda flojita'],
    // A blood sugar reading is no count of pills.
    ['en', 'my sugar is 240 today, which of my meds should I take more of?'],
    // A condition before ", ¿" keeps the question whole.
    ['es', 'si a mi nieto le da fiebre estando en quimio, ¿hay que ir al hospital?'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('registers no batch had yet, and idioms that name a sign', () => {
  it.each<[Locale, string, string]>([
    // Nigerian Pidgin binds a negation through "dey" and "fit"; a baby who "stop breathin".
    ['en', 'my oga no dey respond at all', 'fainting'],
    ['en', 'the baby stop breathing for some seconds', 'breathing'],
    // Dictation splits a word it does not know: the halves mean nothing, the whole does.
    ['es', 'no puede res pirar bien y tiene la boca morada', 'breathing'],
    // "como si" is a simile, not a condition: the sign stays clear.
    ['es', 'me aprieta el pecho como si me pisara un elefante', 'chest_pain'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it('a simile keeps a clear sign clear', () => {
    expect(understand('me aprieta el pecho como si me pisara un elefante', 'es').emergencyTier).toBe('clear');
  });

  it.each<[Locale, string]>([
    // A tantrum, a hot room, nerves on stage, things handed or crossed out, hyperbole.
    ['en', 'my toddler had a fit at the shop because I said no to sweets'],
    ['en', 'the heat in this office is suffocating'],
    ['en', 'I was choking on my words on stage, so nervous'],
    ['en', 'I passed out leaflets all morning'],
    ['en', 'blacked out the dates on the calendar'],
    ['es', 'mi papá va a convulsionar cuando vea mis notas jaja'],
    ['es', 'me desmayo de sueño en clase'],
    // "un chorro" is "a lot": gums that bleed a lot when brushing are no bleeding that will not stop.
    ['es', 'cuando me lavo los dientes me sangran las encías un chorro'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found missing by batch E6, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // Self-harm: notes written, access to a means, not being around after tonight, stepping off a height, cutting deeper.
    ['en', 'I have written letters to my kids and I know where the gun is', 'self_harm'],
    ['en', "I will not be around after tonight, tell everyone I'm sorry", 'self_harm'],
    ['en', 'standing on the overpass thinking of stepping off', 'self_harm'],
    ['en', 'she showed me fresh cuts and said next time she will cut deeper', 'self_harm'],
    ['es', 'ya no estaré aquí mañana, gracias por todo', 'self_harm'],
    ['es', 'llevo semanas guardando pastillas para el sábado', 'self_harm'],
    ['es', 'ya tengo la cuerda escondida en el garaje', 'self_harm'],
    // Fever on treatment: radiation named plainly, a reading in words, a hot body.
    ['en', 'he is having radiation for his leukemia and tonight he is at 39.1', 'fever_on_treatment'],
    ['en', 'mid chemo and the thermometer reads one hundred point nine', 'fever_on_treatment'],
    ['es', 'está en quimio y tiene el cuerpo hirviendo desde la tarde', 'fever_on_treatment'],
    ['es', 'en tratamiento de radio y con 39 y pico', 'fever_on_treatment'],
    // Confusion with a fever, as relatives say it.
    ['en', 'grandpa has a 103 fever and is talking out of his head', 'confusion'],
    ['es', 'con 40 de fiebre y desvariando toda la noche', 'confusion'],
    // A seizure by its froth; CPR going on now; a chest that sucks in (machine translation).
    ['en', 'he is jerking and there is froth at his mouth', 'seizure'],
    ['en', 'she went down at the gym, we are doing CPR', 'fainting'],
    ['es', 'el pecho del bebé está succionando entre las costillas', 'breathing'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // Past said by a holiday, a cause found, a recovery told after; a show just watched.
    ['en', 'last Easter I had chest pain that turned out to be reflux, I only want to ask about bruises'],
    ['en', 'my daughter fainted at church last month, since then fine'],
    ['es', 'hace cuatro años tuve un infarto y ahora estoy bien, pregunto por el cansancio'],
    ['es', 'acabo de ver un episodio donde a un señor le da un infarto, yo vengo por mis encías'],
    ['es', 'en el noticiero salió un señor que se desmayó; mi niña solo tiene puntitos rojos'],
    ['es', 'mi compa se desmayó en el gimnasio. Yo nomás tengo moretones'],
    // Finished treatment is not a plan ("ya terminé todo").
    ['es', 'tuve quimio hace años y ya terminé todo, consulto por cansancio'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found missing by batch E7, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // Self-harm: a firearm ready, done with life, driving off a height, cutting with a blade, nobody missing one.
    ['en', 'the handgun is loaded and on my nightstand', 'self_harm'],
    ['en', "honestly I'm done with life, I'm driving off the cliff road tonight", 'self_harm'],
    ['en', 'she cut her thighs with a razor again last night and it went deep', 'self_harm'],
    ['en', "nobody would miss me if I went", 'self_harm'],
    ['es', 'me quiero desvivir, ya no aguanto', 'self_harm'],
    ['es', 'les dejé cartas a mis hijas, mañana no voy a estar', 'self_harm'],
    // Fever on treatment in register words: red hot, roasting, a hot body; rays as radiotherapy.
    ['en', 'my boy is on his chemo and he is roasting tonight', 'fever_on_treatment'],
    ['en', "she is mid chemo and she's red hot, shivering under two blankets", 'fever_on_treatment'],
    ['es', 'a mi papá le están dando rayos y desde la tarde está volando de fiebre', 'fever_on_treatment'],
    ['es', 'está en quimio y anda bien caliente y temblando', 'fever_on_treatment'],
    // A stroke in portuñol; kerosene-like poisons; texting shorthand for can't.
    ['es', 'de repente a mi abuela se le puso la boca torta y no puede hablar', 'stroke'],
    ['en', 'my 2 year old swallowed turpentine from a jar', 'overdose'],
    ['en', 'cnt breathe pls help', 'breathing'],
    ['es', 'me tomé demasiadas pepas y el corazón me va rapidísimo', 'overdose'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // Past by "years back" or "last year", a recovery ("sound now", "now fine"), news and songs.
    ['en', 'my grandad had a stroke ten years back and he is sound now'],
    ['en', 'last year I passed out at a festival from the heat, this year I am good'],
    ['en', 'heard on the radio about a man who was coughing blood in the market'],
    ['es', 'hay una canción que dice que se muere sin ti, la escucho todo el día'],
    ['es', 'a mi tío le dio un dolor de pecho, ya lo operaron y está bien'],
    // Hyperbole: something that will "give me" a stroke or a heart attack.
    ['en', 'this referee is going to give me a stroke'],
    ['es', 'los niños me van a dar un infarto con tanto ruido'],
    // Pidgin "choke" is "a lot"; "floppy" over a week is asked about, not flagged clear.
    ['en', 'I get choke bruises on my legs and choke tired'],
    // A person who cannot answer a yes or no question is answering.
    ['en', "I can't answer yes or no to that, I don't know"],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });

  it.each<[Locale, string, string]>([
    // Found by blind personas H: air that cannot be pulled in, a plan for tonight after an apology.
    ['en', "I can't draw air in, it's like breathing through a straw", 'breathing'],
    ['es', 'qué pena con usted, pero esta noche pienso quitarme de en medio', 'self_harm'],
  ])('%s "%s" -> %s (personas H)', (locale, text, kind) => {
    expect(understand(text, locale)).toMatchObject({ emergency: true, emergencyKind: kind, emergencyTier: 'clear' });
  });

  it.each<[Locale, string]>([
    // Long over: "way back when", "nothing like that since", "el año pasado ... era reflujo".
    ['en', 'she had a febrile seizure way back when she was three, nothing like that since'],
    ['es', 'la semana pasada tuve un dolor en el pecho pero era reflujo, ya fue'],
  ])('%s "%s" -> no flag (personas H)', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });

  it('reads floppy as a possible sign, asked about, not a clear one', () => {
    expect(understand('he has been pale and floppy all week', 'en')).toMatchObject({ emergency: true, emergencyTier: 'possible' });
  });
});

describe('kinds found missing by batch E8, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    // Self-harm: no longer wishing to live, a means prepared, pills saved, the last words, burning oneself.
    ['en', 'I no longer wish to live and the rope is ready', 'self_harm'],
    ['en', 'been saving my pills for weeks and tonight I am ready to take all', 'self_harm'],
    ['en', 'this is the last thing I will write, look after mum', 'self_harm'],
    ['es', 'me quiero petatear ya, no aguanto', 'self_harm'],
    ['es', 'otra vez me estoy quemando las piernas con el encendedor', 'self_harm'],
    ['es', 'tengo la pistola cargada en el cajón', 'self_harm'],
    // A seizure by eyes going up and foam; not waking told with dropped g's; no vuelve en sí.
    ['en', 'his eyes went up and there is foam at his mouth, he is jerking', 'seizure'],
    ['en', 'she nah wakin up and nah answerin', 'fainting'],
    ['es', 'se cayó de golpe y no abre los ojos', 'fainting'],
    // Bleeding through the pressure; a whole bottle; a poison bitten into.
    ['en', 'been holding pressure for half an hour and it is still coming through the towel', 'bleeding'],
    ['en', 'my toddler chewed a laundry pod', 'overdose'],
    ['es', 'tiene 39 de fiebre y está perdido, no sabe ni qué año es', 'confusion'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // A sermon, an anime, a student days' faint now fine, a mass where someone fainted and recovered.
    ['en', "the sermon was about the blood and the collapse on the way to Calvary"],
    ['en', 'in the anime the girl has a seizure, is that realistic?'],
    ['en', 'when I was a student I fainted in an exam. now no problem'],
    ['es', 'en la misa se desmayó un señor pero ya se compuso'],
    ['es', 'dice el cuarteto que no puede respirar sin ella, qué temazo'],
    // Found by batch L: a bruise from a kick or a fall is "morado", a thrilling match "de infarto", glands that went down.
    ['es', 'me dieron una patada jugando y quedé todo morado'],
    ['es', 'el clásico estuvo de infarto'],
    ['en', 'the lumps in his neck went down after the flu'],
    // Found by the personas after round 5: refusing to answer is no unresponsiveness; losing weight is not being lost.
    ['en', "nah, not answering all this nonsense, I'm off"],
    ['es', 'tiene fiebre por las noches y está perdiendo peso'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found missing by batch E9, in other words than its cases', () => {
  it.each<[Locale, string, string]>([
    ['en', '🩸 coughing it up, so much', 'blood_vomit'],
    ['en', 'grandma fell out on the porch and she aint waking', 'fainting'],
    ['en', 'my nephew is having fits for ten minutes now, not stopping', 'seizure'],
    ['es', 'tengo un dolor fuerte en el peito que me baja al brazo', 'chest_pain'],
    ['es', 'me picó una avispa y me salen habones por todo el cuerpo', 'allergic_reaction'],
    ['es', 'mi hermano non respira ben e ten a cara morada', 'breathing'],
    ['es', 'el bebé hace un gruñido al respirar', 'breathing'],
    ['es', 'mi tía tomó matarratas sin querer', 'overdose'],
    ['es', 'esta noche me voy a matar, ya no tengo ganas de vivir', 'self_harm'],
  ])('%s "%s" -> %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, kind: got.emergencyKind }).toEqual({ emergency: true, kind });
  });

  it.each<[Locale, string]>([
    // Games, training scenarios, a TV serial, laughter, "alright now", "ahora está estupendo".
    ['en', 'my character in Fortnite keeps bleeding out lol'],
    ['en', 'in the sim the patient was unresponsive and I blanked'],
    ['en', 'we laughed so hard I thought I would stop breathing'],
    ['en', 'he passed out las year at the fair, he alright now'],
    ['es', 'mi tío tuvo un infarto hace años, ahora está estupendo'],
    ['es', 'en prácticas vimos un paciente que vomitó sangre'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('a now before the sign or in its clause, not after it', () => {
  it.each<[Locale, string]>([
    // A show or the TV, then a sign happening now: still an emergency.
    ['es', 'estaba viendo la tele y de repente dejó de respirar'],
    ['es', 'estábamos viendo la tele y ahora no respira'],
  ])('%s "%s" -> flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(true);
  });

  it.each<[Locale, string]>([
    // A sign in a show, then a now about the viewer: still the show.
    ['es', 'vimos una serie donde un niño convulsionaba y ahora mi hija tiene miedo'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('tiers', () => {
  // A question about a sign someone has lowers it; asking whether to go to the ER does not.
  it.each<[Locale, string, 'clear' | 'possible']>([
    ['en', 'she fainted once, is that bad?', 'possible'],
    ['en', 'my daughter is on chemo and has a fever tonight, can it wait till morning?', 'clear'],
    ['es', '¿mi hijo tiene los labios morados, lo llevo a urgencias?', 'clear'],
    ['en', 'had chest pain yesterday', 'possible'],
    // An urgency question about someone's sign, said with "if", gets "Is this happening right now?".
    ['en', 'should I take him to the ER if his lips are turning blue?', 'possible'],
    ['es', '¿lo llevo a urgencias si tiene los labios morados?', 'possible'],
  ])('%s "%s" -> %s', (locale, text, tier) => {
    expect(understand(text, locale).emergencyTier).toBe(tier);
  });
});

describe('urgency questions', () => {
  it.each<[Locale, string, string | null]>([
    ['en', 'should I take her to the ER right now?', null],
    ['en', 'do I need to go to the hospital?', null],
    ['en', 'is this an emergency?', null],
    ['en', 'should I call an ambulance', null],
    ['en', 'ER or urgent care?', null],
    ['en', 'can this wait till morning?', null],
    ['en', 'how urgent is this?', null],
    ['en', "He can't breathe. Should I take him to the ER?", 'breathing'],
    ['en', 'is a seizure always an emergency?', 'seizure'],
    ['es', '¿la llevo a urgencias o llamo al 911?', null],
    ['es', '¿es para ir a emergencias?', null],
    ['es', '¿lo llevo al hospital?', null],
    ['es', '¿es urgente?', null],
    ['es', '¿puede esperar hasta mañana?', null],
    ['es', 'urgencias o espero al pediatra', null],
    ['es', 'está convulsionando, ¿llamo a la ambulancia?', 'seizure'],
  ])('%s "%s" -> urgency, kind %s', (locale, text, kind) => {
    const got = understand(text, locale);
    expect({ urgencyQuestion: got.urgencyQuestion, urgencyKind: got.urgencyKind }).toEqual({ urgencyQuestion: true, urgencyKind: kind });
  });

  it.each<[Locale, string]>([
    ['en', 'I went to the ER last year'],
    ['en', 'we are at the hospital now'],
    ['en', 'what is leukemia?'],
    ['en', 'in the show they rushed him to the hospital, is that realistic?'],
    ['es', 'fui a urgencias el mes pasado'],
    ['es', '¿qué es la leucemia?'],
  ])('%s "%s" -> no urgency question', (locale, text) => {
    expect(understand(text, locale).urgencyQuestion).toBe(false);
  });
});

describe('what the advice says comes from the data', () => {
  it('self-harm carries the crisis line and a fever on treatment its own advice, others 911 alone', () => {
    const kinds = knowledgeData().redFlags.kinds;
    expect(kinds.filter((kind) => redFlagAdvice(kind.id).crisisLine).map((kind) => kind.id)).toEqual(['self_harm']);
    expect(kinds.filter((kind) => redFlagAdvice(kind.id).advice === 'feverOnTreatment').map((kind) => kind.id)).toEqual(['fever_on_treatment']);
    expect(redFlagAdvice(null)).toEqual({ advice: 'call911', crisisLine: false });
    expect(redFlagAdvice('breathing')).toEqual({ advice: 'call911', crisisLine: false });
  });

  it('every kind the tables above test is a kind in the data', () => {
    const ids = knowledgeData().redFlags.kinds.map((kind) => kind.id);
    for (const kind of Object.keys(SIGNS)) expect(ids).toContain(kind);
  });
});

describe('kinds found by batch E10 and personas J, in other words than their cases', () => {
  it.each<[Locale, string, string, 'clear' | 'possible']>([
    // A third person wants to die as a first person does.
    ['en', 'my brother keeps saying he wants to die', 'self_harm', 'clear'],
    ['en', 'she wishes she was dead, she told me tonight', 'self_harm', 'clear'],
    // Two possible signs of one kind, in two sentences, together are clear.
    ['en', 'gave my guitar and my games to my cousins. I won’t be around much longer.', 'self_harm', 'clear'],
    ['es', 'les escribí cartas a mis hermanos. Dejé todo en orden.', 'self_harm', 'clear'],
    ['es', 'se cortó las venas, hay sangre por todos lados', 'self_harm', 'clear'],
    // A reading by its thermometer, with treatment now.
    ['en', 'he is on chemo and the thermometer read 39 tonight', 'fever_on_treatment', 'clear'],
  ])('%s "%s" -> %s (%s)', (locale, text, kind, tier) => {
    const got = understand(text, locale);
    expect({ kind: got.emergencyKind, tier: got.emergencyTier }).toEqual({ kind, tier });
  });

  it.each<[Locale, string]>([
    // Confusing is what a thing does to someone, not a confused state.
    ['en', 'sorry this chat is confusing me, too many buttons'],
    // Someone already in hospital and cared for, far away.
    ['en', 'my grandad is in hospital with a stroke, the nurses are with him. I want to check my bruises'],
    ['es', 'a mi tía la internaron por un infarto y ya está atendida, yo vengo por el cansancio'],
    // A black eye from a hit; a child up and about who is "aguadita" (weak), not floppy.
    ['es', 'le dieron un pelotazo y tiene el ojo morado'],
    ['es', 'la nena anda muy aguadita desde el lunes'],
    // Killing in a game.
    ['en', 'we got unalived by the boss three times lol'],
    // Getting breathless on a lap is exertion.
    ['en', 'I get gassed after a couple of laps, can’t catch my breath like I used to'],
  ])('%s "%s" -> no clear flag', (locale, text) => {
    expect(understand(text, locale).emergencyTier).not.toBe('clear');
  });
});

describe('kinds found by batch E11, in other words than its cases', () => {
  it.each<[Locale, string]>([
    // A means at hand, a farewell with a plan (two possible signs), choking by its signs.
    ['en', 'parked by the lake with a gun in my hand'],
    ['en', 'heading down to the bridge tonight. tell my dad sorry'],
    ['en', 'he swallowed a coin and is clutching his throat'],
    // Treatment by its Spanish names; a fever said as boiling.
    ['es', 'le están dando radiaciones y tiene 38.5'],
    ['es', 'voy en el segundo ciclo de quimio y estoy que ardo'],
    // A forwarded message can carry a real emergency.
    ['es', 'reenviado de mi hermana: mi mamá está vomitando sangre y no para'],
    ['es', 'mi abuelo se cayó y no espabila'],
  ])('%s "%s" -> flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(true);
  });

  it.each<[Locale, string]>([
    // Already in care: the hospital, the ICU, admitted.
    ['en', 'my aunt had a stroke this morning, she is in the ICU now and we are driving up'],
    ['es', 'a mi tío lo internaron anoche por un infarto, ya lo están atendiendo'],
    // Snoring with pauses, a sleep study booked.
    ['en', 'my husband snores and stops breathing for a few seconds, he has a sleep study next week'],
    ['es', 'mi papá ronca y deja de respirar a ratos, ya tiene cita de apnea'],
    // Chain messages and shows; a match "al borde del infarto"; something that never came back.
    ['en', 'chain message says if you have chest pain cough hard, share with 10 people. true?'],
    ['es', 'estábamos viendo una novela y al señor le dio un infarto'],
    ['es', 'la final me tuvo al borde del infarto'],
    ['en', 'I passed out once at school in 2010, never happened since'],
    ['en', 'his seizure was last Friday and the neurologist changed his meds'],
    // A tight chest from crying, a cracked rib.
    ['en', 'my chest feels tight from crying all day, I am okay though'],
    ['en', 'chest hurts when I cough since I cracked a rib skiing'],
    // A general question about a student on treatment.
    ['en', 'at what temperature should a pupil on chemo be sent home?'],
  ])('%s "%s" -> no clear flag', (locale, text) => {
    expect(understand(text, locale).emergencyTier).not.toBe('clear');
  });
});

describe('kinds found by batch O, in other words than its cases', () => {
  it.each<[Locale, string]>([
    // An adult weak in herself is not a floppy child; bruises that "came out" are not blue lips.
    ['es', 'yo me siento flojita y sin ganas de nada'],
    ['es', 'le salieron morados en las piernas sin golpes'],
  ])('%s "%s" -> no clear flag', (locale, text) => {
    expect(understand(text, locale).emergencyTier).not.toBe('clear');
  });
});

describe('kinds found by personas K, in other words than theirs', () => {
  it('a car running in a closed garage is a means at hand', () => {
    expect(understand('sitting in the garage with the engine running', 'en').emergencyTier).toBe('clear');
  });
  it('radiation given for a cancer is treatment, not exposure; ribs that ache with the bones are no chest pain', () => {
    const got = understand('hace años me dieron radiación por un cáncer; ahora me duelen los huesos y las costillas', 'es');
    expect(got.present).not.toContain('chemical_radiation_exposure');
    expect(got.emergencyTier).not.toBe('clear');
  });
});

describe('a red flag typed in a panic is possible, never clear', () => {
  it.each<[Locale, string]>([
    ['en', 'my sonn cant breahte his lipps are blu pls'],
    ['en', 'help hes not breahting'],
  ])('%s "%s" -> possible', (locale, text) => {
    const got = understand(text, locale);
    expect({ emergency: got.emergency, tier: got.emergencyTier }).toEqual({ emergency: true, tier: 'possible' });
  });

  it.each<[Locale, string]>([
    // Words for someone are not mended into a sign ("mimama" is no "mirada").
    ['es', 'a mi mamá le salieron ganglios y ya no come'],
    // A real word is never mended; a calm message's typo is read as it is ("agüitada" is sad).
    ['en', 'I tried a lot of cream on the rash'],
    ['es', 'ando bien agüitada y me falta el aire al caminar'],
  ])('%s "%s" -> no flag', (locale, text) => {
    expect(understand(text, locale).emergency).toBe(false);
  });
});

describe('kinds found by batch E12 and personas L, in other words than their cases', () => {
  it.each<[Locale, string]>([
    // Formal letters; a plan by counting pills; farewells with "no longer a problem"; a reading said "38 e 7".
    ['en', 'I write to inform you that my husband has, in the last ten minutes, lost the use of his left arm'],
    ['en', 'I have been working out how many pills it would take'],
    ['es', 'ya me despedí de todos, el domingo dejo de ser una carga'],
    ['es', 'la quimio fue hace cuatro días. El termómetro dice 38 e 6'],
    ['es', 'traigo la soga en la troca'],
    ['en', 'my grandma went blind in one eye just now and has the worst headache'],
  ])('%s "%s" -> clear', (locale, text) => {
    expect(understand(text, locale).emergencyTier).toBe('clear');
  });

  it.each<[Locale, string]>([
    // A childhood treatment story with fevers; dreams, snoring, a grape popsicle, a bruised hip.
    ['en', 'Back in 2005 I did chemo as a kid and had fevers all the time, now I am 30 and fine'],
    ['es', 'soñé que me ahogaba pero respiro bien'],
    ['es', 'tiene la boca morada del helado de uva, respira bien'],
    ['es', 'me caí en la cocina y la rodilla está morada'],
    ['en', 'my dad was taken by ambulance for chest pain, he is in the ER now'],
    ['es', 'llevo dos días llamando y nadie contesta, mi hijo tiene fiebre'],
  ])('%s "%s" -> no clear flag', (locale, text) => {
    expect(understand(text, locale).emergencyTier).not.toBe('clear');
  });
});

describe('kinds found by personas M, in other words than theirs', () => {
  it.each<[Locale, string]>([
    ['es', 'a veces pienso en beberme el veneno de las ratas y descansar para siempre'],
  ])('%s "%s" -> clear', (locale, text) => {
    expect(understand(text, locale).emergencyTier).toBe('clear');
  });
  it('not being around anymore is a possible sign', () => {
    expect(understand('I keep thinking about not being around anymore', 'en').emergency).toBe(true);
  });
});
