import { MemoryStorage, type Activity } from 'botbuilder';
import { MAX_DETOURS, type ClosingReason } from '../../check/check';
import { itemLabel, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, isPrompt, offeredChoices, pastScreen, shownText } from '../support/checkHarness';

// The main paths through the check, one conversation each, in both languages. Expected words
// come from the locale files, so rewording a sentence does not break these.

const PHONE_LINK = '[1-888-663-3488](tel:+18886633488)';

interface Language {
  locale: Locale;
  activityLocale: string;
  gumsAndFever: string;
  noFever: string;
  offTopic: string;
  faq: string;
  emergency: string;
  whatIsBonePain: string;
  explain: string;
  help: string;
  quit: string;
  human: string;
  restart: string;
  hello: string;
  switchTo: { text: string; locale: Locale };
}

const LANGUAGES: Language[] = [
  {
    locale: 'en',
    activityLocale: 'en-US',
    gumsAndFever: 'my gums bleed and I have a fever',
    noFever: "no, I don't have a fever",
    offTopic: 'the weather is nice today',
    faq: 'what is ALL?',
    emergency: "I can't breathe",
    whatIsBonePain: 'what is bone pain?',
    explain: 'explain',
    help: 'help',
    quit: 'stop',
    human: 'talk to a person',
    restart: 'start over',
    hello: 'hi',
    switchTo: { text: 'español', locale: 'es' },
  },
  {
    locale: 'es',
    activityLocale: 'es-MX',
    gumsAndFever: 'me sangran las encías y tengo fiebre',
    noFever: 'no, no tengo fiebre',
    offTopic: 'el clima está lindo hoy',
    faq: '¿qué es la LLA?',
    emergency: 'no puedo respirar',
    whatIsBonePain: '¿qué es el dolor de huesos?',
    explain: 'explique',
    help: 'ayuda',
    quit: 'salir',
    human: 'hablar con una persona',
    restart: 'empezar de nuevo',
    hello: 'hola',
    switchTo: { text: 'English', locale: 'en' },
  },
];

const texts = (replies: Partial<Activity>[]) => replies.map(shownText);

/** Asserts the turn ends with the closing: last activity, not a question. */
function expectClosing(replies: Partial<Activity>[], locale: Locale, reason: Exclude<ClosingReason, 'error'>) {
  const last = replies.at(-1)!;
  expect(last.text).toContain(PHONE_LINK);
  expect(last.text).toContain(translate(locale)(`closing.lead.${reason}`));
  expect(isPrompt(last)).toBe(false);
}

describe.each(LANGUAGES)('in $locale', (lang) => {
  const t = translate(lang.locale);
  const start = async () => {
    const harness = createHarness({ locale: lang.activityLocale });
    const opening = await harness.join();
    expect(texts(opening)).toEqual([t('welcome.notice'), t('who.prompt')]);
    expect(isPrompt(opening.at(-1))).toBe(true);
    expect(offeredChoices(opening.at(-1))).toEqual([t('who.choices.self'), t('who.choices.child'), t('who.choices.someone')]);
    return harness;
  };

  it('a check with nothing to report takes under 12 turns and ends with summary and closing', async () => {
    const harness = await start();
    let turns = 0;
    const say = async (text: string) => {
      turns += 1;
      return harness.say(text);
    };
    await say(t('who.choices.self'));
    await say(t('screen.choices.none'));
    let replies = await say(t('open.choices.list'));
    while (!replies.some((reply) => reply.text?.includes(PHONE_LINK))) {
      expect(turns).toBeLessThan(12);
      replies = await say(t('group.choices.none'));
    }
    expect(turns).toBeLessThanOrEqual(12);
    expect(texts(replies).at(-2)).toContain(t('summary.noToAll'));
    expectClosing(replies, lang.locale, 'completed');
    expect(harness.ended).toEqual(['completed']);
  });

  it('taps: one item, then "any of the others?", and the summary says what was tapped', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'child');
    const first = await harness.say(t('open.choices.list'));
    expect(shownText(first.at(-1)!)).toContain(t('group.prompt.symptoms.child'));
    const label = itemLabel('bleeding_gums', lang.locale);
    const followUp = await harness.say(label);
    expect(shownText(followUp.at(-1)!)).toContain(t('group.followUp.symptoms.child'));
    expect(offeredChoices(followUp.at(-1))).not.toContain(label);
    let replies = await harness.say(t('group.choices.none'));
    while (!replies.some((reply) => reply.text?.includes(PHONE_LINK))) replies = await harness.say(t('group.choices.none'));
    const summary = texts(replies).at(-2)!;
    expect(summary).toContain(t('summary.intro.child'));
    expect(summary).toContain(t('summary.has', { items: label }));
    expect(summary).toContain(t('summary.noToRest'));
  });

  it('free text is read back, corrected in words, and not asked again', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    const readBack = await harness.say(lang.gumsAndFever);
    const gums = itemLabel('bleeding_gums', lang.locale);
    const fever = itemLabel('fever', lang.locale);
    expect(shownText(readBack.at(-1)!)).toContain(t('readBack.mark.yes', { label: gums }));
    expect(shownText(readBack.at(-1)!)).toContain(t('readBack.mark.yes', { label: fever }));
    const corrected = await harness.say(lang.noFever);
    expect(shownText(corrected.at(-1)!)).toContain(t('readBack.mark.no', { label: fever }));
    expect(shownText(corrected.at(-1)!)).toContain(t('readBack.mark.yes', { label: gums }));
    const next = await harness.say(t('readBack.choices.right'));
    const asked = offeredChoices(next.at(-1));
    expect(asked).not.toContain(gums);
    expect(asked).not.toContain(fever);
    expect(asked).toContain(itemLabel('bone_pain', lang.locale));
  });

  it('"No, change it" asks which one, that one is asked with buttons, and the rest is kept', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    await harness.say(lang.gumsAndFever);
    const which = await harness.say(t('readBack.choices.reject'));
    expect(shownText(which.at(-1)!)).toContain(t('readBack.which'));
    const fever = itemLabel('fever', lang.locale);
    expect(offeredChoices(which.at(-1))).toEqual([itemLabel('bleeding_gums', lang.locale), fever, t('readBack.choices.dropAll')]);
    const item = await harness.say(fever);
    expect(item.at(-1)!.channelData?.check).toEqual({ asking: ['fever'] });
    const again = await harness.say(t('item.choices.no'));
    expect(again.at(-1)!.channelData?.check).toEqual({ noted: { bleeding_gums: 'yes', fever: 'no' } });
  });

  it('"Ask me each one" sets the reading aside and the items are asked with buttons', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    await harness.say(lang.gumsAndFever);
    await harness.say(t('readBack.choices.reject'));
    const replies = await harness.say(t('readBack.choices.dropAll'));
    expect(texts(replies)[0]).toBe(t('readBack.setAside'));
    expect(offeredChoices(replies.at(-1))).toContain(itemLabel('bleeding_gums', lang.locale));
  });

  it.each(['quit', 'human'] as const)('%s closes at once', async (reason) => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    const replies = await harness.say(lang[reason]);
    expect(replies).toHaveLength(1);
    expectClosing(replies, lang.locale, reason);
    expect(harness.ended).toEqual([reason]);
  });

  it('an emergency gets 911 first, then the closing, in the same turn', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    await harness.say(t('open.choices.list'));
    const replies = await harness.say(lang.emergency);
    expect(texts(replies)[0]).toMatch(/^(Call|Llame al) 911/);
    expect(replies[0]!.channelData?.check).toEqual({ emergency: true });
    expect(replies).toHaveLength(2);
    expectClosing(replies, lang.locale, 'emergency');
  });

  it('an emergency as the very first message still gets 911', async () => {
    const harness = createHarness({ locale: lang.activityLocale });
    const replies = await harness.say(lang.emergency);
    expect(texts(replies)[0]).toContain('911');
    expectClosing(replies, lang.locale, 'emergency');
  });

  it('switching language re-asks the same question in the other language', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'someone');
    const replies = await harness.say(lang.switchTo.text);
    const other = translate(lang.switchTo.locale);
    expect(texts(replies)).toEqual([other('language.switched'), other('open.prompt.someone')]);
    expect(offeredChoices(replies.at(-1))).toEqual([other('open.choices.list')]);
  });

  it('an FAQ question gets its answer, then the same question again', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    const group = await harness.say(t('open.choices.list'));
    const replies = await harness.say(lang.faq);
    expect(replies).toHaveLength(2);
    expect(texts(replies)[0]).toMatch(/leu[ck]emia/i);
    expect(texts(replies)[1]).toBe(shownText(group.at(-1)!));
  });

  it('"what is ...?" about a listed item explains it, then asks again', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    await harness.say(t('open.choices.list'));
    const replies = await harness.say(lang.whatIsBonePain);
    expect(texts(replies)[0]).toContain(itemLabel('bone_pain', lang.locale));
    expect(isPrompt(replies.at(-1))).toBe(true);
  });

  it('"explain" explains every item of the question', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    await harness.say(t('open.choices.list'));
    const replies = await harness.say(lang.explain);
    for (const id of ['bone_pain', 'bleeding_gums', 'fever'] as const) expect(texts(replies)[0]).toContain(itemLabel(id, lang.locale));
  });

  it('help, then the same question', async () => {
    const harness = await start();
    const replies = await harness.say(lang.help);
    expect(texts(replies)).toEqual([t('help.text'), t('who.prompt')]);
  });

  it('not understood: re-asked twice in other words, then the closing', async () => {
    const harness = await start();
    const first = await harness.say(lang.offTopic);
    expect(shownText(first.at(-1)!)).toBe(`${t('notUnderstood.first')} ${t('who.retry')}`);
    const second = await harness.say('asdf qwer zxcv');
    // The second re-ask says it another way, not the same sentence again.
    expect(shownText(second.at(-1)!)).toBe(t('who.retryAgain'));
    const third = await harness.say('zzz');
    expectClosing(third, lang.locale, 'not_understood');
    expect(harness.ended).toEqual(['not_understood']);
  });

  it(`closes after ${MAX_DETOURS} detours across the check, whatever they are`, async () => {
    const harness = await start();
    // Off-topic only twice, so the question's own retry limit is not what closes it.
    const detours = [lang.faq, lang.help, lang.offTopic, lang.faq, lang.help, lang.faq, lang.help, lang.offTopic, lang.faq];
    expect(detours).toHaveLength(MAX_DETOURS + 1);
    let replies: Partial<Activity>[] = [];
    for (const [turn, text] of detours.entries()) {
      replies = await harness.say(text);
      if (turn < MAX_DETOURS) expect(isPrompt(replies.at(-1))).toBe(true);
    }
    expectClosing(replies, lang.locale, 'not_understood');
  });

  it('"start over" goes back to the first question without a second welcome', async () => {
    const harness = await start();
    await pastScreen(harness, t, 'self');
    const replies = await harness.say(lang.restart);
    expect(texts(replies)).toEqual([t('restart.text'), t('who.prompt')]);
  });

  it('after the closing, a greeting starts a fresh check with a new welcome', async () => {
    const harness = await start();
    await harness.say(lang.quit);
    const replies = await harness.say(lang.hello);
    expect(texts(replies)).toEqual([t('welcome.notice'), t('who.prompt')]);
  });
});

describe('channels', () => {
  it('the activity locale picks the language when nothing was chosen', async () => {
    const replies = await createHarness({ locale: 'es-ES' }).say('hola');
    expect(texts(replies)[0]).toBe(translate('es')('welcome.notice'));
  });

  it('a Spanish greeting in an English check switches to Spanish and asks the same question again', async () => {
    const harness = createHarness({ locale: 'en-US' });
    await harness.join();
    const replies = texts(await harness.say('¡Hola!'));
    expect(replies[0]).toBe(translate('es')('language.switched'));
    expect(replies.at(-1)).toBe(translate('es')('who.prompt'));
  });

  it('a chosen language outlives the check', async () => {
    const harness = createHarness({ locale: 'en-US' });
    await harness.say('español');
    await harness.say('salir');
    expect(texts(await harness.say('hola'))[0]).toBe(translate('es')('welcome.notice'));
  });

  it('a chosen language lasts the conversation, never the person: a new conversation starts in its own', async () => {
    const storage = new MemoryStorage();
    const first = createHarness({ locale: 'en-US', storage, conversationId: 'first' });
    await first.say('español');
    await first.say('salir');
    const second = createHarness({ locale: 'en-US', storage, conversationId: 'second' });
    const opening = await second.say('bruises on my legs');
    expect(texts(opening)[0]).toBe(translate('en')('welcome.notice'));
    // And "hi" at the start of a conversation opened in Spanish brings English.
    const third = createHarness({ locale: 'es-MX', storage, conversationId: 'third' });
    expect(texts(await third.say('hi'))[0]).toBe(translate('en')('welcome.notice'));
  });

  it('SMS gets numbered lists and numbers as answers', async () => {
    const harness = createHarness({ channelId: 'sms' });
    const opening = await harness.say('hi');
    expect(opening.at(-1)!.text).toMatch(/1\. Me/);
    expect(opening.at(-1)!.suggestedActions).toBeUndefined();
    await harness.say('2');
    // The screen for a child lists five signs, then "None of these".
    const screen = await harness.say('6');
    expect(screen.at(-1)!.text).toMatch(/1\. Show me the list/);
    const group = await harness.say('1');
    expect(group.at(-1)!.text).toContain(translate('en')('group.prompt.symptoms.child'));
    const next = await harness.say('4');
    expect(next.at(-1)!.text).toContain(itemLabel('pale_skin', 'en'));
  });

  it('Teams gets a hero card with buttons', async () => {
    const replies = await createHarness({ channelId: 'msteams' }).say('hi');
    expect(replies.at(-1)!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(offeredChoices(replies.at(-1))).toEqual(['Me', 'My child', 'Someone else']);
    expect(isPrompt(replies.at(-1))).toBe(true);
  });
});
