import type { Activity } from 'botbuilder';
import type { CheckData } from '../../check/questions';
import { itemLabel, unlistedLabel, type Locale } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, shownText, type Harness } from '../support/checkHarness';

// Words that fit the person: "who is this for?" answered loosely or with symptoms, corrections
// shown with what was just noted, one or several things outside the list, and a plain
// acknowledgement after "no" to thoughts of self-harm. Both languages.

const check = (reply: Partial<Activity> | undefined) => (reply?.channelData as { check?: CheckData } | undefined)?.check;
const texts = (replies: Partial<Activity>[]) => replies.map(shownText);

const CASES = [
  {
    locale: 'en' as Locale,
    activityLocale: 'en-US',
    loose: 'me lol',
    looseChild: 'for my son pls',
    symptoms: 'my gums bleed and im always tired',
    child: 'my daughter',
    twoUnlisted: 'night sweats and headaches',
    selfHarmPossible: 'some days I just want to disappear',
  },
  {
    locale: 'es' as Locale,
    activityLocale: 'es-MX',
    loose: 'yo jaja',
    looseChild: 'pa mi hijo',
    symptoms: 'me sangran las encías y ando cansada siempre',
    child: 'mi hija',
    twoUnlisted: 'sudores nocturnos y dolor de cabeza',
    selfHarmPossible: 'a veces quisiera desaparecer',
  },
];

describe.each(CASES)('words that fit, in $locale', (c) => {
  const t = translate(c.locale);
  let harness: Harness;
  const begin = async () => {
    harness = createHarness({ locale: c.activityLocale });
    await harness.join();
  };

  it('"who is this for?" answered loosely is understood', async () => {
    await begin();
    expect(check((await harness.say(c.loose)).at(-1))?.screen).toBe('red_flags');
    await begin();
    const child = await harness.say(c.looseChild);
    expect(shownText(child.at(-1)!)).toContain(t('screen.prompt.child'));
  });

  it('symptoms given to "who is this for?" are kept, who is asked once more, and they are read back', async () => {
    await begin();
    const first = await harness.say(c.symptoms);
    expect(texts(first)).toEqual([t('who.notedFirst'), t('who.prompt')]);
    await harness.say(c.child);
    const readBack = await harness.say(t('screen.choices.none'));
    expect(check(readBack.at(-1))?.noted).toEqual({ bleeding_gums: 'yes', fatigue: 'yes' });
    // The example of a correction is about what was just noted, in words that fit anyone.
    expect(shownText(readBack.at(-1)!)).toContain(t('readBack.example', { label: itemLabel('bleeding_gums', c.locale).toLowerCase() }));
  });

  it('several things outside the list are named in the plural', async () => {
    await begin();
    await harness.say(t('who.choices.self'));
    await harness.say(t('screen.choices.none'));
    const replies = await harness.say(c.twoUnlisted);
    const things = texts(replies).find((text) => text.includes(unlistedLabel('night_sweats', c.locale).toLowerCase()));
    expect(things).toBeDefined();
    expect(things!.startsWith(t('unlisted.notedMany', { things: '' }).split(' ')[0]!)).toBe(true);
    expect(things).toBe(
      t('unlisted.notedMany', {
        things: new Intl.ListFormat(c.locale, { type: 'conjunction' }).format([unlistedLabel('night_sweats', c.locale).toLowerCase(), unlistedLabel('headache', c.locale).toLowerCase()]),
      }),
    );
  });

  it('"no, not now" to thoughts of self-harm gets a plain acknowledgement that keeps 988 open', async () => {
    await begin();
    await harness.say(t('who.choices.self'));
    await harness.say(t('screen.choices.none'));
    const flagged = await harness.say(c.selfHarmPossible);
    expect(texts(flagged).join('\n')).toContain(t('emergency.askNow'));
    const notNow = await harness.say(t('emergency.choices.no'));
    expect(texts(notNow)[0]).toBe(t('emergency.notNowCrisis'));
    expect(texts(notNow)[0]).toContain('988');
    expect(harness.ended).toEqual([]);
  });
});
