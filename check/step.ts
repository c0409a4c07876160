import { redFlagAdvice, SYMPTOM_IDS, type ItemId, type Locale } from '../knowledge';
import {
  answerAll,
  GAVE_UP,
  isClose,
  MAX_CORRECTIONS,
  MAX_DETOURS,
  MAX_GROUP_SIZE,
  MAX_RETRIES,
  nextGroup,
  unanswered,
  type Answer,
  type ClosingReason,
  type ItemList,
  type Notes,
  type Outcome,
  type Subject,
} from './check';
import { decide, type Move, type Situation } from './decide';
import type { Question } from './questions';
import type { Reading } from './reading';
import { aboutWhom, readReply, type Reply } from './replies';
import type { Say } from './say';

// The whole check as data and one pure function: where a conversation stands (CheckState, plain
// JSON, saved once per turn) and what a message or a new conversation does to it, with what the
// bot says. The turn decision (decide.ts) comes first, safety first; then the question on screen
// reads the message. Who it is for, the red-flag screen, the open question, the read-back and its
// corrections, the two lists, the summary and every ending are the steps below.
// test/check/step.test.ts holds the transitions as a table.

/** A possible red flag waiting for "Is this happening right now?": its kind, never the words. */
export interface PendingEmergency {
  emergencyKind: string | null;
  locale: Locale;
  /** Asked again once already. */
  retried: boolean;
  /**
   * What the message that raised the flag answered to the question on screen, as item ids and
   * answers ("me salen moretones... se tomó muchas pastillas"): kept so that "no, not now" goes
   * on with it instead of losing it.
   */
  deferred?: Extract<Reply, { kind: 'notes' }>;
}

/** A list being asked: its options, and the group on screen. */
export interface ListOptions {
  list: ItemList;
  /** Everything noted so far, both lists: only items without an answer are asked. */
  notes: Notes;
  /** The group to ask, when some of it is still open; otherwise the next group is chosen. */
  group?: ItemId[];
  /** Asked again after some were answered: "Any of these others?" */
  followUp?: boolean;
  /** Questions of this list asked so far: the wording varies, the instruction line is shown once. */
  index?: number;
  /** After "Not sure" for a whole group: these items, asked one at a time. */
  oneByOne?: ItemId[];
  /** After "Not sure" for a whole list on a card: the rest in small groups, as on other channels. */
  small?: boolean;
}

/** Where a running check is. */
export type Step =
  /** "Who is this check for?"; `again`: asked once more after symptoms came first, kept in `notes`. */
  | { at: 'who'; again: boolean; notes: Notes }
  /** The red-flag screen; `whoNotes`: what the answer to "who?" reported, read back after it. */
  | { at: 'screen'; whoNotes: Notes }
  /** "In your own words, how have you been feeling?" */
  | { at: 'open' }
  | { at: 'list'; options: ListOptions; group: ItemId[] };

/** "I noted: ... Is that right?" on top of the step that read free text. */
export interface ReadBack {
  /** What free text was read as, not yet kept. */
  notes: Notes;
  corrections: number;
  /** "confirm": "Is that right?"; "which": which one to change; "item": that one item's answer. */
  stage?: 'confirm' | 'which' | 'item';
  item?: ItemId;
}

/** A check from the welcome to its closing. */
export interface Running {
  step: Step;
  readBack?: ReadBack;
  /** Who the check is for, once answered. */
  subject?: Subject;
  /** Answers to the question on screen not understood so far (it is re-asked, then the check closes). */
  attempts: number;
}

/** Everything kept of a conversation between turns: ids, answers and counters, never what was typed. */
export interface CheckState {
  /**
   * The language asked for in this conversation ("español", "hola"). Kept per conversation, never
   * per person: a new conversation starts in its own activity's (or page's) language.
   */
  locale?: Locale;
  /** Messages that did not move the check on; past MAX_DETOURS the check closes. */
  detours: number;
  pendingEmergency?: PendingEmergency;
  /** How the last check closed, while no new one has begun: thanks or "ok" get a short answer. */
  ended?: ClosingReason;
  /** The 911 advice closed the check, which waits on its question for "I'm safe, back to my check". */
  paused?: boolean;
  /** Ids of things outside the list the person mentioned (knowledge/data/unlisted.json). */
  mentioned?: string[];
  /** The check running, from the welcome to the closing (kept during a pause after the 911 advice). */
  check?: Running;
  /** A red flag kind waiting for its item ("on chemo", then a fever): its id, never the words. */
  awaiting?: string;
}

export type Input =
  /** A person joined: the welcome and the first question, unless a check is running. */
  | { kind: 'start'; locale: Locale }
  /**
   * A message, read once (its `locale` is the conversation's). A card's "Done" is a message whose
   * Reading holds the ticked boxes. `cards`: the channel shows a whole list as a checklist card.
   */
  | { kind: 'message'; reading: Reading; cards: boolean };

export interface StepResult {
  state: CheckState;
  say: Say[];
}

export const EMPTY_STATE: CheckState = { detours: 0 };

/** What this input does: the next state, and what the bot says, in order. Pure. */
export function step(state: CheckState, input: Input): StepResult {
  const turn = new Turn(state, input.kind === 'message' ? input.reading.locale : input.locale, input.kind === 'message' && input.cards);
  if (input.kind === 'start') {
    if (!turn.s.check) turn.beginCheck();
  } else turn.message(input.reading);
  return { state: turn.s, say: turn.say };
}

/** Where the conversation stands, for the turn decision. */
export function situationOf(state: CheckState): Situation {
  if (state.pendingEmergency) return { kind: 'askedNow', retried: state.pendingEmergency.retried };
  if (state.paused) return { kind: 'afterEmergency' };
  if (state.check) {
    const question = questionOf(state.check);
    const about = aboutWhom(state.check.subject);
    const noted = notedSoFar(state.check);
    return {
      kind: 'checking',
      question,
      ...(state.awaiting ? { awaiting: { kind: state.awaiting, about } } : {}),
      ...(Object.keys(noted).length > 0 ? { noted: { notes: noted, about } } : {}),
    };
  }
  if (state.ended) return { kind: 'afterClosing', ended: state.ended };
  return { kind: 'fresh' };
}

const isSymptom = (id: ItemId) => (SYMPTOM_IDS as readonly ItemId[]).includes(id);

/** The answers a running check holds so far: kept by its step, and read back but not yet confirmed. */
function notedSoFar({ step, readBack }: Running): Notes {
  const kept = step.at === 'list' ? step.options.notes : step.at === 'who' ? step.notes : step.at === 'screen' ? step.whoNotes : {};
  return { ...kept, ...(readBack?.notes ?? {}) };
}

/** The question waiting on screen in a running check. */
export function questionOf({ step, readBack, subject = 'self' }: Running): Question {
  if (readBack) {
    const { stage = 'confirm', item, notes } = readBack;
    if (stage === 'item' && item) return { kind: 'item', list: isSymptom(item) ? 'symptoms' : 'risks', item, subject };
    return { kind: stage === 'which' ? 'readBackWhich' : 'readBack', notes, subject };
  }
  switch (step.at) {
    case 'who':
      return { kind: 'who' };
    case 'screen':
      return { kind: 'screen', subject };
    case 'open':
      return { kind: 'open', subject };
    case 'list': {
      const { list, followUp = false, index = 0, oneByOne } = step.options;
      if (oneByOne && oneByOne.length > 0) return { kind: 'item', list, item: oneByOne[0]!, subject };
      // The instruction line once, on the check's first list question: it costs a long SMS each time.
      const hint = list === 'symptoms' && index === 0 && !followUp;
      return { kind: 'group', list, items: step.group, subject, followUp, index, hint };
    }
  }
}

const GROUP_ANSWERS: Partial<Record<Reply['kind'], Answer>> = { none: 'no', unsure: 'unsure', all: 'yes' };
const sameNotes = (a: Notes, b: Notes) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** One turn's work on a copy of the state. */
class Turn {
  readonly s: CheckState;
  readonly say: Say[] = [];

  constructor(
    state: CheckState,
    /** The conversation's language this turn; a language switch changes it. */
    private locale: Locale,
    /** The channel shows a whole list as a checklist card. */
    private readonly cards: boolean,
  ) {
    this.s = JSON.parse(JSON.stringify(state)) as CheckState;
    this.s.detours ??= 0;
  }

  private text(key: Extract<Say, { kind: 'text' }>['key'], params?: Record<string, string>, locale = this.locale): void {
    this.say.push(params ? { kind: 'text', locale, key, params } : { kind: 'text', locale, key });
  }

  // ---- The turn decision, carried out -------------------------------------------------------

  message(reading: Reading): void {
    const situation = situationOf(this.s);
    const move = decide(situation, reading);
    const { s } = this;
    // Kept for the rest of the conversation: a treatment going on now waits for a fever.
    const waiting = reading.in(reading.locale, aboutWhom(s.check?.subject)).flagAwaiting;
    if (waiting && move.kind !== 'emergency') s.awaiting = waiting;
    switch (move.kind) {
      case 'emergency':
        return this.emergency(move, situation, reading);
      case 'close':
        return this.close(move.reason);
      case 'resume':
        return situation.kind === 'askedNow' ? this.notNow(s.pendingEmergency!) : this.resume();
      case 'askNowAgain':
        s.pendingEmergency = { ...s.pendingEmergency!, retried: true };
        return void this.say.push({ kind: 'question', locale: s.pendingEmergency.locale, question: { kind: 'emergencyNow' }, retry: 1 });
      case 'farewell':
        return void this.say.push({ kind: 'goodbye', locale: this.locale, afterEmergency: s.ended === 'emergency' || situation.kind === 'afterEmergency' });
      case 'repeatAdvice':
        this.say.push({ kind: 'emergencyAgain', locale: this.locale });
        return void this.say.push({ kind: 'wayBack', locale: this.locale });
      case 'offerBack':
        return void this.say.push({ kind: 'wayBack', locale: this.locale });
      case 'newCheck':
        delete s.check;
        return this.beginCheck();
      case 'answer':
        this.acknowledgeUnlisted(reading);
        return this.answered(readReply(questionOf(s.check!), reading));
    }
    // A language, a restart or a question: in a running check these do not move it on, so they
    // are counted and nobody circles forever.
    if (situation.kind === 'checking' && this.detour()) return this.close('not_understood');
    if (move.kind === 'language') {
      s.locale = move.locale;
      this.locale = move.locale;
    }
    if (move.kind === 'restart') {
      delete s.check;
      this.text('restart.text');
      return this.beginFlow(true);
    }
    const answer = move.kind === 'language' ? ({ kind: 'language' } as const) : move.answer;
    switch (situation.kind) {
      case 'checking':
        this.sideAnswer(answer);
        return this.reprompt();
      case 'afterEmergency':
        this.sideAnswer(answer);
        return void this.say.push({ kind: 'wayBack', locale: this.locale });
      case 'afterClosing':
        // A question after a closing is answered, and a new check offered rather than begun.
        if (move.kind === 'side') {
          this.sideAnswer(answer);
          return void this.say.push({ kind: 'offerNewCheck', locale: this.locale });
        }
        return this.beginCheck();
      default:
        if (move.kind === 'side') this.sideAnswer(answer);
        return this.beginCheck();
    }
  }

  private sideAnswer(answer: Extract<Say, { kind: 'side' }>['answer']): void {
    // Laughter needs no words of ours: the question simply comes again.
    if (answer.kind === 'courtesy' && answer.laughed) return;
    this.say.push({ kind: 'side', locale: this.locale, answer });
  }

  /**
   * The 911 advice, first in the turn. A possible red flag then asks "Is this happening right
   * now?"; a clear one closes the check but keeps it, with one way back to the same question.
   */
  private emergency(move: Extract<Move, { kind: 'emergency' }>, situation: Situation, reading: Reading): void {
    if (situation.kind === 'fresh' || situation.kind === 'afterClosing') this.startCheck();
    const { locale, emergencyKind, tier } = move;
    this.say.push({ kind: 'emergency', locale, emergencyKind, tier });
    if (tier === 'possible') {
      const reply = this.s.check ? readReply(questionOf(this.s.check), reading) : undefined;
      const deferred = reply?.kind === 'notes' ? reply : undefined;
      this.s.pendingEmergency = { emergencyKind, locale, retried: false, ...(deferred ? { deferred } : {}) };
      this.say.push({ kind: 'question', locale, question: { kind: 'emergencyNow' }, retry: 0 });
      return;
    }
    this.closing('emergency', locale, true);
    this.s.paused = true;
  }

  /** "No, not now" to a possible red flag: back to the same question, with what the flagged message answered. */
  private notNow(pending: PendingEmergency): void {
    delete this.s.pendingEmergency;
    // After "no" to thoughts of self-harm, a plain acknowledgement that keeps the crisis line open.
    const { crisisLine } = redFlagAdvice(pending.emergencyKind);
    this.text(crisisLine ? 'emergency.notNowCrisis' : 'emergency.notNow', undefined, pending.locale);
    if (pending.deferred && this.s.check) return this.answered(pending.deferred);
    if (this.s.check) return this.reprompt();
    this.beginCheck();
  }

  /** "I'm safe, back to my check" after the 911 advice: the same question, every answer kept. */
  private resume(): void {
    delete this.s.paused;
    delete this.s.ended;
    // Advice given before any check began: the way back is the check's beginning.
    if (!this.s.check) return this.beginCheck();
    this.text('emergency.resumed');
    this.reprompt();
  }

  /** Things outside the list ("night sweats"): said once that they are noted, kept for the summary. */
  private acknowledgeUnlisted(reading: Reading): void {
    // A tapped button is our own words, which name nothing outside the list (check/buttons.ts tests it).
    if (reading.isButton) return;
    const inLocale = reading.in(reading.locale).unlisted;
    const unlisted = inLocale.length > 0 ? inLocale : reading.inOther().unlisted;
    if (unlisted.length === 0) return;
    const mentioned = this.s.mentioned ?? [];
    const fresh = unlisted.filter((id) => !mentioned.includes(id));
    if (fresh.length === 0) return;
    this.s.mentioned = [...mentioned, ...fresh];
    this.say.push({ kind: 'unlisted', locale: this.locale, ids: fresh });
  }

  // ---- Counters and endings -----------------------------------------------------------------

  /** Counts a message that did not move the check on; true once there have been too many. */
  private detour(): boolean {
    this.s.detours += 1;
    return this.s.detours > MAX_DETOURS;
  }

  /** A new check: counters reset, nothing of an earlier check kept but the language. */
  private startCheck(): void {
    const { locale } = this.s;
    for (const key of Object.keys(this.s) as (keyof CheckState)[]) delete this.s[key];
    this.s.detours = 0;
    if (locale) this.s.locale = locale;
  }

  /**
   * The closing, the last message of every check, however it ended; remembered so that "thank
   * you" or "ok what do I do" right after get a short answer, not a new check.
   */
  private closing(reason: ClosingReason, locale = this.locale, wayBack = false): void {
    this.say.push({ kind: 'closing', locale, reason, wayBack });
    this.s.ended = reason;
    delete this.s.pendingEmergency;
    delete this.s.paused;
  }

  /** The check closes: the closing, and nothing waits on screen. */
  private close(reason: ClosingReason): void {
    this.closing(reason);
    delete this.s.check;
  }

  // ---- The check's flow ---------------------------------------------------------------------

  /** A new check from the welcome. */
  beginCheck(): void {
    this.startCheck();
    this.beginFlow(false);
  }

  /** "Who is this check for?", after the welcome notice (not after "start over"). */
  private beginFlow(restarted: boolean): void {
    if (!restarted) this.text('welcome.notice');
    this.s.check = { step: { at: 'who', again: false, notes: {} }, attempts: 0 };
    this.ask();
  }

  private get check(): Running {
    return this.s.check!;
  }

  /** The question of where the check now is, asked afresh. */
  private ask(): void {
    this.check.attempts = 0;
    this.reprompt();
  }

  /** The question on screen again, as first worded. */
  private reprompt(retry = 0): void {
    this.say.push({ kind: 'question', locale: this.locale, question: questionOf(this.check), retry });
  }

  /**
   * The question on screen read this reply. What it did not understand is asked again, at most
   * MAX_RETRIES times and within the check's detours; then the step takes the "unknown" and closes.
   */
  private answered(reply: Reply): void {
    const check = this.check;
    check.attempts += 1;
    if (reply.kind === 'unknown') {
      const tooManyDetours = this.detour();
      if (check.attempts <= MAX_RETRIES && !tooManyDetours) return this.reprompt(check.attempts);
    }
    if (check.readBack) return this.readBackAnswered(check.readBack, reply);
    const { step } = check;
    switch (step.at) {
      case 'who':
        return this.whoAnswered(step, reply);
      case 'screen': {
        // A sign never reaches here: the turn decision gives the 911 advice first. "None of these"
        // goes on with what the message also reported; a reply not understood twice goes on too.
        const notes: Notes = { ...step.whoNotes, ...(reply.kind === 'screenClear' ? reply.notes : {}) };
        if (Object.keys(notes).length > 0) return this.beginReadBack(notes);
        check.step = { at: 'open' };
        return this.ask();
      }
      case 'open':
        if (reply.kind === 'notes') return this.beginReadBack(reply.notes);
        return this.lists(reply.kind === 'toList' ? { done: {} } : GAVE_UP);
      case 'list':
        return step.options.oneByOne ? this.oneAnswered(step, reply) : this.groupAnswered(step, reply);
    }
  }

  /** Symptoms given instead of who ("my gums bleed and I'm always tired") are kept and "who?" asked once more. */
  private whoAnswered(step: Extract<Step, { at: 'who' }>, reply: Reply): void {
    if (reply.kind === 'notes' && !step.again) {
      this.check.step = { at: 'who', again: true, notes: reply.notes };
      this.text('who.notedFirst');
      return this.ask();
    }
    if (reply.kind !== 'subject') return this.close('not_understood');
    this.check.subject = reply.subject;
    this.check.step = { at: 'screen', whoNotes: { ...step.notes, ...reply.notes } };
    this.ask();
  }

  /** After the screen or the open question (and their read-back): the symptoms list. */
  private lists(outcome: Outcome<Notes>): void {
    if (isClose(outcome)) return this.close(outcome.close);
    this.beginList({ list: 'symptoms', notes: outcome.done });
  }

  /**
   * Asks a list's unanswered items until each has an answer: on a checklist card the whole list at
   * once, elsewhere 2-3 items per question; after "Not sure" for a group, one at a time.
   */
  private beginList(options: ListOptions): void {
    const { list, oneByOne } = options;
    if (oneByOne && oneByOne.length > 0) {
      this.check.step = { at: 'list', options, group: oneByOne };
      return this.ask();
    }
    const whole = this.cards && !options.small;
    const open = unanswered(list, options.notes);
    const group = options.group ?? nextGroup(open, whole ? open.length : undefined);
    if (group.length === 0) return this.listDone(list, options.notes);
    this.check.step = { at: 'list', options, group };
    this.ask();
  }

  private listDone(list: ItemList, notes: Notes): void {
    if (list === 'symptoms') {
      this.text('risks.intro');
      return this.beginList({ list: 'risks', notes });
    }
    this.say.push({ kind: 'summary', locale: this.locale, notes: { ...notes }, subject: this.check.subject ?? 'self', mentioned: [...(this.s.mentioned ?? [])] });
    this.close('completed');
  }

  /** The group is answered: on to the next one (or the end of the list) with the notes so far. */
  private askNext({ list, index = 0, small }: ListOptions, notes: Notes): void {
    this.beginList({ list, notes, index: index + 1, ...(small ? { small } : {}) });
  }

  private groupAnswered({ options, group }: Extract<Step, { at: 'list' }>, reply: Reply): void {
    // "Not sure" for a whole list is about some of it: the list again, a few items at a time.
    if (reply.kind === 'unsure' && group.length > MAX_GROUP_SIZE) {
      this.text('group.fewAtATime');
      return this.beginList({ ...withoutGroup(options), small: true, index: (options.index ?? 0) + 1 });
    }
    // "Not sure" for several items at once may be about one of them: ask them one at a time.
    if (reply.kind === 'unsure' && group.length > 1) {
      this.text('group.oneByOne');
      return this.beginList({ ...withoutGroup(options), oneByOne: group });
    }
    const sameAnswer = GROUP_ANSWERS[reply.kind];
    if (sameAnswer) return this.askNext(options, { ...options.notes, ...answerAll(group, sameAnswer) });
    if (reply.kind === 'explain') {
      // "explain" / "what do these mean?": each item in a sentence, then the same question.
      if (this.detour()) return this.close('not_understood');
      this.say.push({ kind: 'explain', locale: this.locale, items: [...group] });
      return this.beginList({ ...options, group });
    }
    if (reply.kind !== 'notes') return this.close('not_understood');
    // "just the bruising": the group's other items are a "no", shown in the read-back like the rest.
    const notes = { ...(reply.only ? answerAll(group, 'no') : {}), ...reply.notes };
    if (!reply.fromWords) return this.listNoted({ done: notes });
    this.beginReadBack(notes);
  }

  /** What a group question noted (after its read-back, for words): the rest of the group asked again. */
  private listNoted(outcome: Outcome<Notes>): void {
    if (isClose(outcome)) return this.close(outcome.close);
    const { options, group } = this.check.step as Extract<Step, { at: 'list' }>;
    const notes = { ...options.notes, ...outcome.done };
    const rest = group.filter((id) => notes[id] === undefined);
    if (rest.length === 0) return this.askNext(options, notes);
    const answeredHere = rest.length < group.length;
    // Nothing in this group answered (a set-aside read-back, or only other items named).
    if (!answeredHere && this.detour()) return this.close('not_understood');
    this.beginList({ ...options, notes, group: rest, followUp: options.followUp || answeredHere, index: (options.index ?? 0) + 1 });
  }

  /** One item of a "Not sure" group answered: the next one, then the next group. */
  private oneAnswered({ options }: Extract<Step, { at: 'list' }>, reply: Reply): void {
    const [item, ...rest] = options.oneByOne!;
    if (reply.kind === 'explain') {
      if (this.detour()) return this.close('not_understood');
      this.say.push({ kind: 'explain', locale: this.locale, items: [item!] });
      return this.beginList(options);
    }
    if (reply.kind !== 'notes' || !reply.notes[item!]) return this.close('not_understood');
    const notes = { ...options.notes, [item!]: reply.notes[item!] };
    if (rest.length > 0) return this.beginList({ ...options, notes, oneByOne: rest });
    this.askNext(options, notes);
  }

  // ---- The read-back ------------------------------------------------------------------------

  /**
   * "I noted: Easy bruising — yes; Fever — no. Is that right?" Free text is only kept once the
   * person confirms it. A correction in words changes only the item it names and is read back
   * again; "No, change it", or a correction that changed nothing, asks which one, and that one is
   * asked with buttons. Too many corrections set it aside, and its items are asked on the list.
   */
  private beginReadBack(notes: Notes): void {
    this.check.readBack = { notes, corrections: 0 };
    this.ask();
  }

  private readBackAgain(readBack: ReadBack, next: Partial<ReadBack>): void {
    const { stage: _stage, item: _item, ...kept } = readBack;
    this.check.readBack = { ...kept, stage: 'confirm', ...next };
    this.ask();
  }

  /** The read-back is over: its outcome goes to the list that asked, or on to the lists. */
  private readBackDone(outcome: Outcome<Notes>): void {
    delete this.check.readBack;
    if (this.check.step.at === 'list') return this.listNoted(outcome);
    this.lists(outcome);
  }

  private readBackAnswered(readBack: ReadBack, reply: Reply): void {
    const { notes, corrections, stage = 'confirm', item } = readBack;
    const setAside = () => {
      this.text('readBack.setAside');
      this.readBackDone({ done: {} });
    };
    if (stage === 'item') {
      if (reply.kind !== 'notes' || !item || !reply.notes[item]) return this.readBackDone(GAVE_UP);
      return this.readBackAgain(readBack, { notes: { ...notes, [item]: reply.notes[item] }, corrections: corrections + 1 });
    }
    switch (reply.kind) {
      case 'confirm':
        return this.readBackDone({ done: notes });
      case 'reject':
        // "No, change it" -> a pick -> "yes" -> "No, change it"... counts too, or it never ends.
        if (corrections >= MAX_CORRECTIONS) return setAside();
        return this.readBackAgain(readBack, { stage: 'which' });
      case 'dropAll':
        return setAside();
      case 'pickItem':
        return this.readBackAgain(readBack, { stage: 'item', item: reply.item });
      case 'remove': {
        const kept = Object.fromEntries(Object.entries(notes).filter(([id]) => !reply.items.includes(id as ItemId))) as Notes;
        this.text('readBack.removed');
        if (Object.keys(kept).length === 0) return this.readBackDone({ done: {} });
        return this.readBackAgain(readBack, { notes: kept, corrections: corrections + 1 });
      }
      case 'notes': {
        if (corrections >= MAX_CORRECTIONS) return setAside();
        const corrected = { ...notes, ...reply.notes };
        if (sameNotes(corrected, notes)) {
          // Reading the same list back again would only repeat it: ask which one instead.
          this.text('readBack.noChange');
          return this.readBackAgain(readBack, { stage: 'which', corrections: corrections + 1 });
        }
        return this.readBackAgain(readBack, { notes: corrected, corrections: corrections + 1 });
      }
      default:
        return this.readBackDone(GAVE_UP);
    }
  }
}

/** List options without a chosen group, so the next group is chosen afresh. */
function withoutGroup({ group: _group, ...options }: ListOptions): ListOptions {
  return options;
}
