import { Activity, ActivityTypes, MemoryStorage, StoreItems, TestAdapter } from 'botbuilder';
import { createCheckBot } from '../../bot/checkBot';
import { translate } from '../../locales/i18n';
import { createHarness, isPrompt, shownText, TEST_CONFIG } from '../support/checkHarness';

const t = translate('en');
const texts = (replies: Partial<Activity>[]) => replies.map(shownText);

describe('welcome', () => {
  it('a conversationUpdate that adds only the bot says nothing', async () => {
    const harness = createHarness();
    const replies = await harness.say({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Bot' }], recipient: { id: 'bot', name: 'Bot' } });
    expect(replies).toEqual([]);
  });

  it('a person joining gets the welcome and the first question, once', async () => {
    const harness = createHarness();
    expect(texts(await harness.join())).toEqual([t('welcome.notice'), t('who.prompt')]);
    expect(await harness.join()).toEqual([]);
  });

  it('a channel that sends no conversationUpdate gets the welcome with the first message', async () => {
    expect(texts(await createHarness().say('hello'))).toEqual([t('welcome.notice'), t('who.prompt')]);
  });
});

/** A storage that counts writes and can be told to fail, or to hand back something that is not state. */
class FlakyStorage extends MemoryStorage {
  writes = 0;
  failReads = false;
  failWrites = false;
  breakReads = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.failReads) throw new Error('read failed: secret-internal-detail');
    if (this.breakReads) JSON.parse('{"dialogState": secret-internal-detail');
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    if (this.failWrites) throw new Error('write failed: secret-internal-detail');
    return super.write(changes);
  }
}

function botOn(storage: FlakyStorage, locale?: string) {
  const logged: object[] = [];
  const ended: string[] = [];
  const { bot, onTurnError } = createCheckBot({
    config: TEST_CONFIG,
    storage,
    logger: { error: (details) => logged.push(details) },
    onCheckEnded: (reason) => ended.push(reason),
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'directline', locale });
  adapter.onTurnError = onTurnError;
  const say = async (text: string) => {
    await adapter.receiveActivity({ type: ActivityTypes.Message, text });
    return adapter.activeQueue.splice(0);
  };
  return { say, logged, ended };
}

it('saves conversation and user state once per turn, after the dialog ran', async () => {
  const storage = new FlakyStorage();
  const { say } = botOn(storage);
  await say('hi');
  const before = storage.writes;
  await say('Me');
  // One write for the conversation; the user state did not change, so it is not written.
  expect(storage.writes - before).toBeLessThanOrEqual(2);
  expect(storage.writes - before).toBeGreaterThanOrEqual(1);
});

describe('onTurnError', () => {
  const es = translate('es');

  it.each([
    ['a failing write after the dialog ran', (storage: FlakyStorage) => (storage.failWrites = true)],
    ['a failing read before it', (storage: FlakyStorage) => (storage.failReads = true)],
  ])('%s: "send it again" with the phone, the check kept, never the error text', async (_name, breakIt) => {
    const storage = new FlakyStorage();
    const { say, logged, ended } = botOn(storage, 'es-MX');
    await say('hola');
    breakIt(storage);
    const replies = await say('Para mí');
    // Only the request to send it again: nothing the failed run said reaches the person.
    expect(texts(replies)).toEqual([es('sendAgain.text', { phoneLink: '[1-888-663-3488](tel:+18886633488)' })]);
    expect(isPrompt(replies[0])).toBe(false);
    expect(JSON.stringify(replies)).not.toContain('secret-internal-detail');
    expect(logged).toEqual([expect.objectContaining({ event: 'turn_error', kind: 'store', stateKept: true })]);
    expect(JSON.stringify(logged)).not.toContain('Para mí');
    expect(ended).toEqual([]); // not a closing

    // The store is back: the same message goes on where the check was.
    storage.failReads = false;
    storage.failWrites = false;
    expect(texts(await say('Para mí'))).toEqual(await freshAfterWho('es-MX'));
  });

  it('state that cannot be read is cleared: the closing with the phone, and the next message starts a fresh check', async () => {
    const storage = new FlakyStorage();
    const { say, ended, logged } = botOn(storage);
    await say('hi');
    await say('Me');
    storage.breakReads = true;
    const replies = await say('Show me the list');
    expect(replies.at(-1)!.text).toContain(t('closing.lead.error'));
    expect(replies.at(-1)!.text).toContain('[1-888-663-3488](tel:+18886633488)');
    expect(JSON.stringify(replies)).not.toContain('secret-internal-detail');
    expect(logged).toEqual([expect.objectContaining({ event: 'turn_error', kind: 'brokenState', stateKept: false })]);
    expect(ended).toEqual(['error']);
    storage.breakReads = false;
    expect(texts(await say('hi'))).toEqual([t('welcome.notice'), t('who.prompt')]);
  });
});

/** The replies to "who is this for? → me" in a fresh conversation, to compare a resumed one with. */
async function freshAfterWho(locale: string): Promise<string[]> {
  const { say } = botOn(new FlakyStorage(), locale);
  await say('hola');
  return texts(await say('Para mí'));
}

describe('a check stored by an older release', () => {
  // The stack shape of the release before the dialogs were flattened: one "main" component
  // holding the steps. The new code must not try to read it as its own.
  const oldStack = {
    dialogStack: [
      {
        id: 'main',
        state: {
          dialogs: {
            dialogStack: [
              { id: 'main.steps', state: { options: {}, values: { subject: 'self' }, stepIndex: 2 } },
              { id: 'checklist', state: { options: { list: 'symptoms', subject: 'self', notes: {} }, values: {}, stepIndex: 0 } },
              { id: 'itemGroup', state: { options: { items: ['bone_pain', 'fever'] }, values: {}, stepIndex: 0 } },
              { id: 'question', state: { options: { question: { kind: 'group' } }, state: {} } },
            ],
          },
        },
      },
    ],
  };

  it('gets the apology with the appointment line, and the next message starts a new check', async () => {
    const harness = createHarness();
    await harness.join();
    const [key] = Object.keys((harness.storage as unknown as { memory: Record<string, string> }).memory).filter((k) => k.includes('/conversations/'));
    // An older release kept the check in a dialog stack and flags, not in one "check" object.
    const { check: _check, ...stored } = (await harness.storage.read([key!]))[key!] as Record<string, unknown>;
    await harness.storage.write({ [key!]: { ...stored, dialogState: oldStack, checkFlags: { detours: 0 }, eTag: '*' } });

    const apology = texts(await harness.say('None of these')).join('\n');
    expect(apology).toContain(TEST_CONFIG.appointment.phone);
    expect(harness.ended).toEqual(['error']);
    expect(texts(await harness.say('hi'))).toEqual([t('welcome.notice'), t('who.prompt')]);
  });

  it('with no check midway, keeps its flags: a closed check in Spanish answers thanks with the goodbye, in Spanish', async () => {
    const harness = createHarness();
    await harness.join();
    const [key] = Object.keys((harness.storage as unknown as { memory: Record<string, string> }).memory).filter((k) => k.includes('/conversations/'));
    const { check: _check, ...stored } = (await harness.storage.read([key!]))[key!] as Record<string, unknown>;
    await harness.storage.write({ [key!]: { ...stored, dialogState: { dialogStack: [] }, checkFlags: { detours: 2, locale: 'es', ended: 'completed' }, eTag: '*' } });

    const es = translate('es');
    expect(texts(await harness.say('gracias'))).toEqual([es('afterClosing.goodbye', { phoneLink: '[1-888-663-3488](tel:+18886633488)' })]);
    const after = (await harness.storage.read([key!]))[key!] as Record<string, unknown>;
    expect(after).not.toHaveProperty('dialogState');
    expect(after).not.toHaveProperty('checkFlags');
    expect(after.check).toMatchObject({ locale: 'es', ended: 'completed' });
  });
});
