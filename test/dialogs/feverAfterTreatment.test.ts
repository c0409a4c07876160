import type { Activity } from 'botbuilder';
import type { CheckData } from '../../check/questions';
import type { Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, pastScreen, shownText } from '../support/checkHarness';

// A treatment going on now, told early in a check ("she's on chemo at the moment"), and a fever
// told later ("just took her temp, 38.6 now") are a fever during treatment: the 911 advice in the
// same turn, though neither message alone is one. A treatment long finished waits for nothing.

const check = (reply: Partial<Activity> | undefined) => (reply?.channelData as { check?: CheckData } | undefined)?.check;
const ended = (replies: Partial<Activity>[]) => replies.map(check).find((data) => data?.ended)?.ended;

const CASES: { locale: Locale; activityLocale: string; who: 'someone' | 'child'; treatment: string; treatmentAlone: string; fever: string; past: string }[] = [
  { locale: 'en', activityLocale: 'en-US', who: 'someone', treatment: "She's on chemo for lymphoma right now and very run down", treatmentAlone: "she is on chemo for lymphoma at the moment", fever: 'I just took her temperature again, it says 38.7', past: 'She had chemo ten years ago and is very run down' },
  { locale: 'es', activityLocale: 'es-MX', who: 'child', treatment: 'Está recibiendo quimioterapia para la leucemia y anda muy cansado', treatmentAlone: 'ahora mismo está recibiendo quimioterapia', fever: 'le acabo de tomar la temperatura y tiene 38.8', past: 'Le dieron quimio hace diez años y anda muy cansado' },
];

describe.each(CASES)('a fever told after a treatment going on now, in $locale', (c) => {
  const t = translate(c.locale);

  it('gets the 911 advice in the same turn as the fever', async () => {
    const harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await pastScreen(harness, t, c.who);
    const first = await harness.say(c.treatment);
    expect(first.map(shownText).join(' ')).not.toContain('911');
    const replies = await harness.say(c.fever);
    expect(shownText(replies[0]!)).toContain('911');
    expect(ended(replies)).toBe('emergency');
    expect(replies.map(check).some((data) => data?.emergency === true)).toBe(true);
  });

  it('a treatment long finished leaves nothing waiting', async () => {
    const harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await pastScreen(harness, t, c.who);
    await harness.say(c.past);
    const replies = await harness.say(c.fever);
    expect(replies.map(shownText).join(' ')).not.toContain('911');
    expect(ended(replies)).toBeUndefined();
  });

  it('the other way round: a fever told first, then a treatment going on now', async () => {
    const harness = createHarness({ locale: c.activityLocale });
    await harness.join();
    await pastScreen(harness, t, c.who);
    await harness.say(c.fever);
    await harness.say(t('readBack.choices.confirm'));
    const replies = await harness.say(c.treatmentAlone);
    expect(shownText(replies[0]!)).toContain('911');
    expect(ended(replies)).toBe('emergency');
  });
});
