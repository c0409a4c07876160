import type { Activity } from 'botbuilder';
import type { CheckData } from '../../check/questions';
import { SIGNS_FOR } from '../../check/screen';
import type { Locale } from '../../knowledge';
import { itemLabel } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, isPrompt, offeredChoices, shownText, type Harness } from '../support/checkHarness';

// The red-flag screen after "who is this for?", and the 911 answer that never costs the check:
// the advice first in the same turn, the closing with one way back, and the same question again
// with every answer kept. Both languages; words come from the locale files.

const PHONE_LINK = '[1-888-663-3488](tel:+18886633488)';
const check = (reply: Partial<Activity> | undefined) => (reply?.channelData as { check?: CheckData } | undefined)?.check;
const texts = (replies: Partial<Activity>[]) => replies.map(shownText);

const CASES = [
  { locale: 'en' as Locale, activityLocale: 'en-US', emergency: "I can't breathe", selfHarm: "I've been thinking about killing myself", safe: "false alarm, I'm safe now", thanks: 'thank you' },
  { locale: 'es' as Locale, activityLocale: 'es-MX', emergency: 'no puedo respirar', selfHarm: 'ya no quiero vivir', safe: 'fue un error, estoy a salvo', thanks: 'gracias' },
];

describe.each(CASES)('the red-flag screen in $locale', (c) => {
  const t = translate(c.locale);
  let harness: Harness;
  const begin = async (who: 'self' | 'child' | 'someone' = 'self') => {
    harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    return harness.say(t(`who.choices.${who}`));
  };

  it('comes right after "who is this for?", fitted to who, marked for the simulator', async () => {
    const forMe = await begin('self');
    expect(shownText(forMe.at(-1)!)).toBe(t('screen.prompt.self'));
    expect(check(forMe.at(-1))).toEqual({ screen: 'red_flags' });
    expect(offeredChoices(forMe.at(-1))).toEqual([...SIGNS_FOR.self.map((sign) => t(`screen.signs.${sign}`)), t('screen.choices.none')]);
    const forChild = await begin('child');
    expect(shownText(forChild.at(-1)!)).toBe(t('screen.prompt.child'));
    expect(offeredChoices(forChild.at(-1))).toContain(t('screen.signs.breathingChild'));
    expect(offeredChoices(forChild.at(-1))).toContain(t('screen.signs.floppy'));
    expect(offeredChoices(forChild.at(-1))).not.toContain(t('screen.signs.selfHarm'));
  });

  it('"None of these" goes on to the open question', async () => {
    await begin();
    const next = await harness.say(t('screen.choices.none'));
    expect(texts(next)).toEqual([t('open.prompt.self')]);
  });

  it('"no, but ..." with listed signs goes on and reads them back', async () => {
    await begin();
    const next = await harness.say(c.locale === 'en' ? "no, but I've been bruising a lot" : 'no, pero me salen moretones');
    expect(check(next.at(-1))?.noted).toEqual({ easy_bruising: 'yes' });
  });

  it('a tapped sign gets "Call 911 now" first, then the closing with one way back', async () => {
    await begin();
    const replies = await harness.say(t('screen.signs.chest'));
    expect(texts(replies)[0]).toBe(t('emergency.clear'));
    expect(check(replies[0])).toEqual({ emergency: true });
    expect(check(replies.at(-1))).toEqual({ ended: 'emergency' });
    expect(replies.at(-1)!.text).toContain(PHONE_LINK);
    expect(offeredChoices(replies.at(-1))).toEqual([t('emergency.choices.back')]);
    expect(isPrompt(replies.at(-1))).toBe(false);
    expect(harness.ended).toEqual(['emergency']);
  });

  it('self-harm, tapped or said, adds the 988 line', async () => {
    await begin();
    const tapped = await harness.say(t('screen.signs.selfHarm'));
    expect(texts(tapped)[0]).toBe(`${t('emergency.clear')} ${t('emergency.selfHarm')}`);
    await begin();
    await harness.say(t('screen.choices.none'));
    const said = await harness.say(c.selfHarm);
    expect(texts(said)[0]).toContain(t('emergency.selfHarm'));
    expect(check(said.at(-1))).toEqual({ ended: 'emergency' });
  });

  it('a false alarm costs one tap: the same question comes back with every answer kept', async () => {
    await begin();
    await harness.say(t('screen.choices.none'));
    await harness.say(t('open.choices.list'));
    const afterTap = await harness.say(itemLabel('bone_pain', c.locale)); // "any of these others?"
    const emergency = await harness.say(c.emergency);
    expect(texts(emergency)[0]).toBe(t('emergency.clear'));
    const back = await harness.say(t('emergency.choices.back'));
    expect(texts(back)[0]).toBe(t('emergency.resumed'));
    expect(shownText(back.at(-1)!)).toBe(shownText(afterTap.at(-1)!));
    expect(check(back.at(-1))).toEqual(check(afterTap.at(-1)));
    // On to the end: the summary still has the answer given before the false alarm.
    let replies = back;
    for (let turn = 0; turn < 12 && !check(replies.at(-1))?.ended; turn++) replies = await harness.say(t('group.choices.none'));
    const summary = replies.find((reply) => check(reply)?.answers);
    expect(check(summary)?.answers).toMatchObject({ bone_pain: 'yes', fever: 'no' });
    expect(harness.ended).toEqual(['emergency', 'completed']);
  });

  it('the way back in words, and from the screen itself', async () => {
    await begin();
    await harness.say(t('screen.signs.bleeding'));
    const back = await harness.say(c.safe);
    expect(texts(back)).toEqual([t('emergency.resumed'), t('screen.prompt.self')]);
  });

  it('after the advice: thanks gets a short goodbye that names 911; anything else offers the way back again', async () => {
    await begin();
    await harness.say(t('screen.signs.faint'));
    const bye = await harness.say(c.thanks);
    expect(bye).toHaveLength(1);
    expect(bye[0]!.text).toContain('911');
    expect(bye[0]!.text).toContain(PHONE_LINK);
    const other = await harness.say('hmm');
    expect(offeredChoices(other.at(-1))).toEqual([t('emergency.choices.back')]);
    expect(other.at(-1)!.text).toContain(PHONE_LINK);
    // Still paused: the way back works after all that.
    const back = await harness.say(t('emergency.choices.back'));
    expect(texts(back).at(-1)).toBe(t('screen.prompt.self'));
  });

  it('an emergency as the very first message: the advice, then the way back begins the check', async () => {
    harness = createHarness({ locale: c.activityLocale });
    const first = await harness.say(c.emergency);
    expect(texts(first)[0]).toBe(t('emergency.clear'));
    const back = await harness.say(t('emergency.choices.back'));
    expect(texts(back)).toEqual([t('welcome.notice'), t('who.prompt')]);
  });
});

describe('the screen and the way back on SMS', () => {
  it('are numbered lists answered with numbers', async () => {
    const harness = createHarness({ channelId: 'sms' });
    await harness.say('hi');
    const screen = await harness.say('1'); // Me
    expect(screen.at(-1)!.text).toMatch(/1\. Hard to breathe/);
    expect(screen.at(-1)!.text).toMatch(/7\. None of these/);
    const emergency = await harness.say('1');
    expect(emergency[0]!.text).toBe(translate('en')('emergency.clear'));
    expect(emergency.at(-1)!.text).toMatch(/1\. I'm safe, back to my check/);
    const back = await harness.say('1');
    expect(back.at(-1)!.text).toMatch(/7\. None of these/);
    const open = await harness.say('7');
    expect(open.at(-1)!.text).toContain(translate('en')('open.prompt.self'));
  });
});

// Questions about urgency get what to do, never "I can't answer that here", and leave the check
// where it was: the 911 advice for a sign the question names, the ER or urgent care otherwise.
describe.each([
  { locale: 'en' as Locale, activityLocale: 'en-US', general: 'should I go to the ER?', sign: 'is a seizure an emergency?', selfHarm: 'is it an emergency if someone wants to kill themselves?' },
  { locale: 'es' as Locale, activityLocale: 'es-MX', general: '¿debo ir a urgencias?', sign: '¿una convulsión es una emergencia?', selfHarm: '¿es una emergencia si alguien quiere suicidarse?' },
])('questions about urgency in $locale', (c) => {
  const t = translate(c.locale);
  const midCheck = async () => {
    const harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await harness.say(t('who.choices.self'));
    const open = await harness.say(t('screen.choices.none'));
    return { harness, openQuestion: shownText(open[open.length - 1]!) };
  };

  it('a general one gets the ER or urgent care guidance and the same question again', async () => {
    const { harness, openQuestion } = await midCheck();
    const replies = await harness.say(c.general);
    expect(shownText(replies[0]!)).toBe(t('hard.urgency', { phone: '1-888-663-3488' }));
    expect(texts(replies).join('\n')).not.toContain(t('hard.unknownQuestion', { phone: '1-888-663-3488' }));
    expect(shownText(replies[replies.length - 1]!)).toBe(openQuestion);
    expect(replies.some((reply) => check(reply)?.ended)).toBe(false);
    expect(harness.ended).toEqual([]);
  });

  it('one that names a sign gets that sign\'s 911 advice, without closing the check', async () => {
    const { harness, openQuestion } = await midCheck();
    const replies = await harness.say(c.sign);
    expect(shownText(replies[0]!)).toBe(t('urgency.sign'));
    expect(shownText(replies[replies.length - 1]!)).toBe(openQuestion);
    expect(harness.ended).toEqual([]);
  });

  it('one about self-harm adds the 988 line', async () => {
    const { harness } = await midCheck();
    const replies = await harness.say(c.selfHarm);
    expect(shownText(replies[0]!)).toContain('988');
    expect(harness.ended).toEqual([]);
  });
});

// Each kind of red flag, said in the middle of a check as people say it: "Call 911 now" (or the
// care team's line for a fever during treatment) first, in the same turn, then the closing with
// the way back. The near misses beside them go on with the check.
const KINDS: Array<[Locale, string, 'clear' | 'feverOnTreatment', boolean]> = [
  ['en', "some days I don't want to wake up", 'clear', true],
  ['en', 'kms fr', 'clear', true],
  ['en', "my dad's face is drooping on one side and his speech is slurred", 'clear', false],
  ['en', 'can\'t get air', 'clear', false],
  ['en', 'my baby keeps pausing her breathing and her lips look grey', 'clear', false],
  ['en', "I'm on chemo and I have a fever of 101 right now", 'feverOnTreatment', false],
  ['en', 'my son is having a seizure', 'clear', false],
  ['en', "he won't wake up and he's burning up", 'clear', false],
  ['es', 'auxilio no respiro', 'clear', false],
  ['es', 'ya no quiero despertar', 'clear', true],
  ['es', 'a mi papá se le cayó la cara de un lado y no puede hablar bien', 'clear', false],
  ['es', 'estoy en quimio y tengo fiebre de 38.5 ahora', 'feverOnTreatment', false],
  ['es', 'mi hijo está convulsionando', 'clear', false],
];
const NEAR_MISSES: Array<[Locale, string]> = [
  ['en', 'I breathe fine'],
  ['en', 'last year I had a seizure but nothing since'],
  ['en', 'my finger bleeds when I cut it cooking'],
  ['en', 'this traffic is killing me'],
  ['es', 'respiro bien'],
  ['es', 'me muero de risa'],
];

describe('each kind of red flag in the middle of a check', () => {
  const midCheck = async (locale: Locale) => {
    const t = translate(locale);
    const harness = createHarness({ locale: locale === 'es' ? 'es-MX' : 'en-US' });
    await harness.join();
    await harness.say(t('who.choices.self'));
    await harness.say(t('screen.choices.none'));
    return { harness, t };
  };

  it.each(KINDS)('%s: "%s" gets the advice first, in the same turn', async (locale, text, advice, crisisLine) => {
    const { harness, t } = await midCheck(locale);
    const replies = await harness.say(text);
    expect(shownText(replies[0]!).startsWith(t(`emergency.${advice}`))).toBe(true);
    expect(check(replies[0])?.emergency).toBe(true);
    expect(shownText(replies[0]!).includes('988')).toBe(crisisLine);
    expect(replies.some((reply) => check(reply)?.ended === 'emergency')).toBe(true);
    expect(offeredChoices(replies[replies.length - 1])).toContain(t('emergency.choices.back'));
  });

  it.each(NEAR_MISSES)('%s: "%s" goes on with the check', async (locale, text) => {
    const { harness } = await midCheck(locale);
    const replies = await harness.say(text);
    expect(replies.some((reply) => check(reply)?.emergency)).toBe(false);
    expect(harness.ended).toEqual([]);
  });
});
