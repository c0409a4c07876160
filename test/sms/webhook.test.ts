import { ActivityHandler, MemoryStorage, MessageFactory } from 'botbuilder';
import type restify from 'restify';
import { createAdapter } from '../../bot/adapter';
import { ConfigError, loadConfig } from '../../bot/config';
import { createServer } from '../../bot/server';
import { hashNumber } from '../../bot/sms/hashNumber';
import { FakeTwilio, listen, TEST_SMS_ENV } from './twilioClient';

// A stand-in bot, so these tests check the SMS edge alone: it offers a choice, echoes an answer
// and writes a long reply on request.
class EchoBot extends ActivityHandler {
  readonly seen: { text: string; channelId: string; fromId: string; conversationId: string }[] = [];

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const { text, channelId, from, conversation } = context.activity;
      this.seen.push({ text, channelId, fromId: from.id, conversationId: conversation.id });
      if (text === 'long') {
        await context.sendActivity('Night sweats and fever can have many causes. '.repeat(60));
      } else if (['Me', 'My child', 'Someone else'].includes(text)) {
        await context.sendActivity(`You chose **${text}**. Call [1-888-663-3488](tel:+18886633488).`);
      } else {
        await context.sendActivity(MessageFactory.suggestedActions(['Me', 'My child', 'Someone else'], 'Who is this check for?'));
      }
      await next();
    });
  }
}

const PHONE = '+15555550123';

describe('POST /api/sms', () => {
  let server: restify.Server;
  let twilio: FakeTwilio;
  let bot: EchoBot;
  let storage: MemoryStorage;
  let localUrl: string;

  beforeEach(async () => {
    const config = loadConfig(TEST_SMS_ENV);
    bot = new EchoBot();
    storage = new MemoryStorage();
    server = createServer({ config, adapter: createAdapter(config), bot, storage });
    localUrl = await listen(server);
    twilio = new FakeTwilio(localUrl);
  });

  afterEach(() => server.close());

  it('answers with the help text and the appointment line, not a 500, when the store fails', async () => {
    storage.read = async () => {
      throw new Error('store down: secret-internal-detail');
    };
    const response = await twilio.text(PHONE, 'hi');
    expect(response.status).toBe(200);
    expect(response.body).not.toContain('secret-internal-detail');
    expect(response.messages.join('\n')).toContain('1-888-663-3488');
  });

  it('answers a signed request with TwiML built from the bot reply', async () => {
    const response = await twilio.text(PHONE, 'hi');
    expect(response.status).toBe(200);
    expect(response.contentType).toMatch(/^text\/xml/);
    expect(response.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
    expect(response.messages).toEqual(['Who is this check for?\n1. Me\n2. My child\n3. Someone else']);
  });

  it.each([['missing' as const], ['bad' as const]])('refuses a request with a %s signature with 403 and runs nothing', async (signature) => {
    const response = await twilio.text(PHONE, 'hi', signature);
    expect(response.status).toBe(403);
    expect(bot.seen).toEqual([]);
  });

  it('refuses a request signed for another URL (the local one, not PUBLIC_URL)', async () => {
    const local = new FakeTwilio(localUrl, { signedUrl: `${localUrl}/api/sms` });
    expect((await local.text(PHONE, 'hi')).status).toBe(403);
    expect(bot.seen).toEqual([]);
  });

  it('passes a bare number to the bot as typed: the dialogs read it against their own numbered list', async () => {
    await twilio.text(PHONE, 'hi');
    await twilio.text(PHONE, '2');
    await twilio.text(PHONE, 'Someone else');
    expect(bot.seen.map((turn) => turn.text)).toEqual(['hi', '2', 'Someone else']);
  });

  it('keys the conversation by the hashed number, never the number itself', async () => {
    await twilio.text(PHONE, 'hi');
    await twilio.text(PHONE, 'Me');
    const hash = hashNumber(PHONE, TEST_SMS_ENV.SMS_HASH_SECRET);
    expect(bot.seen.map((turn) => [turn.channelId, turn.fromId, turn.conversationId])).toEqual([
      ['sms', hash, hash],
      ['sms', hash, hash],
    ]);
    const stored = JSON.stringify(await storage.read([`sms-optout/${hash}`]));
    expect(stored).not.toContain('5555550123');
  });

  it('STOP opts out with an empty response; nothing is answered until START', async () => {
    const stop = await twilio.text(PHONE, 'STOP');
    expect(stop.status).toBe(200);
    expect(stop.body).toMatch(/<Response\/>$/);
    const hash = hashNumber(PHONE, TEST_SMS_ENV.SMS_HASH_SECRET);
    expect(await storage.read([`sms-optout/${hash}`])).toEqual({ [`sms-optout/${hash}`]: expect.objectContaining({ optedOut: true }) });

    for (const text of ['hi', 'HELP', '1']) expect((await twilio.text(PHONE, text)).messages).toEqual([]);
    expect(bot.seen).toEqual([]);

    const start = await twilio.text(PHONE, 'START');
    expect(start.messages).toEqual([]);
    expect((await twilio.text(PHONE, 'hi')).messages).toHaveLength(1);
    expect(bot.seen.map((turn) => turn.text)).toEqual(['hi']);
  });

  it.each(['stopall', 'Unsubscribe', 'CANCEL', 'end', 'QUIT'])('%s opts out too', async (keyword) => {
    expect((await twilio.text(PHONE, keyword)).messages).toEqual([]);
    expect((await twilio.text(PHONE, 'hi')).messages).toEqual([]);
    expect(bot.seen).toEqual([]);
  });

  it('an opt-out keeps to its own number', async () => {
    await twilio.text(PHONE, 'STOP');
    expect((await twilio.text('+15555550999', 'hi')).messages).toHaveLength(1);
  });

  it.each([
    ['HELP', /ALL symptom check.*1-888-663-3488/s],
    ['info', /1-888-663-3488/],
    ['AYUDA', /chequeo de sintomas.*Citas: 1-888-663-3488/s],
  ])('%s answers with the help text and the appointment line, without running the bot', async (keyword, expected) => {
    const response = await twilio.text(PHONE, keyword);
    expect(response.messages).toHaveLength(1);
    expect(response.messages[0]).toMatch(expected);
    expect(bot.seen).toEqual([]);
  });

  it('YES is an answer, not a keyword, for a number that has not opted out', async () => {
    await twilio.text(PHONE, 'YES');
    expect(bot.seen.map((turn) => turn.text)).toEqual(['YES']);
  });

  it('splits a long reply into several messages of at most 1,600 characters', async () => {
    const response = await twilio.text(PHONE, 'long');
    expect(response.messages.length).toBe(2);
    for (const body of response.messages) {
      expect(body.length).toBeLessThanOrEqual(1600);
      expect(body.endsWith('.')).toBe(true);
    }
  });

  it('answers 400 to a signed request without From', async () => {
    const response = await twilio.post({ Body: 'hi', MessageSid: 'SM1' });
    expect(response.status).toBe(400);
    expect(bot.seen).toEqual([]);
  });

  it('answers 403 to an empty unsigned POST', async () => {
    expect((await fetch(`${localUrl}/api/sms`, { method: 'POST' })).status).toBe(403);
  });
});

describe('POST /api/sms without TWILIO_AUTH_TOKEN', () => {
  it('answers 503 and says SMS is not configured', async () => {
    const config = loadConfig({});
    const server = createServer({ config, adapter: createAdapter(config), bot: new EchoBot(), storage: new MemoryStorage() });
    const url = await listen(server);
    try {
      const response = await new FakeTwilio(url).text(PHONE, 'hi');
      expect(response.status).toBe(503);
      expect(response.body).toMatch(/SMS is not configured/);
    } finally {
      server.close();
    }
  });
});

describe('SMS configuration', () => {
  it('needs PUBLIC_URL with TWILIO_AUTH_TOKEN, because Twilio signs the public URL', () => {
    expect(() => loadConfig({ TWILIO_AUTH_TOKEN: 'x' })).toThrow(/PUBLIC_URL/);
  });

  it('refuses to start with TWILIO_AUTH_TOKEN but no SMS_HASH_SECRET of its own, saying so in one line', () => {
    const { SMS_HASH_SECRET: _secret, ...withoutSecret } = TEST_SMS_ENV;
    for (const env of [withoutSecret, { ...withoutSecret, SMS_HASH_SECRET: '' }]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/^Invalid configuration: SMS_HASH_SECRET: required when TWILIO_AUTH_TOKEN is set[^\n]*$/);
    }
    expect(loadConfig(TEST_SMS_ENV).sms.hashSecret).toBe(TEST_SMS_ENV.SMS_HASH_SECRET);
  });

  it('has no public fallback key: without Twilio the secret stays unset, and the webhook will not hash with nothing', () => {
    const config = loadConfig({});
    expect(config.sms.hashSecret).toBeUndefined();
    const forged = { ...loadConfig(TEST_SMS_ENV), sms: { ...loadConfig(TEST_SMS_ENV).sms, hashSecret: undefined } };
    expect(() => createServer({ config: forged, adapter: createAdapter(forged), bot: new EchoBot(), storage: new MemoryStorage() })).toThrow(/SMS_HASH_SECRET/);
  });

  it('signs PUBLIC_URL + /api/sms, without a doubled slash', () => {
    expect(loadConfig({ ...TEST_SMS_ENV, PUBLIC_URL: 'https://bot.example.org/' }).sms.webhookUrl).toBe('https://bot.example.org/api/sms');
  });
});
