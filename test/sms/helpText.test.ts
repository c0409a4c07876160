import en from '../../locales/en/sms.json';
import es from '../../locales/es/sms.json';
import { loadConfig } from '../../bot/config';
import { toGsm7 } from '../../bot/sms/gsm7';
import { smsHelpText } from '../../bot/sms/helpText';
import { smsSegments } from '../../bot/sms/segments';

describe('SMS help text', () => {
  it('has the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each([['en' as const], ['es' as const]])('in %s names the appointment line and fits one GSM-7 segment', (locale) => {
    const text = toGsm7(smsHelpText(locale, loadConfig({}).appointment));
    expect(text).toContain('1-888-663-3488');
    expect(text).toContain('STOP');
    expect(smsSegments(text)).toEqual(expect.objectContaining({ encoding: 'GSM-7', segments: 1 }));
  });
});
