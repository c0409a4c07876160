import type { Activity } from 'botbuilder';
import type { Understanding } from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness, shownText } from '../support/checkHarness';

// Things outside the list (understanding's `unlisted`) are acknowledged once and appear in the
// summary as "also mentioned". Understanding fills `unlisted` on another branch; here it is stood
// in for, for one phrase per language, so the dialog side is tested on its own.
jest.mock('../../knowledge', () => {
  const actual = jest.requireActual('../../knowledge');
  return {
    ...actual,
    understand: (text: string, locale: 'en' | 'es'): Understanding => {
      const understood = actual.understand(text, locale) as Understanding;
      const sweats = /night sweats|sudores de noche/i.test(text);
      return sweats ? { ...understood, unlisted: ['night_sweats'] } : understood;
    },
  };
});

const check = (reply: Partial<Activity> | undefined) => (reply?.channelData as { check?: Record<string, unknown> } | undefined)?.check;

describe.each([
  { locale: 'en' as const, tag: 'en-US', said: 'I get night sweats and I bruise easily', again: 'night sweats again' },
  { locale: 'es' as const, tag: 'es-MX', said: 'tengo sudores de noche y me salen moretones', again: 'sudores de noche otra vez' },
])('night sweats in $locale', ({ locale, tag, said, again }) => {
  const t = translate(locale);

  it('are acknowledged once and named in the summary as also mentioned', async () => {
    const harness = createHarness({ locale: tag });
    await harness.join();
    await harness.say(t('who.choices.self'));
    const readBack = await harness.say(said);
    const noted = t('unlisted.noted', { things: (locale === 'en' ? 'Night sweats' : 'Sudores nocturnos').toLowerCase() });
    expect(readBack.map(shownText)).toContain(noted);
    expect(check(readBack.at(-1))).toEqual({ noted: { easy_bruising: 'yes' } });
    let replies = await harness.say(t('readBack.choices.right'));
    replies = await harness.say(again);
    expect(replies.map(shownText)).not.toContain(noted);
    while (!replies.some((reply) => check(reply)?.ended)) replies = await harness.say(t('group.choices.none'));
    const summary = replies.find((reply) => check(reply)?.answers)!;
    expect(shownText(summary)).toContain(t('summary.alsoMentioned', { things: locale === 'en' ? 'Night sweats' : 'Sudores nocturnos' }));
  });
});
