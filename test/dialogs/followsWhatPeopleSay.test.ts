import type { Activity } from 'botbuilder';
import { faqAnswer, itemLabel, unlistedLabel, type ItemId, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, isPrompt, offeredChoices, pastScreen, shownText, type Harness } from '../support/checkHarness';

// Issue 13, case by case ("Why"), in both languages: what people say is kept per item, corrected
// per item, hard questions get straight answers, and nothing after a closing restarts by mistake.
// Expected words come from the locale files; what was recorded is read from channelData.check.

const PHONE = '1-888-663-3488';
const PHONE_LINK = `[${PHONE}](tel:+18886633488)`;
const texts = (replies: Partial<Activity>[]) => replies.map(shownText);
const check = (reply: Partial<Activity> | undefined) => (reply?.channelData as { check?: Record<string, unknown> } | undefined)?.check;

interface Case {
  locale: Locale;
  activityLocale: string;
  paleNoSpotsUnsureNodes: string;
  weightAdded: string;
  removeWeight: string;
  feverIsYes: string;
  maybeFirstNeverCancer: string;
  doIHaveLeukemia: string;
  insurance: string;
  survival: string;
  serious: string;
  dying: string;
  contagious: string;
  listedSign: string;
  unlistedSign: string;
  realPerson: string;
  whatDoIDo: string;
  thanks: string;
  clearEmergency: string;
  feverOnChemo: string;
  possibleEmergency: string;
  /** A report and a possible red flag in one message. */
  reportWithPossibleEmergency: string;
}

const CASES: Case[] = [
  {
    locale: 'en',
    activityLocale: 'en-US',
    paleNoSpotsUnsureNodes: "my coworker said I look pale lately, no spots that I've seen, not sure about the lymph nodes",
    weightAdded: "I'm so tired and I lost weight",
    removeWeight: "I didn't say that about my weight",
    feverIsYes: 'the fever is a yes',
    maybeFirstNeverCancer: 'so maybe the first one? never had cancer',
    doIHaveLeukemia: 'so do I have leukemia?',
    insurance: 'do you take Aetna insurance?',
    survival: "what's the survival rate",
    serious: 'is it serious?',
    dying: 'am I dying?',
    contagious: 'is it contagious?',
    listedSign: 'is bruising a sign of leukemia?',
    unlistedSign: 'are night sweats a sign?',
    realPerson: 'is this a real person?',
    whatDoIDo: 'ok what do i do',
    thanks: 'thank you',
    clearEmergency: "I can't breathe",
    feverOnChemo: 'my son is on chemo and has a fever',
    possibleEmergency: 'she took a handful of tablets',
    reportWithPossibleEmergency: 'I bruise easily and feel so tired. My sister took a handful of tablets',
  },
  {
    locale: 'es',
    activityLocale: 'es-MX',
    paleNoSpotsUnsureNodes: 'una compañera dice que me ve pálida, puntitos no he visto, no estoy segura de los ganglios',
    weightAdded: 'estoy muy cansada y bajé de peso',
    removeWeight: 'no, lo del peso no lo dije',
    feverIsYes: 'sí tengo fiebre',
    maybeFirstNeverCancer: 'tal vez la primera? nunca tuve cáncer',
    doIHaveLeukemia: '¿tengo leucemia?',
    insurance: '¿aceptan mi seguro médico?',
    survival: '¿cuál es la tasa de supervivencia?',
    serious: '¿es grave?',
    dying: '¿me voy a morir?',
    contagious: '¿es contagiosa?',
    listedSign: '¿los moretones son un síntoma de leucemia?',
    unlistedSign: '¿el sudor nocturno es señal de leucemia?',
    realPerson: '¿es usted una persona real?',
    whatDoIDo: 'ok, ¿qué hago?',
    thanks: 'gracias',
    clearEmergency: 'no puedo respirar',
    feverOnChemo: 'mi hija está en quimio y tiene fiebre',
    possibleEmergency: 'se tomó muchas pastillas',
    reportWithPossibleEmergency: 'me salen moretones y estoy muy cansada. Mi hermana se tomó muchas pastillas',
  },
];

describe.each(CASES)('in $locale', (c) => {
  const t = translate(c.locale);
  const label = (id: ItemId) => itemLabel(id, c.locale);
  let harness: Harness;
  const start = async (who: 'self' | 'child' | 'someone' = 'self') => {
    harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    return pastScreen(harness, t, who);
  };
  const toList = async () => {
    await start();
    return harness.say(t('open.choices.list'));
  };

  describe('per-item answers inside one message', () => {
    it('a hedge, a denial and a report each apply to their own item, and are read back', async () => {
      await start();
      const readBack = await harness.say(c.paleNoSpotsUnsureNodes);
      expect(check(readBack.at(-1))).toEqual({ noted: { pale_skin: 'yes', petechiae: 'no', swollen_lymph_nodes: 'unsure' } });
      expect(shownText(readBack.at(-1)!)).toContain(t('readBack.mark.unsure', { label: label('swollen_lymph_nodes') }));
    });

    it('the same message on a list question is read back too, not "not sure" for the whole list', async () => {
      await toList();
      const replies = await harness.say(c.paleNoSpotsUnsureNodes);
      expect(check(replies.at(-1))).toEqual({ noted: { pale_skin: 'yes', petechiae: 'no', swollen_lymph_nodes: 'unsure' } });
    });

    it('"maybe the first one" is a not sure for the first item on screen, and the rest of the message counts', async () => {
      await toList();
      const replies = await harness.say(c.maybeFirstNeverCancer);
      expect(check(replies.at(-1))).toEqual({ noted: { bone_pain: 'unsure', prior_cancer_treatment: 'no' } });
    });

    it('"Not sure" tapped for a group asks its items one at a time, so one doubt is not three', async () => {
      const group = await toList();
      expect(check(group.at(-1))).toEqual({ asking: ['bone_pain', 'bleeding_gums', 'fever'] });
      const first = await harness.say(t('group.choices.unsure'));
      expect(texts(first)[0]).toBe(t('group.oneByOne'));
      expect(check(first.at(-1))).toEqual({ asking: ['bone_pain'] });
      expect(offeredChoices(first.at(-1))).toEqual([t('item.choices.yes'), t('item.choices.no'), t('group.choices.unsure')]);
      expect(check((await harness.say(t('item.choices.no'))).at(-1))).toEqual({ asking: ['bleeding_gums'] });
      expect(check((await harness.say(t('group.choices.unsure'))).at(-1))).toEqual({ asking: ['fever'] });
      const next = await harness.say(t('item.choices.no'));
      expect(check(next.at(-1))).toEqual({ asking: ['pale_skin', 'easy_bruising', 'petechiae'] });
    });
  });

  describe('corrections of one item in words', () => {
    it('taking one item out keeps the rest, and it is asked later', async () => {
      await start();
      const readBack = await harness.say(c.weightAdded);
      expect(check(readBack.at(-1))).toEqual({ noted: { fatigue: 'yes', weight_loss_appetite: 'yes' } });
      const corrected = await harness.say(c.removeWeight);
      expect(texts(corrected)[0]).toBe(t('readBack.removed'));
      expect(check(corrected.at(-1))).toEqual({ noted: { fatigue: 'yes' } });
    });

    it('"the fever is a yes" changes that item only', async () => {
      await start();
      await harness.say(c.paleNoSpotsUnsureNodes);
      const corrected = await harness.say(c.feverIsYes);
      expect(check(corrected.at(-1))).toEqual({ noted: { pale_skin: 'yes', petechiae: 'no', swollen_lymph_nodes: 'unsure', fever: 'yes' } });
    });

    it('"No, change it" asks which one and loses nothing', async () => {
      await start();
      await harness.say(c.weightAdded);
      const which = await harness.say(t('readBack.choices.reject'));
      expect(shownText(which.at(-1)!)).toContain(t('readBack.which'));
      expect(check(which.at(-1))).toEqual({ noted: { fatigue: 'yes', weight_loss_appetite: 'yes' } });
      await harness.say(label('weight_loss_appetite'));
      const again = await harness.say(t('group.choices.unsure'));
      expect(check(again.at(-1))).toEqual({ noted: { fatigue: 'yes', weight_loss_appetite: 'unsure' } });
      const list = await harness.say(t('readBack.choices.right'));
      expect(check(list.at(-1))?.asking).not.toContain('fatigue');
    });

    it('a correction that changes nothing is not read back word for word: it asks which one', async () => {
      await start();
      const readBack = await harness.say(c.weightAdded);
      const same = await harness.say(c.weightAdded);
      expect(texts(same)[0]).toBe(t('readBack.noChange'));
      expect(shownText(same.at(-1)!)).not.toBe(shownText(readBack.at(-1)!));
      expect(shownText(same.at(-1)!)).toContain(t('readBack.which'));
    });
  });

  describe('hard questions get straight answers, then the same question', () => {
    it.each([
      ['doIHaveLeukemia', 'hard.diagnosis'],
      ['survival', 'hard.chances'],
      ['serious', 'hard.serious'],
      ['dying', 'hard.dying'],
      ['insurance', 'hard.practical'],
      ['realPerson', 'hard.bot'],
    ] as const)('%s', async (field, key) => {
      const group = await toList();
      const replies = await harness.say(c[field]);
      expect(texts(replies)).toEqual([t(key, { phone: PHONE }), shownText(group.at(-1)!)]);
      expect(isPrompt(replies.at(-1))).toBe(true);
    });

    it('"is it contagious?" leads with the answer to that, not with inheritance', async () => {
      const group = await toList();
      const replies = await harness.say(c.contagious);
      expect(texts(replies)).toEqual([faqAnswer('contagious', c.locale, PHONE), shownText(group.at(-1)!)]);
      expect(texts(replies)[0]).toMatch(/^(No\.)/);
    });

    it('"is X a sign?" says whether that one thing is on the list, not the whole list', async () => {
      const group = await toList();
      const listed = await harness.say(c.listedSign);
      expect(texts(listed)).toEqual([t('sign.listed', { label: label('easy_bruising') }), shownText(group.at(-1)!)]);
      const unlisted = await harness.say(c.unlistedSign);
      expect(texts(unlisted)[0]).toBe(t('sign.notListed', { label: unlistedLabel('night_sweats', c.locale), phone: PHONE }));
    });

    it('a question with no answer here says so and offers the line, instead of "I did not get that"', async () => {
      const group = await toList();
      const replies = await harness.say(c.locale === 'en' ? "what's the weather like today?" : '¿qué tiempo hace hoy?');
      expect(texts(replies)).toEqual([t('hard.unknownQuestion', { phone: PHONE }), shownText(group.at(-1)!)]);
    });
  });

  describe('after a closing', () => {
    it('"ok what do I do" after an emergency closing repeats the 911 advice and starts nothing', async () => {
      await toList();
      await harness.say(c.clearEmergency);
      const replies = await harness.say(c.whatDoIDo);
      expect(texts(replies)[0]).toBe(t('afterClosing.emergencyAgain'));
      expect(check(replies[0])).toEqual({ emergency: true });
      expect(replies.at(-1)!.text).toContain(PHONE_LINK);
      expect(texts(replies)).not.toContain(t('welcome.notice'));
      expect(isPrompt(replies.at(-1))).toBe(false);
    });

    it('thanks after any closing gets a short goodbye with the line; a greeting then starts again', async () => {
      await start();
      await harness.say(c.locale === 'en' ? 'stop' : 'salir');
      const bye = await harness.say(c.thanks);
      expect(bye).toHaveLength(1);
      expect(bye[0]!.text).toContain(PHONE_LINK);
      expect(isPrompt(bye[0])).toBe(false);
      const again = await harness.say(c.locale === 'en' ? 'hi' : 'hola');
      expect(texts(again)).toEqual([t('welcome.notice'), t('who.prompt')]);
    });
  });

  describe('less repetition', () => {
    it('the second re-ask says it another way, with an example fitted to a child', async () => {
      await start('child');
      const first = await harness.say('asdf qwer');
      expect(shownText(first.at(-1)!)).toBe(`${t('notUnderstood.first')} ${t('open.retryExample.child')}`);
      const second = await harness.say('zxcv qwer');
      expect(shownText(second.at(-1)!)).toBe(t('open.retryAgain'));
    });

    it('list questions vary, and only the first says that several can be picked', async () => {
      const first = await toList();
      const seen = [shownText(first.at(-1)!)];
      expect(seen[0]).toContain(t('group.hintMany'));
      for (let i = 0; i < 3; i++) seen.push(shownText((await harness.say(t('group.choices.none'))).at(-1)!));
      expect(seen.slice(1).every((text) => !text.includes(t('group.hintMany')))).toBe(true);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
    });
  });

  describe('the conversation contract', () => {
    it('summary carries the answers, closing the reason, and no typed text goes into it', async () => {
      await start();
      await harness.say(c.weightAdded);
      let replies = await harness.say(t('readBack.choices.right'));
      while (!replies.some((reply) => check(reply)?.ended)) replies = await harness.say(t('group.choices.none'));
      const summary = replies.find((reply) => check(reply)?.answers)!;
      const answers = check(summary)!.answers as Record<string, string>;
      expect(answers.fatigue).toBe('yes');
      expect(answers.weight_loss_appetite).toBe('yes');
      expect(answers.fever).toBe('no');
      expect(check(replies.at(-1))).toEqual({ ended: 'completed' });
      expect(JSON.stringify(replies.map(check))).not.toMatch(/tired|cansad/i);
    });
  });
});

describe.each(CASES)('two-tier emergencies in $locale', (c) => {
  const t = translate(c.locale);
  let harness: Harness;
  const toList = async () => {
    harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await pastScreen(harness, t, 'self');
    return harness.say(t('open.choices.list'));
  };

  it('clear: "Call 911 now." and the emergency closing in the same turn', async () => {
    await toList();
    const replies = await harness.say(c.clearEmergency);
    expect(texts(replies)[0]).toBe(t('emergency.clear'));
    expect(check(replies[0])).toEqual({ emergency: true });
    expect(check(replies.at(-1))).toEqual({ ended: 'emergency' });
    expect(harness.ended).toEqual(['emergency']);
  });

  it('a fever on treatment: call the care team or 911 now, then the closing', async () => {
    await toList();
    const replies = await harness.say(c.feverOnChemo);
    expect(texts(replies)[0]).toBe(t('emergency.feverOnTreatment'));
    expect(check(replies.at(-1))).toEqual({ ended: 'emergency' });
  });

  it('possible: the advice "if this is happening now" and one question in the same turn; yes closes', async () => {
    await toList();
    const replies = await harness.say(c.possibleEmergency);
    expect(texts(replies)).toEqual([t('emergency.possible'), t('emergency.askNow')]);
    expect(check(replies[0])).toEqual({ emergency: true });
    expect(offeredChoices(replies.at(-1))).toEqual([t('emergency.choices.yes'), t('emergency.choices.no')]);
    const yes = await harness.say(t('emergency.choices.yes'));
    expect(texts(yes)[0]).toBe(t('emergency.clear'));
    expect(check(yes.at(-1))).toEqual({ ended: 'emergency' });
  });

  it('possible, then no: back to the same question, nothing lost', async () => {
    const group = await toList();
    await harness.say(c.possibleEmergency);
    const no = await harness.say(t('emergency.choices.no'));
    expect(texts(no)).toEqual([t('emergency.notNow'), shownText(group.at(-1)!)]);
    expect(check(no.at(-1))).toEqual(check(group.at(-1)));
    expect(harness.ended).toEqual([]);
  });

  it('possible, then no: what the same message reported is read back, not lost', async () => {
    harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await pastScreen(harness, t, 'self');
    const flagged = await harness.say(c.reportWithPossibleEmergency);
    expect(texts(flagged)).toEqual([t('emergency.possible'), t('emergency.askNow')]);
    const no = await harness.say(t('emergency.choices.no'));
    expect(texts(no)[0]).toBe(t('emergency.notNow'));
    expect(check(no.at(-1))).toEqual({ noted: { easy_bruising: 'yes', fatigue: 'yes' } });
    expect(harness.ended).toEqual([]);
  });

  it('possible, then something else: asked once more, then closed as an emergency', async () => {
    await toList();
    await harness.say(c.possibleEmergency);
    const again = await harness.say('hmm');
    expect(texts(again)).toEqual([t('emergency.askNowRetry')]);
    const closed = await harness.say('hmm');
    expect(check(closed.at(-1))).toEqual({ ended: 'emergency' });
  });

  it('possible, then a clear red flag: the 911 advice and the closing at once', async () => {
    await toList();
    await harness.say(c.possibleEmergency);
    const replies = await harness.say(c.clearEmergency);
    expect(texts(replies)[0]).toBe(t('emergency.clear'));
    expect(check(replies.at(-1))).toEqual({ ended: 'emergency' });
  });

  it('possible as the very first message: no goes on to the check', async () => {
    harness = createHarness({ locale: c.activityLocale });
    const first = await harness.say(c.possibleEmergency);
    expect(texts(first)).toEqual([t('emergency.possible'), t('emergency.askNow')]);
    const no = await harness.say(t('emergency.choices.no'));
    expect(texts(no)).toContain(t('who.prompt'));
  });
});

describe.each([
  ['en', 'en-US', 'nope, feeling fine', 'fine, but I bruise easily', 'easy_bruising'],
  ['es', 'es-MX', 'nada, está bien', 'estoy bien, pero me salen moretones', 'easy_bruising'],
] as const)('"fine" to the open question in %s', (locale, tag, fine, fineBut, item) => {
  const t = translate(locale);
  it('goes on to the list; "fine, but ..." is still read', async () => {
    const harness = createHarness({ locale: tag });
    await harness.join();
    await pastScreen(harness, t, 'self');
    expect(check((await harness.say(fine)).at(-1))).toEqual({ asking: ['bone_pain', 'bleeding_gums', 'fever'] });
    const other = createHarness({ locale: tag });
    await other.join();
    await pastScreen(other, t, 'self');
    expect(check((await other.say(fineBut)).at(-1))).toEqual({ noted: { [item]: 'yes' } });
  });
});
