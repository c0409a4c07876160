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
