import { messageActivity, postActivity, startApp, type RunningApp } from './harness';
import { LocalTokenIssuer } from './channelTokens';
import { FakeTwilio, TEST_SMS_ENV } from '../sms/twilioClient';
import { APPOINTMENT_PHONE, driveCheck } from '../storage/conversationDriver';

// Every test here runs with the DEFAULT limits: they are what a deployment gets.

jest.setTimeout(120_000);

const running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

async function start(...args: Parameters<typeof startApp>): Promise<RunningApp> {
  const app = await startApp(args[0], { ...args[1], defaultLimits: true });
  running.push(app);
  return app;
}

/** Runs `tasks` with at most `concurrency` in flight, as a channel or a simulator would. */
async function pooled<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const phone = (index: number) => `+1555${String(1_000_000 + index).slice(1)}`;

describe('SMS: limited per number, never by Twilio’s address', () => {
  it('answers 300 signed texts from 300 numbers within a minute, all from one address', async () => {
    const { baseUrl } = await start(TEST_SMS_ENV);
    const twilio = new FakeTwilio(baseUrl);
    const responses = await pooled(300, 8, (index) => twilio.text(phone(index), 'hi'));
    expect(responses.map((response) => response.status).filter((status) => status !== 200)).toEqual([]);
    for (const response of responses) expect(response.messages.join('\n')).toContain('self-check');
  });

  it('slows one number that floods: 429 with Retry-After past the per-number limit, other numbers unaffected', async () => {
    const { baseUrl } = await start(TEST_SMS_ENV);
    const twilio = new FakeTwilio(baseUrl);
    const statuses: number[] = [];
    for (let text = 0; text < 40; text += 1) statuses.push((await twilio.text(phone(1), 'hi')).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true); // RATE_LIMIT_CONVERSATION_PER_MINUTE
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    const limited = await twilio.text(phone(1), 'hi');
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ error: { code: 'too_many_requests' } });
    expect((await twilio.text(phone(2), 'hi')).status).toBe(200);
  });
});

describe('an authenticated channel (a valid Bot Framework token)', () => {
  const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
  let issuer: LocalTokenIssuer;
  beforeAll(async () => {
    issuer = await LocalTokenIssuer.start(['msteams']);
  });
  afterAll(() => issuer.close());

  async function teams() {
    return start({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-with-expect-replies' }, { channelAuth: { ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl } });
  }
  const activity = (conversationId: string, type = 'message') =>
    messageActivity(conversationId, 'hi', { type, channelId: 'msteams', serviceUrl: SERVICE_URL });

  it('is refused without a token and served with one (the token really is checked)', async () => {
    const { baseUrl } = await teams();
    expect((await postActivity(baseUrl, activity('teams-0'))).status).toBe(401);
    // A well-formed token signed by a key the metadata does not publish.
    const signedByOthers = await LocalTokenIssuer.start(['msteams']);
    try {
      const forged = { authorization: `Bearer ${signedByOthers.token(APP_ID, SERVICE_URL)}` };
      expect((await postActivity(baseUrl, activity('teams-0'), forged)).status).toBe(401);
    } finally {
      await signedByOthers.close();
    }
    const served = await postActivity(baseUrl, activity('teams-0'), { authorization: `Bearer ${issuer.token(APP_ID, SERVICE_URL)}` });
    expect(served.status).toBe(200);
    expect(served.replies.map((reply) => reply.text ?? '').join('\n')).toContain('self-check');
  });

  it('is not limited by address: 1,300 conversations from one address, past the per-address limit, all answered', async () => {
    const { baseUrl, app } = await teams();
    const count = app.config.rateLimits.clientRequestsPerMinute + 100;
    const authorization = `Bearer ${issuer.token(APP_ID, SERVICE_URL)}`;
    // Typing activities: the cheapest turn the channel sends, so the test measures the limit, not the dialogs.
    const statuses = await pooled(count, 8, async (index) => (await postActivity(baseUrl, activity(`teams-${index}`, 'typing'), { authorization })).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});

describe('people’s own addresses', () => {
  it('serve the conversation simulator’s traffic (40 checks, 4 at a time, over unauthenticated /api/messages from 127.0.0.1) with no 429', async () => {
    // /work/shared/eval/converse.mjs plays 40 personas this way, about 10 turns each, within a minute or two.
    const { baseUrl } = await start();
    const statuses: number[] = [];
    const runs = await pooled(40, 4, (index) =>
      driveCheck(async (text) => {
        const result = await postActivity(baseUrl, messageActivity(`converse-${index}`, text, { channelId: 'emulator' }));
        statuses.push(result.status);
        return result.replies;
      }),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(runs.every((run) => run.texts.some((text) => text.includes(APPOINTMENT_PHONE)))).toBe(true);
    expect(statuses.length).toBeGreaterThan(300);
  });

  it('limit web chat sessions by address past RATE_LIMIT_CLIENT_PER_MINUTE', async () => {
    const { baseUrl, app } = await start();
    const limit = app.config.rateLimits.clientRequestsPerMinute;
    const statuses = await pooled(limit + 5, 8, async () => (await fetch(`${baseUrl}/webchat/session`, { method: 'POST' })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });
});
