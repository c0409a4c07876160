import type { Activity } from 'botbuilder';
import { CardSubmitMiddleware } from '../../bot/crossChannel/cardSubmitMiddleware';
import { TeamsMiddleware } from '../../bot/teams/teamsMiddleware';
import type { Answer } from '../../check/check';
import { itemLabel, RISK_FACTOR_IDS, SYMPTOM_IDS, type ItemId, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, pastScreen, type Harness } from '../support/checkHarness';

// Real multi-select (issue 22, item 4). In Web Chat and Teams a list question is an Adaptive Card
// with a checkbox per item and "Done": the ticked items are a yes and the others a no, in one
// turn. By SMS, numbers ("2, 3") answer the whole numbered list, so no list is renumbered under
// a person's reply.

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

interface CardAction {
  type: string;
  title: string;
  data?: Record<string, unknown>;
  associatedInputs?: string;
}
interface Card {
  version: string;
  body: { type: string; id?: string; isMultiSelect?: boolean; style?: string; choices?: { title: string; value: string }[] }[];
  actions: CardAction[];
}

const cardOf = (reply: Partial<Activity> | undefined): Card => {
  const attachment = reply?.attachments?.find((candidate) => candidate.contentType === ADAPTIVE);
  if (!attachment) throw new Error(`No Adaptive Card in ${JSON.stringify(reply)}`);
  return attachment.content as Card;
};
const checkboxesOf = (card: Card) => card.body.find((element) => element.type === 'Input.ChoiceSet')!;
const actionTitled = (card: Card, title: string) => card.actions.find((action) => action.title === title)!;
const answersIn = (replies: Partial<Activity>[]) =>
  replies.map((reply) => (reply.channelData as { check?: { answers?: Partial<Record<ItemId, Answer>> } } | undefined)?.check?.answers).find(Boolean);

/** What Web Chat and Teams send for an Action.Submit: its data with the inputs merged in, no text. */
const submit = (harness: Harness, action: CardAction, ticked?: ItemId[]) =>
  harness.say({ type: 'message', value: { ...action.data, ...(ticked ? { ticked: ticked.join(',') } : {}) } });

const allAnswered = (ids: readonly ItemId[], yes: readonly ItemId[]) => Object.fromEntries(ids.map((id) => [id, yes.includes(id) ? 'yes' : 'no']));

describe.each([
  { locale: 'en' as Locale, activityLocale: 'en-US', justFever: 'just the fever' },
  { locale: 'es' as Locale, activityLocale: 'es-MX', justFever: 'solo la fiebre' },
])('a checklist card in $locale', ({ locale, activityLocale, justFever }) => {
  const t = translate(locale);
  const startList = async (channelId = 'webchat') => {
    const harness = createHarness({ channelId, locale: activityLocale, middleware: [new CardSubmitMiddleware(), new TeamsMiddleware()] });
    await harness.join();
    await pastScreen(harness, t);
    const list = await harness.say(t('open.choices.list'));
    return { harness, list };
  };

  it('shows every symptom as a checkbox, with Done, None of these and Not sure, in the conversation\'s language', async () => {
    const { list } = await startList();
    const question = list.at(-1)!;
    const card = cardOf(question);
    expect(card.version).toBe('1.3');
    expect(JSON.stringify(card.body)).toContain(t('group.prompt.symptoms.self'));
    const boxes = checkboxesOf(card);
    expect(boxes).toMatchObject({ id: 'ticked', isMultiSelect: true, style: 'expanded' });
    expect(boxes.choices).toEqual(SYMPTOM_IDS.map((id) => ({ title: itemLabel(id, locale), value: id })));
    expect(card.actions.map((action) => action.title)).toEqual([t('group.card.done'), t('group.choices.none'), t('group.choices.unsure')]);
    expect(question.channelData).toEqual({ check: { asking: [...SYMPTOM_IDS] } });
    expect(question.inputHint).toBe('expectingInput');
  });

  it('Done with two ticked records those two yes and the rest no, in one turn, and the summary reads them back', async () => {
    const { harness, list } = await startList();
    const card = cardOf(list.at(-1));
    const risks = await submit(harness, actionTitled(card, t('group.card.done')), ['fever', 'pale_skin']);
    // One turn: the symptoms are done and the risk factors come next, on a card of their own.
    expect(risks.map((reply) => reply.text)).toContain(t('risks.intro'));
    expect(checkboxesOf(cardOf(risks.at(-1))).choices!.map((choice) => choice.value)).toEqual([...RISK_FACTOR_IDS]);
    const end = await submit(harness, actionTitled(cardOf(risks.at(-1)), t('group.choices.none')));
    expect(answersIn(end)).toEqual(allAnswered([...SYMPTOM_IDS, ...RISK_FACTOR_IDS], ['fever', 'pale_skin']));
    const summary = end.map((reply) => reply.text ?? '').join('\n');
    expect(summary).toContain(itemLabel('fever', locale));
    expect(summary).toContain(itemLabel('pale_skin', locale));
    expect(summary).toContain(t('summary.noToRest'));
    expect(harness.ended).toEqual(['completed']);
  });

  it('"None of these" on the card is a no to the whole list', async () => {
    const { harness, list } = await startList();
    const risks = await submit(harness, actionTitled(cardOf(list.at(-1)), t('group.choices.none')), ['fever']);
    expect(risks.map((reply) => reply.text)).toContain(t('risks.intro'));
    const end = await submit(harness, actionTitled(cardOf(risks.at(-1)), t('group.card.done')), []);
    expect(answersIn(end)).toEqual(allAnswered([...SYMPTOM_IDS, ...RISK_FACTOR_IDS], []));
  });

  it('typed words still answer the card question, read back first', async () => {
    const { harness } = await startList();
    const readBack = await harness.say(justFever);
    const noted = (readBack.at(-1)!.channelData as { check: { noted: Record<string, Answer> } }).check.noted;
    expect(noted).toEqual(allAnswered(SYMPTOM_IDS, ['fever']));
    // Read back short: the one yes, and the nine others as a count.
    expect(readBack.at(-1)!.text).toContain(t('readBack.noted', { notes: `${t('readBack.mark.yes', { label: itemLabel('fever', locale) })}; ${t('readBack.restNo', { number: '9' })}` }));
    const risks = await harness.say(t('readBack.choices.right'));
    expect(risks.map((reply) => reply.text)).toContain(t('risks.intro'));
  });

  it('one tapped label still says yes to that one and asks the rest again on a card', async () => {
    const { harness } = await startList();
    const again = await harness.say(itemLabel('fever', locale));
    const boxes = checkboxesOf(cardOf(again.at(-1))).choices!.map((choice) => choice.value);
    expect(boxes).toEqual(SYMPTOM_IDS.filter((id) => id !== 'fever'));
  });

  it('"Not sure" about the whole list asks it again a few at a time', async () => {
    const { harness, list } = await startList();
    const again = await submit(harness, actionTitled(cardOf(list.at(-1)), t('group.choices.unsure')));
    expect(again.map((reply) => reply.text)).toContain(t('group.fewAtATime'));
    expect(checkboxesOf(cardOf(again.at(-1))).choices!.map((choice) => choice.value)).toEqual(SYMPTOM_IDS.slice(0, 3));
  });

  it('a message not understood asks again on the card, saying to tick', async () => {
    const { harness } = await startList();
    const again = await harness.say('qwerty asdf');
    const card = cardOf(again.at(-1));
    expect(JSON.stringify(card.body)).toContain(JSON.stringify(t('group.card.retry')).slice(1, -1));
    expect(checkboxesOf(card).choices).toHaveLength(SYMPTOM_IDS.length);
  });

  it('Teams: a submit that is only a value, with no text at all, answers the list; the card reaches Teams as it is', async () => {
    const { harness, list } = await startList('msteams');
    const question = list.at(-1)!;
    // Teams shows no suggested actions beside a card: the card is the question, not a hero card.
    expect(question.attachments?.map((attachment) => attachment.contentType)).toEqual([ADAPTIVE]);
    const done = actionTitled(cardOf(question), t('group.card.done'));
    const risks = await harness.say({ type: 'message', value: { ...done.data, ticked: 'bone_pain,fatigue' } });
    expect(risks.map((reply) => reply.text)).toContain(t('risks.intro'));
    const end = await harness.say({ type: 'message', value: { ...actionTitled(cardOf(risks.at(-1)), t('group.card.done')).data, ticked: 'sibling_with_all' } });
    expect(answersIn(end)).toEqual(allAnswered([...SYMPTOM_IDS, ...RISK_FACTOR_IDS], ['bone_pain', 'fatigue', 'sibling_with_all']));
  });
});

describe('SMS: a numbered list keeps its numbers for the whole question', () => {
  it.each([
    ['en', 'hi', '2, 3', '2 and 3'],
    ['es', 'hola', '2, 3', '2 y 3'],
  ] as const)('in %s, "2, 3" picks the items numbered so, and the rest of that list is a no', async (locale, hello, firstPick, secondPick) => {
    const t = translate(locale);
    const harness = createHarness({ channelId: 'sms' });
    await harness.say(hello);
    await harness.say('1');
    // The screen for oneself lists six signs, then "None of these".
    await harness.say('7');
    const first = await harness.say('1');
    const firstList = first.at(-1)!.text!;
    expect(firstList).toContain(t('group.hintNumbers'));
    expect(firstList).toMatch(new RegExp(`1\\. ${itemLabel('bone_pain', locale)}\\n\\s*2\\. ${itemLabel('bleeding_gums', locale)}\\n\\s*3\\. ${itemLabel('fever', locale)}`));
    const second = await harness.say(firstPick);
    // Not renumbered: the next question is the next part of the list, nothing of the first again.
    const secondList = second.at(-1)!.text!;
    expect(secondList).not.toContain(itemLabel('bone_pain', locale));
    expect(secondList).toMatch(new RegExp(`1\\. ${itemLabel('pale_skin', locale)}\\n\\s*2\\. ${itemLabel('easy_bruising', locale)}\\n\\s*3\\. ${itemLabel('petechiae', locale)}`));
    await harness.say(secondPick);
    let replies = await harness.say(t('group.choices.none'));
    while (!answersIn(replies)) replies = await harness.say(t('group.choices.none'));
    expect(answersIn(replies)).toMatchObject({ bone_pain: 'no', bleeding_gums: 'yes', fever: 'yes', pale_skin: 'no', easy_bruising: 'yes', petechiae: 'yes' });
  });
});
