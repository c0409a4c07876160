import { hashNumber } from '../../bot/sms/hashNumber';
import { startApp, type RunningApp } from '../ops/harness';
import { FakeTwilio, TEST_SMS_ENV } from './twilioClient';

// Twilio retries a webhook it got no answer to, with the same MessageSid and signature. The
// retry must change nothing: no second run of the turn, no reply, the same stored state.

const PHONE = '+15555550142';
const conversationKey = `sms/conversations/${hashNumber(PHONE, TEST_SMS_ENV.SMS_HASH_SECRET)}/`;

let running: RunningApp;
let twilio: FakeTwilio;

beforeEach(async () => {
  running = await startApp(TEST_SMS_ENV);
  twilio = new FakeTwilio(running.baseUrl);
});
afterEach(() => running.stop());

const signedText = (sid: string, body: string) => ({
  MessageSid: `SM${sid.padStart(32, '0')}`,
  AccountSid: 'AC00000000000000000000000000000000',
  From: PHONE,
  To: '+18885550100',
  Body: body,
  NumMedia: '0',
});

async function storedState(): Promise<unknown> {
  return (await running.app.storage.read([conversationKey]))[conversationKey];
}

it('the same signed request posted again is acknowledged and changes nothing', async () => {
  await twilio.post(signedText('1', 'hi'));
  const me = signedText('2', '1'); // "1. Me"
  const first = await twilio.post(me);
  expect(first.status).toBe(200);
  expect(first.messages.join('\n')).toMatch(/safety question/);
  const before = await storedState();

  const again = await twilio.post(me);
  expect(again.status).toBe(200);
  expect(again.messages).toEqual([]);
  expect(await storedState()).toEqual(before);

  // The check is where the first copy left it: a new text answers the safety question.
  const next = await twilio.post(signedText('3', 'None of these'));
  expect(next.messages.join('\n')).toMatch(/how have you been feeling/);
});

it('two copies arriving at once run once', async () => {
  await twilio.post(signedText('1', 'hi'));
  const me = signedText('2', '1');
  const responses = await Promise.all([twilio.post(me), twilio.post(me)]);
  expect(responses.map((response) => response.status)).toEqual([200, 200]);
  expect(responses.map((response) => response.messages.length).sort()).toEqual([0, 1]);
  const next = await twilio.post(signedText('3', 'None of these'));
  expect(next.messages.join('\n')).toMatch(/how have you been feeling/);
});
