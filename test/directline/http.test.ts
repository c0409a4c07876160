import { signToken } from '../../bot/directline/token';
import { EchoBot, openConversation, poll, RunningServer, startServer } from './fixtures';

const TOKEN_SECRET = 'k'.repeat(40);
let running: RunningServer;

beforeAll(async () => {
  running = await startServer({ DIRECT_LINE_TOKEN_SECRET: TOKEN_SECRET });
});
afterAll(() => running.close());

const post = (url: string, headers: Record<string, string>, body: unknown) =>
  fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });

describe('local Direct Line: a conversation as Web Chat runs it', () => {
  it('refuses a deeply nested activity with 400, and the conversation goes on being polled', async () => {
    const chat = await openConversation(running.base, 'en-US');
    const value = `${'{"v":'.repeat(1_000)}1${'}'.repeat(1_000)}`;
    const sent = await fetch(chat.activitiesUrl, { method: 'POST', headers: chat.headers, body: `{"type":"event","name":"deep","value":${value}}` });
    expect(sent.status).toBe(400);
    expect((await poll(chat.activitiesUrl, chat.headers)).activities.map((a) => a.text)).toEqual(['welcome en-US']);
  });

  it('starts with the greeting already waiting, then echoes the message before the reply', async () => {
    const chat = await openConversation(running.base, 'es-US');
    expect(chat.started.status).toBe(201);
    expect(await chat.started.json()).toEqual({ conversationId: chat.conversationId, token: expect.any(String), expires_in: 1800 });

    const first = await poll(chat.activitiesUrl, chat.headers);
    expect(first.activities.map((a) => a.text)).toEqual(['welcome es-US']);
    expect(first.activities[0]).toMatchObject({ from: { role: 'bot', name: 'Symptom Check' }, suggestedActions: { actions: [{ title: 'Yes' }, { title: 'No' }] } });
    expect(first.watermark).toBe('1');

    const sent = await post(chat.activitiesUrl, chat.headers, { type: 'message', text: 'hola', channelData: { clientActivityID: 'client-1' } });
    expect(sent.status).toBe(200);
    const { id } = (await sent.json()) as { id: string };
    expect(id).toBe(`${chat.conversationId}|0000002`);

    const next = await poll(chat.activitiesUrl, chat.headers, first.watermark);
    expect(next.activities.map((a) => [a.from.role, a.text])).toEqual([
      ['user', 'hola'],
      ['bot', 'you said hola'],
    ]);
    // Web Chat marks a message as sent only when its echo carries an id and its clientActivityID.
    expect(next.activities[0]).toMatchObject({ id, channelData: { clientActivityID: 'client-1' }, from: { id: chat.userId } });
    expect(next.watermark).toBe('3');
    const times = [...first.activities, ...next.activities].map((a) => Date.parse(a.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    expect((await poll(chat.activitiesUrl, chat.headers, next.watermark)).activities).toEqual([]);
  });

  it('greets once: starting again is a reconnect', async () => {
    const chat = await openConversation(running.base);
    const again = await post(`${running.base}/v3/directline/conversations`, chat.headers, {});
    expect(again.status).toBe(200);
    expect((await poll(chat.activitiesUrl, chat.headers)).activities).toHaveLength(1);
    const resumed = await fetch(`${running.base}/v3/directline/conversations/${chat.conversationId}?watermark=1`, { headers: chat.headers });
    expect(resumed.status).toBe(200);
  });

  it('hands out tokens at /tokens/generate as Azure does, and refreshes them', async () => {
    const generated = await fetch(`${running.base}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(generated.status).toBe(200);
    expect(generated.headers.get('cache-control')).toBe('no-store');
    const grant = (await generated.json()) as Record<string, unknown>;
    expect(Object.keys(grant).sort()).toEqual(['conversationId', 'expires_in', 'token']);

    const headers = { Authorization: `Bearer ${String(grant.token)}`, 'Content-Type': 'application/json' };
    expect((await post(`${running.base}/v3/directline/tokens/refresh`, headers, {})).status).toBe(404); // not started yet
    await post(`${running.base}/v3/directline/conversations`, headers, {});
    const refreshed = await post(`${running.base}/v3/directline/tokens/refresh`, headers, {});
    expect(refreshed.status).toBe(200);
    const { token } = (await refreshed.json()) as { token: string };
    const url = `${running.base}/v3/directline/conversations/${String(grant.conversationId)}/activities`;
    expect((await poll(url, { Authorization: `Bearer ${token}` })).activities).toHaveLength(1);
  });

  it('drops trace activities: they are for the Emulator', async () => {
    const chat = await openConversation(running.base);
    await post(chat.activitiesUrl, chat.headers, { type: 'message', text: 'x' });
    const { activities } = await poll(chat.activitiesUrl, chat.headers);
    expect(activities.map((a) => a.type)).toEqual(['message', 'message', 'message']);
  });
});

describe('local Direct Line: who may do what', () => {
  const expiredToken = (conversationId: string) => signToken({ conversationId, userId: 'dl_x', expiresAt: 1 }, TOKEN_SECRET);
  const unknownToken = signToken({ conversationId: 'never-started', userId: 'dl_x', expiresAt: 9_999_999_999 }, TOKEN_SECRET);

  type Chat = Awaited<ReturnType<typeof openConversation>>;
  it.each<[string, number, (chat: Chat, other: Chat) => Record<string, string>]>([
    ['no token', 401, () => ({})],
    ['a made-up token', 403, () => ({ Authorization: 'Bearer abc.def' })],
    ['another conversation’s token', 403, (_chat, other) => other.headers],
    ['an expired token', 403, (chat) => ({ Authorization: `Bearer ${expiredToken(chat.conversationId)}` })],
    ['its own token', 200, (chat) => chat.headers],
  ])('polling with %s → %i', async (_name, status, headersFor) => {
    const chat = await openConversation(running.base);
    const other = await openConversation(running.base);
    const response = await fetch(chat.activitiesUrl, { headers: headersFor(chat, other) });
    expect(response.status).toBe(status);
    if (status !== 200) expect(await response.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('answers 404 for a conversation it does not hold', async () => {
    const url = `${running.base}/v3/directline/conversations/never-started/activities`;
    const headers = { Authorization: `Bearer ${unknownToken}`, 'Content-Type': 'application/json' };
    expect((await fetch(url, { headers })).status).toBe(404);
    expect((await post(url, headers, { type: 'message', text: 'hi' })).status).toBe(404);
  });

  it.each<[string, number, unknown]>([
    ['an activity that is not a message', 400, { type: 'typing' }],
    ['a body over 32 KB', 413, { type: 'message', text: 'x'.repeat(40_000) }],
  ])('refuses %s with %i', async (_name, status, body) => {
    const chat = await openConversation(running.base);
    expect((await post(chat.activitiesUrl, chat.headers, body)).status).toBe(status);
  });

  it('refuses to start a conversation without a token', async () => {
    expect((await post(`${running.base}/v3/directline/conversations`, { 'Content-Type': 'application/json' }, {})).status).toBe(401);
  });
});

describe('local Direct Line: bounds and order', () => {
  it('keeps a bounded number of conversations, dropping the oldest', async () => {
    const small = await startServer({ DIRECT_LINE_MAX_CONVERSATIONS: '2' });
    try {
      const [a, b, c] = [await openConversation(small.base), await openConversation(small.base), await openConversation(small.base)];
      expect((await fetch(a.activitiesUrl, { headers: a.headers })).status).toBe(404);
      expect((await fetch(b.activitiesUrl, { headers: b.headers })).status).toBe(200);
      expect((await fetch(c.activitiesUrl, { headers: c.headers })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('keeps a bounded number of activities per conversation', async () => {
    const small = await startServer({ DIRECT_LINE_MAX_ACTIVITIES: '3' });
    try {
      const chat = await openConversation(small.base);
      for (const text of ['one', 'two']) await post(chat.activitiesUrl, chat.headers, { type: 'message', text });
      const { activities, watermark } = await poll(chat.activitiesUrl, chat.headers);
      expect(activities.map((a) => a.text)).toEqual(['you said one', 'two', 'you said two']);
      expect(watermark).toBe('5');
    } finally {
      await small.close();
    }
  });

  it('runs one turn at a time per conversation, in the order sent', async () => {
    const slow = await startServer({}, new EchoBot(50));
    try {
      const chat = await openConversation(slow.base);
      await Promise.all(['first', 'second', 'third'].map((text) => post(chat.activitiesUrl, chat.headers, { type: 'message', text })));
      const { activities } = await poll(chat.activitiesUrl, chat.headers, '1');
      const texts = activities.map((a) => a.text);
      // Whichever request landed first, each reply directly follows its own message.
      for (let i = 0; i < texts.length; i += 2) expect(texts[i + 1]).toBe(`you said ${texts[i]}`);
      expect(texts).toHaveLength(6);
    } finally {
      await slow.close();
    }
  });
});
