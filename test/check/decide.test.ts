import { decide, type Move, type Situation } from '../../check/decide';
import type { Question } from '../../check/questions';
import { Reading } from '../../check/reading';
import type { Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';

// The turn decision as one table: where the conversation stands, what the person sent, and what
// the bot does. The order of precedence (emergency, then quit and person, then language, then
// starting over, then questions, then the answer) is the first block.

const group: Question = { kind: 'group', list: 'symptoms', items: ['bone_pain', 'fever', 'pale_skin'], subject: 'self', followUp: false };
const screen: Question = { kind: 'screen', subject: 'self' };
const childScreen: Question = { kind: 'screen', subject: 'child' };
const checking = (question: Question | null = group): Situation => ({ kind: 'checking', question });
const fresh: Situation = { kind: 'fresh' };
const askedNow: Situation = { kind: 'askedNow', retried: false };
const askedTwice: Situation = { kind: 'askedNow', retried: true };
const afterEmergency: Situation = { kind: 'afterEmergency' };
const afterClosing: Situation = { kind: 'afterClosing', ended: 'completed' };

const en = translate('en');
const es = translate('es');

type Row = [string, Situation, string, Locale, Partial<Move>];

const PRECEDENCE: Row[] = [
  ['an emergency beats stopping', checking(), "stop, I can't breathe", 'en', { kind: 'emergency', tier: 'clear' }],
  ['an emergency beats a person', checking(), 'talk to a person, no puedo respirar', 'en', { kind: 'emergency' }],
  ['an emergency beats a language switch', checking(), 'español, no puedo respirar', 'en', { kind: 'emergency' }],
  ['an emergency beats a question', checking(), "what is ALL? I can't breathe", 'en', { kind: 'emergency' }],
  ['a person beats a language', checking(), 'talk to a person in spanish', 'en', { kind: 'close', reason: 'human' }],
  ['quit beats a language', checking(), 'salir', 'en', { kind: 'close', reason: 'quit' }],
  ['a language beats starting over', checking(), 'español', 'en', { kind: 'language', locale: 'es' }],
  ['starting over beats a question', checking(), 'start over', 'en', { kind: 'restart' }],
  ['a question beats the answer', checking(), 'what is ALL?', 'en', { kind: 'side', answer: { kind: 'faq', faqId: expect.any(String) } as never }],
  ['then the answer', checking(), 'my gums bleed', 'en', { kind: 'answer' }],
];

const SCREEN: Row[] = [
  ['a tapped sign is an emergency of its kind', checking(screen), en('screen.signs.chest'), 'en', { kind: 'emergency', emergencyKind: 'chest_pain', tier: 'clear' }],
  ['self-harm tapped (988 follows from the kind)', checking(screen), en('screen.signs.selfHarm'), 'en', { kind: 'emergency', emergencyKind: 'self_harm' }],
  ['a child sign, in Spanish', checking(childScreen), es('screen.signs.floppy'), 'es', { kind: 'emergency', emergencyKind: 'fainting' }],
  ['a sign picked by number (SMS)', checking(childScreen), '1', 'en', { kind: 'emergency', emergencyKind: 'breathing' }],
  ['"yes" without which one', checking(screen), 'yes', 'en', { kind: 'emergency', emergencyKind: null, tier: 'clear' }],
  ['a possible red flag said to the screen is happening now', checking(screen), 'I took a handful of tablets', 'en', { kind: 'emergency', tier: 'clear' }],
  ['"None of these" goes on', checking(screen), en('screen.choices.none'), 'en', { kind: 'answer' }],
  ['"nada de eso" goes on', checking(screen), 'no, nada de eso', 'es', { kind: 'answer' }],
  ['the last number is "None of these"', checking(screen), '7', 'en', { kind: 'answer' }],
];

const POSSIBLE: Row[] = [
  ['a possible red flag asks "right now?"', checking(), 'I took a handful of tablets', 'en', { kind: 'emergency', tier: 'possible' }],
  ['"right now" answers it already', checking(), 'I took a handful of tablets right now', 'en', { kind: 'emergency', tier: 'clear' }],
  ['"ahora mismo" too', checking(), 'me tomé un puñado de pastillas ahora mismo', 'es', { kind: 'emergency', tier: 'clear' }],
  ['"ayuda" too', checking(), 'ayuda, me tomé un puñado de pastillas', 'es', { kind: 'emergency', tier: 'clear' }],
  ['yes to "right now?" closes as an emergency', askedNow, en('emergency.choices.yes'), 'en', { kind: 'emergency', tier: 'clear' }],
  ['no to "right now?" goes back', askedNow, en('emergency.choices.no'), 'en', { kind: 'resume' }],
  ['"no" in words goes back', askedNow, 'no', 'es', { kind: 'resume' }],
  ['not understood: asked once more', askedNow, 'banana', 'en', { kind: 'askNowAgain' }],
  ['not understood twice: taken as yes', askedTwice, 'banana', 'en', { kind: 'emergency', tier: 'clear' }],
  ['stop while asked', askedNow, 'stop', 'en', { kind: 'close', reason: 'quit' }],
];

const AFTER_EMERGENCY: Row[] = [
  ['the way back, tapped', afterEmergency, en('emergency.choices.back'), 'en', { kind: 'resume' }],
  ['the way back, tapped in Spanish', afterEmergency, es('emergency.choices.back'), 'es', { kind: 'resume' }],
  ['the way back, numbered on SMS', afterEmergency, '1', 'en', { kind: 'resume' }],
  ['the way back in words', afterEmergency, "it was a false alarm, I'm safe", 'en', { kind: 'resume' }],
  ['the way back in Spanish words', afterEmergency, 'fue un error, estoy a salvo', 'es', { kind: 'resume' }],
  ['a new red flag gets the advice again', afterEmergency, "I can't breathe", 'en', { kind: 'emergency' }],
  ['thanks gets a goodbye', afterEmergency, 'thank you', 'en', { kind: 'farewell' }],
  ['bye gets a goodbye, not a second closing', afterEmergency, 'bye', 'en', { kind: 'farewell' }],
  ['"what do I do" gets the advice again', afterEmergency, 'ok what do I do', 'en', { kind: 'repeatAdvice' }],
  ['a question is answered', afterEmergency, 'what is ALL?', 'en', { kind: 'side' }],
  ['"start" begins a new check', afterEmergency, 'start', 'en', { kind: 'newCheck' }],
  ['a person', afterEmergency, 'talk to a person', 'en', { kind: 'close', reason: 'human' }],
  ['anything else: the way back offered again', afterEmergency, 'hmm', 'en', { kind: 'offerBack' }],
];

const OUTSIDE_A_CHECK: Row[] = [
  ['after a closing, thanks', afterClosing, 'thanks', 'en', { kind: 'farewell' }],
  ['after a closing, laughter is a goodbye, not a new check', afterClosing, 'jajajaja', 'es', { kind: 'farewell' }],
  ['after a closing, "lol"', afterClosing, 'lol', 'en', { kind: 'farewell' }],
  ['after a closing, "listo"', afterClosing, 'listo', 'es', { kind: 'farewell' }],
  ['mid-check, thanks is courtesy, not a wrong answer', checking(), 'thank you', 'en', { kind: 'side', answer: { kind: 'courtesy', laughed: false } }],
  ['mid-check, laughter too', checking(), 'jajaja', 'es', { kind: 'side', answer: { kind: 'courtesy', laughed: true } }],
  ['"hija" to "who is this for?" is an answer, not a laugh', checking({ kind: 'who' }), 'hija', 'es', { kind: 'answer' }],
  ['"hijo jaja" too', checking({ kind: 'who' }), 'hijo jaja', 'es', { kind: 'answer' }],
  ['mid-check, "no thanks" is an answer', checking(), 'no thanks', 'en', { kind: 'answer' }],
  ['mid-check, thanks with a report is the report', checking(), 'thanks, my gums bleed', 'en', { kind: 'answer' }],
  ['mid-check, "ok bye" leaves', checking(), 'ok bye', 'en', { kind: 'close', reason: 'quit' }],
  ['after a closing, a question is answered', afterClosing, 'do I have leukemia?', 'en', { kind: 'side', answer: { kind: 'hard', question: 'diagnosis' } }],
  ['after a closing, a red flag', afterClosing, 'no puedo respirar', 'es', { kind: 'emergency' }],
  ['after a closing, anything else begins again', afterClosing, 'my kid bruises a lot', 'en', { kind: 'newCheck' }],
  ['a first message with a red flag', fresh, "I can't breathe", 'en', { kind: 'emergency' }],
  ['a first message in Spanish', fresh, 'hola', 'en', { kind: 'language', locale: 'es' }],
  ['a first message with a question', fresh, 'what is ALL?', 'en', { kind: 'side' }],
  ['a first message of any other kind', fresh, 'my kid bruises a lot', 'en', { kind: 'newCheck' }],
];

const URGENCY: Row[] = [
  ['"should I go to the ER?" gets where to go', checking(), 'should I go to the ER?', 'en', { kind: 'side', answer: { kind: 'urgency', urgencyKind: null } }],
  ['"¿debo ir a urgencias?" too', checking(), '¿debo ir a urgencias?', 'es', { kind: 'side', answer: { kind: 'urgency', urgencyKind: null } }],
  ['a question naming a sign gets that sign\'s advice', checking(), 'is a seizure an emergency?', 'en', { kind: 'side', answer: { kind: 'urgency', urgencyKind: 'seizure' } }],
  ['the person\'s own sign with the question is an emergency', checking(), "I can't breathe, should I go to the ER?", 'en', { kind: 'emergency', tier: 'clear' }],
  ['after a closing, answered too', afterClosing, 'should I go to the ER?', 'en', { kind: 'side', answer: { kind: 'urgency' } as never }],
];

const feverNoted: Situation = { kind: 'checking', question: group, noted: { notes: { fever: 'yes' }, about: 'self' } };
const onTreatment: Situation = { kind: 'checking', question: group, awaiting: { kind: 'fever_on_treatment', about: 'self' } };
const AWAITING: Row[] = [
  ['a fever after a treatment going on now is a fever during treatment', onTreatment, 'temp is 38.9 now', 'en', { kind: 'emergency', emergencyKind: 'fever_on_treatment', tier: 'clear' }],
  ['"tiene fiebre" too', onTreatment, 'ahora tiene fiebre', 'es', { kind: 'emergency', emergencyKind: 'fever_on_treatment', tier: 'clear' }],
  ['no fever is the answer', onTreatment, 'no fever', 'en', { kind: 'answer' }],
  ['without a treatment waiting, a fever is an answer', checking(), 'temp is 38.9 now', 'en', { kind: 'answer' }],
  ['the other way round: a fever noted, then a treatment going on now', feverNoted, "she's on chemo at the moment", 'en', { kind: 'emergency', emergencyKind: 'fever_on_treatment', tier: 'clear' }],
  ['"está en quimio" too', feverNoted, 'ahora mismo está en quimioterapia', 'es', { kind: 'emergency', emergencyKind: 'fever_on_treatment', tier: 'clear' }],
  ['a treatment long over after a fever noted is an answer', feverNoted, 'she had chemo years ago', 'en', { kind: 'answer' }],
];

describe.each([
  ['precedence', PRECEDENCE],
  ['a red flag waiting for its item', AWAITING],
  ['questions about urgency', URGENCY],
  ['the red-flag screen', SCREEN],
  ['possible red flags', POSSIBLE],
  ['after the 911 advice', AFTER_EMERGENCY],
  ['outside a running check', OUTSIDE_A_CHECK],
] as const)('decide: %s', (_name, rows) => {
  it.each(rows)('%s', (_why, situation, text, locale, move) => {
    expect(decide(situation, new Reading(text, locale))).toMatchObject(move);
  });
});
