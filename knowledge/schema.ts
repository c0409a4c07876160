import { z } from 'zod';
import { ITEM_IDS, SYMPTOM_IDS } from './ids';

// The shape of every data file in knowledge/data, checked when the knowledge base loads.
// A pattern is words that must all appear in one clause, in any order. A word is
//   plain        exact word            "fever"
//   stem*        any word starting so  "bruis*"
//   a|b|c*       any of those          "gum|gums|gumz"
//   @class       a word group from the locale's lexicon ("@pain", "@neg")

const text = z.string().trim().min(1);
const pattern = z
  .string()
  .trim()
  .min(1)
  .regex(/^[a-z0-9@*| ]+$/, 'patterns are lower-case words, @classes, * and |')
  // A "*" stands for the rest of a word ("bruis*"); alone it would be every word, and every typo
  // would look like a known term.
  .refine((text) => text.split(/[ |]/).every((word) => !word.startsWith('*')), 'a "*" ends a word; it is never a word alone');

const itemLocale = z.object({
  label: text,
  explain: text,
  patterns: z.array(pattern).min(3),
  /** Ways of saying the item is fine ("my gums are fine", "come bien"). */
  deny: z.array(pattern).default([]),
  /**
   * Words that, in the same clause, mean another thing than the item: "muscle" pain is no bone
   * pain, "sebaceous" glands no lymph nodes. The item is then not read from that clause at all.
   */
  notWith: z.array(pattern).default([]),
  /** What the item is about ("appetite", "color", "respiro"): with a word of @good it denies the item. */
  topics: z.array(pattern).default([]),
});

const itemSchema = z.object({
  id: z.enum(ITEM_IDS),
  kind: z.enum(['symptom', 'risk_factor']),
  /**
   * A risk factor of the person themselves: a relative's cancer, job or syndrome is not theirs
   * (a sibling's leukaemia is an item of its own, so it is not personal).
   */
  personal: z.boolean().default(false),
  /** Context kinds of the lexicon that explain the item away in its clause ("cause": a fall, the gym). */
  explainedBy: z.array(z.enum(['cause', 'wound'])).default([]),
  en: itemLocale,
  es: itemLocale,
});
export const itemsSchema = z
  .array(itemSchema)
  .superRefine((items, ctx) => {
    const ids = items.map((item) => item.id);
    for (const id of ITEM_IDS) {
      if (!ids.includes(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `missing item ${id}` });
    }
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'duplicate item id' });
    for (const item of items) {
      const expected = (SYMPTOM_IDS as readonly string[]).includes(item.id) ? 'symptom' : 'risk_factor';
      if (item.kind !== expected) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${item.id} must be a ${expected}` });
    }
  });

const faqLocale = z.object({
  questions: z.array(text).min(2),
  patterns: z.array(pattern).min(1),
  answer: text,
});
export const faqSchema = z.array(z.object({ id: z.string().regex(/^[a-z_]+$/), en: faqLocale, es: faqLocale }));

const redFlagGroup = z.object({
  /** A clear red flag: the 911 advice and the closing at once. Needs severity or an explicit sign. */
  patterns: z.array(pattern).default([]),
  /** A possible one (a deliberately wide net): the 911 advice and "Is this happening right now?". */
  possible: z.array(pattern).default([]),
  /** Words that make this group harmless in the same sentence: spitting blood "after brushing". */
  unless: z.array(pattern).default([]),
  /** The words must stand in one clause: "le falta el aire horrible", not "se cansa mucho y le falta el aire". */
  sameClause: z.boolean().default(false),
  /**
   * The sign is said as a question or a condition ("what's the point of going on?", "better off
   * if I wasn't around"): asking it is saying it.
   */
  rhetorical: z.boolean().default(false),
});
const redFlagLocale = redFlagGroup.extend({
  /**
   * Signs of their own with their own harmless words: a heart that hurts "since she left me" is
   * grief, while the kind's other signs stay. The kind's `unless` applies to every group.
   */
  groups: z.array(redFlagGroup).default([]),
  /** Clear only with the kind's `item` reported in the same sentence ("on chemo" and a fever). */
  withItem: z.array(pattern).default([]),
});
const redFlagKind = z
  .object({
    id: z.string().regex(/^[a-z_]+$/),
    /** What the advice says besides 911: "fever_on_treatment" tells to call the care team too. */
    advice: z.enum(['call911', 'feverOnTreatment']).default('call911'),
    /** The crisis line (988) goes with the 911 advice. */
    crisisLine: z.boolean().default(false),
    /** The listed item that `withItem` patterns need, reported and not denied. */
    item: z.enum(ITEM_IDS).optional(),
    en: redFlagLocale,
    es: redFlagLocale,
  })
  .refine((kind) => (kind.en.withItem.length + kind.es.withItem.length > 0) === (kind.item !== undefined), 'withItem patterns and item go together');

/** Phrases matched in order (at most one other word between two of theirs, never a `gapBlockers` word). */
const phrases = z.array(pattern).default([]);
const redFlagWords = z.object({
  /** Word groups only red flags use, as @name (a lexicon class of the same name is an error). */
  classes: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9*|]+$/)).min(1)).default({}),
  /** Words matched only as written, never through their Snowball stem: "fainted" is not "feel faint". */
  exactForms: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /**
   * The negations that name a sign with it ("can't breathe", "no respira", "never woke up"): a red
   * flag pattern's own @neg must be one of these. "me falta el aire" is shortness of breath, not this.
   */
  cannot: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /**
   * Words that may stand between a red flag's own negation and the word it negates: "can't
   * breathe", "no le entra el aire". Any other word breaks it: "no trouble breathing" denies.
   */
  bridges: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** After a negation, words that make it deny something else: "I can't bear this squeezing in my chest". */
  notDenying: z.array(z.string().regex(/^[a-z0-9*|]+$/)).default([]),
  /** Words a time phrase never skips: "de la niña" is a girl, "de niña" a childhood. */
  gapBlockers: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Person words besides the lexicon's (mija, tiene, está): a question with one is about someone here. */
  persons: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** People in general ("kids", "pacientes"): a question about them is about no one here. */
  generic: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** First words of a question without a "?" ("is coughing blood a sign of..."); not before a negation ("can't breathe"). */
  questionOpeners: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Pronouns that point back to the last one named ("my dog... he", "a mi gato le"): whose-it-is reads past them. */
  referBack: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Animals: a sign whose nearest owner word before it is one ("my dog threw up blood") is the animal's. */
  animals: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** People outside the household (a coworker, a friend, a cousin): see selfContrast. */
  distant: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** The writer speaking of themself (I, me, yo): a topic phrase ("reading about") governs no sign after one. */
  selfSpeakers: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** A word of the class is none when one of these words follows it: "40 años" is an age, not a temperature. */
  notBefore: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9]+$/))).default({}),
  /** A word of the class is none when one of these words stands before it: "he's 40" is an age. */
  notAfter: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9]+$/))).default({}),
  /** A past beyond the lexicon's (in March, in college, last month): no red flag without a word of now. */
  past: phrases,
  /** A treatment that is over (finished chemo, back when I was on chemo): no fever on treatment. */
  ended: phrases,
  /** More words of now (since, still): a past word then only lowers a red flag. */
  now: phrases,
  /** It is over: "he's fine tho", "desde entonces todo bien". No red flag without a word of now. */
  over: phrases,
  /** Not a person in front of the writer: a film, a book, a streamer, a pet. No red flag. */
  elsewhere: phrases,
  /**
   * Already in care: "in the ICU", "lo internaron", "the doctors are with her". No red flag, even
   * with a word of now: the sign is real, but someone is already answering it.
   */
  caredFor: phrases.default([]),
  /** "almost had a heart attack", "casi me desmayo": no red flag when it stands before one. */
  almost: phrases,
  /** Whether to go to the ER, call 911 or wait: the place or the choice. */
  urgency: phrases,
  /** The words of a choice that make an urgency phrase a question without a "?": "should", "o". */
  deciding: phrases,
  /**
   * The writer turns from someone else to themself: "my cousin went blue with whooping cough, I
   * just have a runny nose". Another person's sign before it is theirs, not this check's.
   */
  selfContrast: phrases,
});

/** knowledge/data/emergencyModel.json, written by scripts/trainEmergencyModel.ts (knowledge/emergencyModel.ts). */
export const emergencyModelSchema = z.object({
  version: z.literal(1),
  dims: z.number().int().positive(),
  bias: z.number(),
  scale: z.number().positive(),
  threshold: z.number().gt(0).lt(1),
  trainedOn: z.array(z.string()),
  seed: z.number().int(),
  weights: z.string().min(1),
});

export const redFlagsSchema = z.object({
  en: redFlagWords,
  es: redFlagWords,
  kinds: z.array(redFlagKind).refine((kinds) => new Set(kinds.map((kind) => kind.id)).size === kinds.length, 'duplicate red flag id'),
});

const unlistedLocale = z.object({
  /** A short plain name for "also mentioned": "Night sweats". */
  label: text,
  patterns: z.array(pattern).min(1),
});
/** Things people mention that are not on the list (night sweats, a cold): noted, never checked. */
export const unlistedSchema = z
  .array(z.object({ id: z.string().regex(/^[a-z_]+$/), en: unlistedLocale, es: unlistedLocale }))
  .refine((entries) => new Set(entries.map((entry) => entry.id)).size === entries.length, 'duplicate unlisted id');

const wordList = z.array(z.string().regex(/^[a-z0-9 ]+$/)).min(1);
export const lexiconSchema = z.object({
  /** Word groups that patterns refer to as @name. "neg" is required: it is how patterns say "no appetite". */
  classes: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9*|]+$/)).min(1)).refine((classes) => 'neg' in classes, 'a "neg" class is required'),
  /** Words after an item that deny it: "my gums are fine", "appetite is normal". */
  postNegation: wordList,
  /** Phrases whose negation word denies nothing: "no matter", "no se por que". */
  negationExceptions: wordList,
  /** Words that stop the next word denying: "paler than normal", "mas palido de lo normal". */
  postNegationBlockers: wordList,
  /** Words that end a clause: "but", "and", "pero", "y". */
  clauseBreaks: wordList,
  /** Words that end a clause and deny the next one too: "ni", "nor". */
  negatedBreaks: wordList,
  /** Subject words: a comma-list after "no fever," stops being denied when one appears. */
  subjects: wordList,
  /** Set phrases holding a clause-break word, each to one token that patterns can use. */
  compounds: z.record(z.string().regex(/^[a-z ]+$/), z.string().regex(/^[a-z]+$/)),
  /** Shorthand and contractions, each to its full words. */
  shorthand: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().regex(/^[a-z ]+$/)),
  /**
   * Short replies to a yes/no question, matched on the whole message. `doubt` is the one list of a
   * doubt said on its own ("no sé", "idk", "no idea"): an unsure answer like `unsure`, and to the
   * check (check/keywords.ts) a strong hedge when it is a whole clause. It is written as people type
   * it ("i dont know", "idk"): the check compares it after normalizeWords, without shorthand.
   */
  answers: z.object({ yes: wordList, no: wordList, unsure: wordList, doubt: wordList }),
  /** Words dropped before matching a short answer ("yes please", "no thanks"). */
  fillers: wordList,
  /** Words that open a question ("what", "que"): with an item, the person asks, not reports. */
  questionWords: wordList,
  /** Verbs that open a yes/no question when no negation follows: "is a lump always cancer", "can leukemia make you lose weight". */
  questionAuxiliaries: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Other people: "my mom had cancer" is not the person's own risk factor. Siblings are not here. */
  relatives: wordList,
  /** After an item, a negation followed by one of these denies it: "fiebre no he tenido". */
  postNegationVerbs: wordList,
  /** Frequent words never worth a fuzzy look-up. */
  commonWords: wordList,
  /** Words matched only as written, never through their Snowball stem (see the lexicon's own note). */
  exactForms: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Clinical denial verbs that deny a whole list after them: "denies fever, sweats, wt loss". */
  listNegators: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Patterns of a distant past ("years ago", "in 2015", "de chiquito"): no emergency now, no symptom now. */
  pastTime: z.array(pattern).default([]),
  /** Patterns of a near or single past ("once", "yesterday"): a clear red flag becomes a possible one. */
  pastOnce: z.array(pattern).default([]),
  /** Patterns of now ("right now", "rn", "ahorita"): past words then lower a red flag instead of removing it. */
  nowWords: z.array(pattern).default([]),
  /** In a question, patterns of a hypothetical ("what if someone...", "si alguien"): no emergency. */
  hypothetical: z.array(pattern).default([]),
  /** Patterns of talk about a topic ("learned about", "health class"): no emergency. */
  topicWords: z.array(pattern).default([]),
  /** The person or their child: "I", "he", "my son". The nearest person word before a symptom says whose it is. */
  selfWords: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Someone else: "my sister is anaemic and always pale" is not the person's pale skin. */
  others: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Patterns of a cause that explains a pain away: "my back hurts from lifting boxes" is no bone pain. */
  causes: z.array(pattern).default([]),
  /** Words of contrast ("but", "pero"): a cause before one does not explain what comes after it. */
  contrasts: z.array(z.string().regex(/^[a-z ]+$/)).default([]),
  /** Words that make a cause too slight to explain anything: "bruises from the smallest bump" is easy bruising. */
  slight: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Patterns of a wound or an injury to the skin (a cut, a piercing, an infection): they explain colour and swelling away. */
  wounds: z.array(pattern).default([]),
  /** Words after a "fine" word that make it an intensifier: "me duelen bien feo" is no denial. */
  intensified: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Words that deny what comes before them only when they close the clause: "fiebre cero", "pero fiebre nada". */
  closingNegation: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /**
   * Words around a short answer that change nothing: an address ("mate", "mija"), emphasis ("100",
   * "sadly"), a hedge ("i think", "creo"). With the fillers (not repeated here), they are the tags of knowledge/shortAnswer.ts.
   */
  answerTags: z.array(z.string().regex(/^[a-z0-9 ]+$/)).default([]),
  /** Pronouns of a short answer: with an auxiliary after it, "he does", "I am", it says yes. */
  answerPronouns: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Auxiliaries of a short answer ("does", "has", "tiene"): with a negation after it, "has not", it says no. */
  answerAuxiliaries: z.array(z.string().regex(/^[a-z ]+$/)).default([]),
  /** Words of knowing ("know", "sure", "saber"): after a negation they make a doubt ("I don't rightly know", "no sabría decirle"). */
  answerKnowing: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /**
   * "not that I've noticed", "que yo me haya dado cuenta": an opener of these, a few pronouns,
   * auxiliaries or tags, then a word of noticing (answerNoticing) is a no however it is worded.
   */
  answerNotThat: z.array(z.string().regex(/^[a-z ]+$/)).default([]),
  answerNoticing: z.array(z.string().regex(/^[a-z ]+$/)).default([]),
  /** Possessives that say whose a thing is besides the self words ("his", "su"): a clause with one names someone. */
  possessives: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Words of a plea or a hurry ("help", "pls", "ayuda"): a red flag typed with typos is read only beside one. */
  panicWords: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
  /** Words that take back what came before in a reply ("I mean", "bueno", "mejor dicho"): the answer after the last one counts ("yes, I mean no"). */
  answerCorrections: z.array(z.string().regex(/^[a-z ]+$/)).default([]),
  /** Bare topic words of a yes/no list ("encías: no. huesos: no."), each to its item id. */
  listTopics: z.record(z.string().regex(/^[a-z]+$/), z.enum(ITEM_IDS)).default({}),
  /** Negation words that only negate ("sin", "no"), unlike "falta" or "lack", which also name a thing. */
  plainNegators: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Words a negation does not reach past: "no bleeding from the gums, just wrecked" reports the tiredness. */
  negationStops: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /** Patterns of a treatment going on now ("on chemo", "en quimio"): not a past one, so no prior_cancer_treatment. */
  currentTreatment: z.array(pattern).default([]),
  /** Why a list holds what it holds (for readers; never used by the code). */
  notes: z.record(z.string(), z.string()).default({}),
  /** Patterns of doubt about whether a thing is there at all ("not sure about", "no se si"). */
  hedges: z.array(pattern).default([]),
});

export type ItemData = z.infer<typeof itemSchema>;
export type FaqData = z.infer<typeof faqSchema>[number];
export type RedFlagData = z.infer<typeof redFlagsSchema>;
export type RedFlagKindData = RedFlagData['kinds'][number];
export type UnlistedData = z.infer<typeof unlistedSchema>[number];
export type LexiconData = z.infer<typeof lexiconSchema>;

// What people say to steer the conversation and to answer our questions (knowledge/data/replies.*.json),
// compared as whole phrases after normalizeWords(): accents and apostrophes may be written as people type them.
const phrase = z.string().trim().min(1);
const phraseList = z.array(phrase);
/** `exact`: the whole message is the phrase; `contains`: the message holds it as whole words. */
const phraseSet = z.object({ exact: phraseList, contains: phraseList });
const kinds = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((key) => [key, phraseSet])) as Record<K, typeof phraseSet>);

export const COMMAND_KINDS = ['human', 'quit', 'restart', 'help'] as const;
export const REPLY_KINDS = ['self', 'child', 'someone', 'toList', 'fine', 'none', 'all', 'explain', 'back', 'now'] as const;
export const HARD_QUESTIONS = ['diagnosis', 'serious', 'chances', 'dying', 'practical', 'bot'] as const;
export const AFTER_CLOSING_REPLIES = ['thanks', 'ack'] as const;

export const repliesSchema = z.object({
  /** Commands that leave the question on screen: ask for a person, quit, start over, help. */
  commands: kinds(COMMAND_KINDS),
  /** A request to switch to each language ("español", "in English"); greetings in a language count. */
  language: z.object({ en: phraseSet, es: phraseSet }),
  /** Replies to our questions: who the check is for, none, all, explain, back to the check, now. */
  replies: kinds(REPLY_KINDS),
  /** Little words around who the check is for ("it's for my son", "es para mi hija"), dropped there besides the lexicon's `fillers` and laughter; never in answers, where "is" and "es" carry meaning. */
  whoFillers: phraseList,
  /** Laughter words besides "haha", "jajaja" at any length: a message of laughter only is courtesy. */
  laughter: phraseList.min(1),
  /** "just the bruising", "solo la primera": the person names these and no others. */
  only: phraseList.min(1),
  /** Words a reply that picks from a numbered list may hold besides numbers and ordinals. */
  pickWords: phraseList.min(1),
  /** Ordinals by position: ["first", "1st"] is the first. */
  ordinals: z.array(phraseList.min(1)).min(1),
  /** Around an ordinal inside a longer message, the words that make it a pick: "the first", "la segunda", "first one". */
  ordinalMarks: z.object({ before: phraseList, after: phraseList }),
  /**
   * Doubt in a reply: `strong` makes what its clause names unsure ("not sure", "no sé si"); `soft`
   * only a report ("maybe", "creo que"). A doubt said on its own ("no sé", "idk") is the lexicon's
   * `answers.doubt`. A whole message that is any of them is a "not sure" reply.
   */
  hedges: z.object({ strong: phraseList.min(1), soft: phraseList.min(1) }),
  /** "I didn't say that", "quita lo del peso": an item to take out of the read-back. */
  remove: phraseList.min(1),
  /** "anything else", "los demás": a clause about items other than the ones just named. */
  otherItems: phraseList.min(1),
  /** Topic words that name an item in a correction ("lo del peso", "my weight"). */
  itemWords: z.record(z.enum(ITEM_IDS), phraseList.min(1)),
  /** Questions this check cannot answer but must not ignore ("do I have leukemia?", "are you a bot?"). */
  questions: kinds(HARD_QUESTIONS),
  /** After a closing: thanks or goodbye, and "ok what do I do". */
  afterClosing: kinds(AFTER_CLOSING_REPLIES),
  /** A request for a person needs one word of each: asking, reaching and a person. */
  /**
   * A request for a person: an ask ("can I", or the message being a question), a reach ("talk") and
   * a person ("a nurse"). `advice`: words that make a question one of advice, not a request ("should
   * I call the doctor?"). `qualifiers`: people words that only describe ("real", "de verdad"): a
   * question alone needs a person named ("real talk, can leukemia...?" asks for nobody).
   */
  personRequest: z.object({ asks: phraseList.min(1), reach: phraseList.min(1), people: phraseList.min(1), advice: phraseList.default([]), qualifiers: phraseList.default([]) }),
  /** A goodbye taken back in the same message ("bye Thandi... wrong window, carry on") is no quit. */
  carryOn: phraseList.min(1),
  /**
   * Asking to stop in words no list holds, read by rules (check/keywords.ts `asksToStop`): a stop
   * word beside a word of here or now ("stop am here", "paramos aquí"), not after a negation
   * ("it won't stop now"); "let's" before a stop word ("make we stop"); not wanting to go on ("no
   * quiere continua"); going on later ("seguimos luego", "finish it tomorrow"); or nothing but
   * words of later ("después ya lang").
   */
  stopRequest: z.object({
    stop: phraseList.min(1),
    here: phraseList.min(1),
    lets: phraseList.min(1),
    notWant: phraseList.min(1),
    resume: phraseList.min(1),
    later: phraseList.min(1),
    tails: phraseList.default([]),
    /** Going on with something else than the check: "no quiero seguir viviendo", "don't want to go on living". */
    notAfter: phraseList.default([]),
    notBefore: phraseList.default([]),
  }),
}).strict();

export type RepliesData = z.infer<typeof repliesSchema>;
