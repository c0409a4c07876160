import { MAX_CORRECTIONS, MAX_DETOURS, type Notes } from '../../check/check';
import { Reading, type Selection } from '../../check/reading';
import { words, type Say } from '../../check/say';
import { EMPTY_STATE, step, type CheckState, type Input, type Running, type Step } from '../../check/step';
import type { ItemId, Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';

// The check's transitions as one table: each step of the check (and each place outside one) by
// each kind of input (a person joining, a tap, words, a card's ticked boxes, something not
// understood, a question, a language, starting over, leaving, a red flag), in both languages.
// A row says what the bot says, in order, and where the conversation then stands.

const APPOINTMENT = { phone: '1-888-663-3488', organization: 'Moffitt Cancer Center' };

/** What the bot said, as short names: "question:who", "question:screen#1" (a re-ask), "closing:quit". */
function said(say: Say): string {
  switch (say.kind) {
    case 'text':
      return `text:${say.key}`;
    case 'question':
      return `question:${say.question.kind}${say.retry ? `#${say.retry}` : ''}`;
    case 'emergency':
      return `emergency:${say.tier}`;
    case 'closing':
      return `closing:${say.reason}${say.wayBack ? '+back' : ''}`;
    case 'side':
      return `side:${say.answer.kind}`;
    case 'goodbye':
      return `goodbye${say.afterEmergency ? ':emergency' : ''}`;
    default:
      return say.kind;
  }
}

/** Where the conversation stands, in a word. */
function where(state: CheckState): string {
  if (state.pendingEmergency) return 'askedNow';
  if (state.paused) return 'paused';
  const { check } = state;
  if (!check) return state.ended ? `ended:${state.ended}` : 'fresh';
  if (check.readBack) return `readBack:${check.readBack.stage ?? 'confirm'}`;
  const { step: at } = check;
  if (at.at === 'who') return at.again ? 'who+' : 'who';
  if (at.at === 'list') return `${at.options.list}${at.options.oneByOne ? ':oneByOne' : ''}:${at.group.length}`;
  return at.at;
}

const GROUP: ItemId[] = ['bone_pain', 'bleeding_gums', 'fever'];
const running = (atStep: Step, more: Partial<Running> = {}): CheckState => ({ detours: 0, check: { step: atStep, subject: 'self', attempts: 0, ...more } });
const listStep = (notes: Notes = {}, oneByOne?: ItemId[]): Step => ({ at: 'list', options: { list: 'symptoms', notes, index: 1, ...(oneByOne ? { oneByOne } : {}) }, group: oneByOne ?? GROUP });
const ALL_SYMPTOMS_NO: Notes = {
  bone_pain: 'no',
  bleeding_gums: 'no',
  fever: 'no',
  pale_skin: 'no',
  easy_bruising: 'no',
  petechiae: 'no',
  fatigue: 'no',
  swollen_lymph_nodes: 'no',
  shortness_of_breath: 'no',
  weight_loss_appetite: 'no',
};

const STATES = {
  fresh: EMPTY_STATE,
  who: running({ at: 'who', again: false, notes: {} }),
  whoAgain: running({ at: 'who', again: true, notes: { bleeding_gums: 'yes' } }),
  screen: running({ at: 'screen', whoNotes: {} }),
  open: running({ at: 'open' }),
  readBack: running({ at: 'open' }, { readBack: { notes: { bleeding_gums: 'yes' }, corrections: 0 } }),
  readBackWhich: running({ at: 'open' }, { readBack: { notes: { bleeding_gums: 'yes', fever: 'no' }, corrections: 1, stage: 'which' } }),
  readBackWorn: running({ at: 'open' }, { readBack: { notes: { bleeding_gums: 'yes' }, corrections: MAX_CORRECTIONS } }),
  readBackItem: running({ at: 'open' }, { readBack: { notes: { bleeding_gums: 'yes' }, corrections: 1, stage: 'item', item: 'bleeding_gums' } }),
  symptoms: running(listStep()),
  oneByOne: running(listStep({}, ['bone_pain', 'fever'])),
  lastRisk: running({ at: 'list', options: { list: 'risks', notes: { ...ALL_SYMPTOMS_NO, sibling_with_all: 'no', genetic_syndrome: 'no', chemical_radiation_exposure: 'no' }, index: 1 }, group: ['prior_cancer_treatment'] }),
  secondRetry: running({ at: 'open' }, { attempts: 2 }),
  tooManyDetours: { ...running({ at: 'open' }), detours: MAX_DETOURS },
  askedNow: { ...running({ at: 'open' }), pendingEmergency: { emergencyKind: 'self_harm', locale: 'en', retried: false } } as CheckState,
  askedNowDeferred: {
    ...running(listStep()),
    pendingEmergency: { emergencyKind: 'self_harm', locale: 'en', retried: false, deferred: { kind: 'notes', notes: { easy_bruising: 'yes' }, only: false, fromWords: false } },
  } as CheckState,
  paused: { ...running({ at: 'open' }), ended: 'emergency', paused: true } as CheckState,
  ended: { detours: 0, ended: 'completed' } as CheckState,
} satisfies Record<string, CheckState>;
type StateName = keyof typeof STATES;

/** The words people send, in each language. */
const PHRASES = {
  en: {
    notes: 'my gums bleed and I have a fever',
    unknown: 'asdf qwer zxcv',
    faq: 'what is ALL?',
    language: 'español',
    restart: 'start over',
    quit: 'stop',
    human: 'talk to a person',
    clear: "I can't breathe",
    possible: 'I took a handful of tablets',
    thanks: 'thank you',
    fine: 'no',
    back: "it was a false alarm, I'm safe",
  },
  es: {
    notes: 'me sangran las encías y tengo fiebre',
    unknown: 'asdf qwer zxcv',
    faq: '¿qué es la LLA?',
    language: 'english',
    restart: 'empezar de nuevo',
    quit: 'salir',
    human: 'hablar con una persona',
    clear: 'no puedo respirar',
    possible: 'me tomé un puñado de pastillas',
    thanks: 'gracias',
    fine: 'no',
    back: 'fue un error, estoy a salvo',
  },
} as const satisfies Record<Locale, Record<string, string>>;
type Phrase = keyof (typeof PHRASES)['en'];

/** A message: a button (by its locales/ key), words (by PHRASES name), or a card's ticked boxes. */
type Sent = { tap: Parameters<ReturnType<typeof translate>>[0] } | { words: Phrase } | { ticked: ItemId[] } | { join: true };

interface Row {
  from: StateName;
  sent: Sent;
  says: string[];
  then: string;
  /** The channel shows lists as checklist cards. */
  cards?: boolean;
}

const row = (from: StateName, sent: Sent, says: string[], then: string, cards = false): [string, Row] => [
  `${from} + ${Object.entries(sent)[0]!.join(' ')}`,
  { from, sent, says, then, cards },
];

const ROWS: [string, Row][] = [
  // A new conversation
  row('fresh', { join: true }, ['text:welcome.notice', 'question:who'], 'who'),
  row('who', { join: true }, [], 'who'),
  row('ended', { join: true }, ['text:welcome.notice', 'question:who'], 'who'),
  row('fresh', { words: 'notes' }, ['text:welcome.notice', 'question:who'], 'who'),
  row('fresh', { words: 'faq' }, ['side:faq', 'text:welcome.notice', 'question:who'], 'who'),
  row('fresh', { words: 'clear' }, ['emergency:clear', 'closing:emergency+back'], 'paused'),
  // Who is this for?
  row('who', { tap: 'who.choices.self' }, ['question:screen'], 'screen'),
  row('who', { tap: 'who.choices.child' }, ['question:screen'], 'screen'),
  row('who', { words: 'notes' }, ['text:who.notedFirst', 'question:who'], 'who+'),
  row('who', { words: 'unknown' }, ['question:who#1'], 'who'),
  row('whoAgain', { tap: 'who.choices.someone' }, ['question:screen'], 'screen'),
  row('whoAgain', { words: 'notes' }, ['closing:not_understood'], 'ended:not_understood'),
  // The red-flag screen
  row('screen', { tap: 'screen.choices.none' }, ['question:open'], 'open'),
  row('screen', { tap: 'screen.signs.breathing' }, ['emergency:clear', 'closing:emergency+back'], 'paused'),
  row('screen', { words: 'notes' }, ['question:readBack'], 'readBack:confirm'),
  row('screen', { words: 'unknown' }, ['question:screen#1'], 'screen'),
  // The open question
  row('open', { tap: 'open.choices.list' }, ['question:group'], 'symptoms:3'),
  row('open', { tap: 'open.choices.list' }, ['question:group'], 'symptoms:10', true),
  row('open', { words: 'notes' }, ['question:readBack'], 'readBack:confirm'),
  row('open', { words: 'fine' }, ['question:group'], 'symptoms:3'),
  row('open', { words: 'unknown' }, ['question:open#1'], 'open'),
  row('secondRetry', { words: 'unknown' }, ['closing:not_understood'], 'ended:not_understood'),
  row('tooManyDetours', { words: 'unknown' }, ['closing:not_understood'], 'ended:not_understood'),
  // The read-back and its corrections
  row('readBack', { tap: 'readBack.choices.right' }, ['question:group'], 'symptoms:3'),
  row('readBack', { tap: 'readBack.choices.reject' }, ['question:readBackWhich'], 'readBack:which'),
  row('readBack', { words: 'notes' }, ['question:readBack'], 'readBack:confirm'),
  row('readBack', { words: 'unknown' }, ['question:readBack#1'], 'readBack:confirm'),
  row('readBackWhich', { tap: 'readBack.choices.dropAll' }, ['text:readBack.setAside', 'question:group'], 'symptoms:3'),
  // Corrections by button count like corrections in words: after the last one, "No, change it" sets the read-back aside.
  row('readBackWorn', { tap: 'readBack.choices.reject' }, ['text:readBack.setAside', 'question:group'], 'symptoms:3'),
  row('readBackItem', { tap: 'item.choices.no' }, ['question:readBack'], 'readBack:confirm'),
  // The lists
  row('symptoms', { tap: 'group.choices.none' }, ['question:group'], 'symptoms:3'),
  row('symptoms', { tap: 'group.choices.unsure' }, ['text:group.oneByOne', 'question:item'], 'symptoms:oneByOne:3'),
  row('symptoms', { words: 'notes' }, ['question:readBack'], 'readBack:confirm'),
  row('symptoms', { ticked: ['fever'] }, ['question:group'], 'symptoms:3'),
  row('symptoms', { words: 'unknown' }, ['question:group#1'], 'symptoms:3'),
  row('oneByOne', { tap: 'item.choices.yes' }, ['question:item'], 'symptoms:oneByOne:1'),
  row('lastRisk', { tap: 'item.choices.no' }, ['summary', 'closing:completed'], 'ended:completed'),
  row('lastRisk', { tap: 'group.choices.none' }, ['summary', 'closing:completed'], 'ended:completed'),
  // What can cut into any step
  row('symptoms', { words: 'faq' }, ['side:faq', 'question:group'], 'symptoms:3'),
  row('symptoms', { words: 'language' }, ['side:language', 'question:group'], 'symptoms:3'),
  row('symptoms', { words: 'restart' }, ['text:restart.text', 'question:who'], 'who'),
  row('symptoms', { words: 'quit' }, ['closing:quit'], 'ended:quit'),
  row('symptoms', { words: 'human' }, ['closing:human'], 'ended:human'),
  row('symptoms', { words: 'thanks' }, ['side:courtesy', 'question:group'], 'symptoms:3'),
  row('tooManyDetours', { words: 'faq' }, ['closing:not_understood'], 'ended:not_understood'),
  // Red flags and the way back
  row('symptoms', { words: 'clear' }, ['emergency:clear', 'closing:emergency+back'], 'paused'),
  row('symptoms', { words: 'possible' }, ['emergency:possible', 'question:emergencyNow'], 'askedNow'),
  row('askedNow', { tap: 'emergency.choices.no' }, ['text:emergency.notNowCrisis', 'question:open'], 'open'),
  row('askedNow', { tap: 'emergency.choices.yes' }, ['emergency:clear', 'closing:emergency+back'], 'paused'),
  row('askedNow', { words: 'unknown' }, ['question:emergencyNow#1'], 'askedNow'),
  row('askedNowDeferred', { tap: 'emergency.choices.no' }, ['text:emergency.notNowCrisis', 'question:group'], 'symptoms:3'),
  row('paused', { tap: 'emergency.choices.back' }, ['text:emergency.resumed', 'question:open'], 'open'),
  row('paused', { words: 'back' }, ['text:emergency.resumed', 'question:open'], 'open'),
  row('paused', { words: 'thanks' }, ['goodbye:emergency'], 'paused'),
  row('paused', { words: 'faq' }, ['side:faq', 'wayBack'], 'paused'),
  row('paused', { words: 'unknown' }, ['wayBack'], 'paused'),
  row('paused', { words: 'restart' }, ['text:welcome.notice', 'question:who'], 'who'),
  // After a closing
  row('ended', { words: 'thanks' }, ['goodbye'], 'ended:completed'),
  row('ended', { words: 'faq' }, ['side:faq', 'offerNewCheck'], 'ended:completed'),
  row('ended', { words: 'notes' }, ['text:welcome.notice', 'question:who'], 'who'),
  row('ended', { words: 'clear' }, ['emergency:clear', 'closing:emergency+back'], 'paused'),
];

function input(sent: Sent, locale: Locale, cards: boolean): Input {
  if ('join' in sent) return { kind: 'start', locale };
  if ('ticked' in sent) {
    const selection: Selection = { shown: GROUP, ticked: sent.ticked };
    return { kind: 'message', reading: new Reading('', locale, selection), cards };
  }
  const text = 'tap' in sent ? translate(locale)(sent.tap) : PHRASES[locale][sent.words];
  return { kind: 'message', reading: new Reading(text, locale), cards };
}

describe.each(['en', 'es'] as const)('step, in %s', (locale) => {
  it.each(ROWS)('%s', (_name, { from, sent, says, then, cards = false }) => {
    const state = JSON.parse(JSON.stringify(STATES[from])) as CheckState;
    const before = JSON.stringify(state);
    const result = step(state, input(sent, locale, cards));
    expect(result.say.map(said)).toEqual(says);
    expect(where(result.state)).toBe(then);
    // Pure: the state handed in is untouched, and the one handed back is plain JSON.
    expect(JSON.stringify(state)).toBe(before);
    expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
    // Every reply has words in the conversation's language (or the one the person just chose).
    for (const one of result.say) expect(words(one, APPOINTMENT).text.length).toBeGreaterThan(0);
  });
});

describe('step, what the state keeps', () => {
  const say = (state: CheckState, text: string, locale: Locale = 'en') => step(state, { kind: 'message', reading: new Reading(text, locale), cards: false });

  it('"español" in a check keeps the language for the conversation and asks again in it', () => {
    const result = say(STATES.symptoms, 'español');
    expect(result.state.locale).toBe('es');
    expect(result.say.map((one) => one.locale)).toEqual(['es', 'es']);
    expect(result.state.detours).toBe(1);
  });

  it('a confirmed read-back is kept in the notes the list starts from', () => {
    const result = say(STATES.readBack, 'Yes, that’s right');
    const atStep = result.state.check!.step;
    expect(atStep.at === 'list' && atStep.options.notes).toEqual({ bleeding_gums: 'yes' });
  });

  it('the summary holds every answer, and the closing follows it', () => {
    const result = say(STATES.lastRisk, 'No');
    const summary = result.say[0] as Extract<Say, { kind: 'summary' }>;
    expect(summary.notes).toMatchObject({ ...ALL_SYMPTOMS_NO, prior_cancer_treatment: 'no' });
    expect(words(summary, APPOINTMENT).check).toEqual({ answers: summary.notes });
    expect(words(result.say[1]!, APPOINTMENT).check).toEqual({ ended: 'completed' });
  });

  it('a read-back in a check for someone else is read as theirs: "not sure my mother has red dots" makes them unsure', () => {
    const forMother: CheckState = { detours: 0, check: { step: { at: 'open' }, subject: 'someone', attempts: 0, readBack: { notes: { petechiae: 'yes', bone_pain: 'yes' }, corrections: 0 } } };
    for (const [locale, text] of [['es', 'no sé si mi madre tiene puntitos rojos'], ['en', "I'm not sure my mother has red dots"]] as const) {
      const result = step(JSON.parse(JSON.stringify(forMother)) as CheckState, { kind: 'message', reading: new Reading(text, locale), cards: false });
      expect(result.state.check?.readBack?.notes).toEqual({ petechiae: 'unsure', bone_pain: 'yes' });
    }
  });

  it('a new check forgets the last one but its language', () => {
    const result = step({ detours: 5, locale: 'es', ended: 'quit', mentioned: ['night_sweats'] }, { kind: 'start', locale: 'es' });
    expect(result.state).toEqual({ detours: 0, locale: 'es', check: { step: { at: 'who', again: false, notes: {} }, attempts: 0 } });
  });

  it('things outside the list are noted once, and named in the summary', () => {
    const first = say(STATES.open, 'I have night sweats');
    expect(first.say.map(said)).toContain('unlisted');
    expect(first.state.mentioned?.length).toBe(1);
    expect(say(first.state, 'I have night sweats').say.map(said)).not.toContain('unlisted');
  });
});
