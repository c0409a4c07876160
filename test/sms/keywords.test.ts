import { nextSmsStep, smsKeyword, smsKeywordLists } from '../../bot/sms/keywords';

describe('smsKeyword', () => {
  it.each([
    ['STOP', { kind: 'optOut' }],
    ['stop', { kind: 'optOut' }],
    ['  Stop ', { kind: 'optOut' }],
    ['STOPALL', { kind: 'optOut' }],
    ['unsubscribe', { kind: 'optOut' }],
    ['Cancel', { kind: 'optOut' }],
    ['END', { kind: 'optOut' }],
    ['quit', { kind: 'optOut' }],
    ['START', { kind: 'optIn' }],
    ['yes', { kind: 'optIn' }],
    ['UNSTOP', { kind: 'optIn' }],
    ['HELP', { kind: 'help', locale: 'en' }],
    ['info', { kind: 'help', locale: 'en' }],
    ['Ayuda', { kind: 'help', locale: 'es' }],
    // Twilio acts on single words only.
    ['stop please', undefined],
    ['please cancel', undefined],
    ['I need help', undefined],
    ['hola', undefined],
  ])('%j → %j', (text, expected) => {
    expect(smsKeyword(text)).toEqual(expected);
  });

  it('lists no word twice', () => {
    const words = [...smsKeywordLists.optOut, ...smsKeywordLists.optIn, ...Object.values(smsKeywordLists.help).flat()];
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('nextSmsStep', () => {
  it.each([
    ['STOP', false, 'optOut'],
    ['STOP', true, 'optOut'],
    ['START', true, 'optIn'],
    ['YES', true, 'optIn'],
    // YES answers the check when the number is not opted out.
    ['YES', false, 'turn'],
    ['START', false, 'turn'],
    ['HELP', false, 'help'],
    // An opted-out number gets nothing, not even help, until it opts back in.
    ['HELP', true, 'silent'],
    ['fever', true, 'silent'],
    ['fever', false, 'turn'],
  ])('%j (opted out: %s) → %s', (text, optedOut, kind) => {
    expect(nextSmsStep(text, optedOut).kind).toBe(kind);
  });
});
