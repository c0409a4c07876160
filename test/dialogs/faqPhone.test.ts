import { translate } from '../../locales/i18n';
import { createHarness, TEST_CONFIG } from '../support/checkHarness';

// "Who do I call?" answers with the appointment line the centre configured, not a number
// written into the FAQ data.
describe.each([
  ['en', 'en-US', 'who do I call to make an appointment?'],
  ['es', 'es-MX', '¿a quién llamo para hacer una cita?'],
] as const)('the FAQ on appointments, in %s', (locale, activityLocale, question) => {
  it('gives the configured appointment line', async () => {
    const phone = '1-800-555-0100';
    const harness = createHarness({ locale: activityLocale, config: { ...TEST_CONFIG, appointment: { ...TEST_CONFIG.appointment, phone } } });
    await harness.join();
    await harness.say(translate(locale)('who.choices.self'));
    const replies = await harness.say(question);
    const said = replies.map((activity) => activity.text ?? '').join('\n');
    expect(said).toContain(phone);
    expect(said).not.toContain('888-663-3488');
  });
});
