import type { StoreItems } from 'botbuilder';
import { BoundedMemoryStorage } from '../../bot/storage/boundedMemoryStorage';
import { StorageUnavailableError } from '../../bot/storage/storageErrors';
import { translate } from '../../locales/i18n';
import { startApp, type RunningApp } from '../ops/harness';
import { FakeTwilio, TEST_SMS_ENV } from './twilioClient';

// A text that arrives while the state store is stalled keeps the person's check: the answer is
// "send it again" with the appointment line (as plain text), and the same text then goes on.

class StallingStorage extends BoundedMemoryStorage {
  stalled = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.stalled) throw new StorageUnavailableError('Redis read failed: Command timed out');
    return super.read(keys);
  }
}

const PHONE = '+15555550177';
let running: RunningApp;
let storage: StallingStorage;

beforeEach(async () => {
  storage = new StallingStorage({ maxEntries: 100, ttlSeconds: 600 });
  running = await startApp(TEST_SMS_ENV, { storage });
});
afterEach(() => running.stop());

it('asks for the text again during a stall, then goes on from the same question', async () => {
  const twilio = new FakeTwilio(running.baseUrl);
  await twilio.text(PHONE, 'hi');
  expect((await twilio.text(PHONE, '1')).messages.join('\n')).toMatch(/safety question/);

  storage.stalled = true;
  const during = await twilio.text(PHONE, 'None of these');
  expect(during.status).toBe(200);
  expect(during.messages).toEqual([translate('en')('sendAgain.text', { phoneLink: '1-888-663-3488' })]);

  storage.stalled = false;
  expect((await twilio.text(PHONE, 'None of these')).messages.join('\n')).toMatch(/how have you been feeling/);
});
