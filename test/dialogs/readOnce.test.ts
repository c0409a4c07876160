import * as knowledge from '../../knowledge';
import { translate } from '../../locales/i18n';
import { createHarness } from '../support/checkHarness';

// One Reading per turn (check/reading.ts): the interrupts, the unlisted note and the question on
// screen share it, so a turn understands its message at most once per language and whose check.

afterEach(() => jest.restoreAllMocks());

describe.each([
  { tag: 'en-US', locale: 'en' as const, said: 'my gums bleed when I brush, and not sure about bruises' },
  { tag: 'es-MX', locale: 'es' as const, said: 'me sangran las encías, y no sé si moretones' },
])('a turn in $locale', ({ tag, locale, said }) => {
  it('understands the whole message once per language, whatever reads it', async () => {
    const t = translate(locale);
    const harness = createHarness({ locale: tag });
    await harness.join();
    await harness.say(t('who.choices.self'));
    const understand = jest.spyOn(knowledge, 'understand');
    const replies = await harness.say(said);
    expect(replies.length).toBeGreaterThan(0);
    const wholeMessage = understand.mock.calls.filter(([text]) => text === said).map(([, inLocale, about]) => `${inLocale}:${about ?? 'self'}`);
    expect(wholeMessage.length).toBeGreaterThan(0);
    expect(new Set(wholeMessage).size).toBe(wholeMessage.length);
  });
});
