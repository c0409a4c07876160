import {
  botActivity,
  CHANNEL_ID,
  clientActivitySchema,
  ConversationAddress,
  conversationStart,
  isForThePerson,
  userActivity,
} from '../../bot/directline/activities';

const address: ConversationAddress = { conversationId: 'c1', userId: 'dl_u', botId: 'bot', botName: 'Symptom Check' };

describe('clientActivitySchema', () => {
  it.each<[string, unknown, boolean]>([
    ['typed text from Web Chat', { type: 'message', text: 'hi', locale: 'es-US', channelData: { clientActivityID: 'x' } }, true],
    ['a button value', { type: 'message', value: { choice: 'none' } }, true],
    ['an event', { type: 'event', name: 'webchat/join', value: {} }, true],
    ['a typing indicator', { type: 'typing' }, false],
    ['no type', { text: 'hi' }, false],
    ['text over 4000 characters', { type: 'message', text: 'x'.repeat(4_001) }, false],
    ['a locale that is not a language tag', { type: 'message', text: 'hi', locale: 'es_US<script>' }, false],
    ['not an object', 'hello', false],
  ])('%s → %p', (_name, body, accepted) => {
    expect(clientActivitySchema.safeParse(body).success).toBe(accepted);
  });

  it('drops fields a browser may not set', () => {
    const parsed = clientActivitySchema.parse({ type: 'message', text: 'hi', serviceUrl: 'https://evil.example', recipient: { id: 'x' }, attachments: [{}] });
    expect(parsed).toEqual({ type: 'message', text: 'hi' });
  });
});

describe('userActivity', () => {
  it('speaks for the token holder, whatever the body claims', () => {
    const client = clientActivitySchema.parse({ type: 'message', text: 'hi', from: { name: 'Ana' }, channelData: { clientActivityID: 'k1' } });
    const activity = userActivity(client, address, 'en-US');
    expect(activity).toMatchObject({
      type: 'message',
      text: 'hi',
      channelId: CHANNEL_ID,
      conversation: { id: 'c1' },
      from: { id: 'dl_u', name: 'Ana', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      locale: 'en-US',
      channelData: { clientActivityID: 'k1' },
    });
  });

  it.each<[string | undefined, string | undefined, string | undefined]>([
    ['es-US', 'en-US', 'es-US'],
    [undefined, 'es-US', 'es-US'],
    [undefined, undefined, undefined],
  ])('locale %p with fallback %p → %p', (own, fallback, expected) => {
    expect(userActivity({ type: 'message', locale: own }, address, fallback).locale).toBe(expected);
  });
});

describe('conversationStart', () => {
  it('adds the person, not the bot, so the bot greets them', () => {
    expect(conversationStart(address, 'es-US')).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'dl_u' }],
      recipient: { id: 'bot' },
      locale: 'es-US',
    });
  });
});

describe('isForThePerson', () => {
  it.each<[string | undefined, boolean]>([
    ['message', true],
    ['typing', true],
    ['endOfConversation', true],
    ['trace', false],
    ['invokeResponse', false],
    ['delay', false],
  ])('%p → %p', (type, expected) => {
    expect(isForThePerson({ type })).toBe(expected);
  });
});

describe('botActivity', () => {
  it('comes from the bot by its display name, to the person, without the adapter id', () => {
    const reply = botActivity({ id: 'tmp', type: 'message', text: 'Hello', from: { id: 'other', name: '' } }, address);
    expect(reply).toMatchObject({ type: 'message', text: 'Hello', from: { id: 'bot', name: 'Symptom Check', role: 'bot' }, recipient: { id: 'dl_u' } });
    expect(reply.id).toBeUndefined();
  });
});
