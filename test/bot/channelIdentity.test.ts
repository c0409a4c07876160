import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Response } from 'restify';
import { loadConfig } from '../../bot/config';
import { guardChannelIdentity, isLoopbackAddress, isLoopbackUrl, judgeUnauthenticatedActivity } from '../../bot/guards/channelIdentity';
import { hashNumber } from '../../bot/sms/hashNumber';
import { LocalTokenIssuer } from '../ops/channelTokens';
import { CHANNEL_EMULATION, messageActivity, postActivity, startAppsStoppedAfterEach } from '../ops/harness';
import { FakeTwilio, TEST_SMS_ENV } from '../sms/twilioClient';

// Issue 20, item 2: without a Microsoft app id, a channel id and a conversation id in a POST body
// prove nothing, so /api/messages must not let anyone say "sms" and a phone number's hash.

const start = startAppsStoppedAfterEach();
afterEach(() => jest.restoreAllMocks());

const REAL_CHANNELS = ['sms', 'webchat', 'directline', 'msteams'] as const;

/** An address of this machine that is not loopback, to be a caller from elsewhere; none on some sandboxes. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
const withExternalAddress = externalAddress ? it : it.skip;

async function errorCode(baseUrl: string, activity: object, host = '127.0.0.1', headers: Record<string, string> = {}): Promise<{ status: number; code?: string; text: string }> {
  const url = new URL(baseUrl);
  url.hostname = host;
  const response = await fetch(`${url.origin}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  const text = await response.text();
  const code = response.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined;
  return { status: response.status, code, text };
}

async function turnsOn(baseUrl: string, channel: string): Promise<number> {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = metrics.split('\n').find((row) => row.startsWith(`allcheck_turns_total{channel="${channel}",outcome="ok"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('without an app id, by default', () => {
  it.each(REAL_CHANNELS)('refuses an activity that claims the %s channel with 403 and runs no turn', async (channelId) => {
    const { baseUrl } = await start();
    const refused = await errorCode(baseUrl, messageActivity(`faked-${channelId}`, 'Me', { channelId }));
    expect(refused).toMatchObject({ status: 403, code: 'channel_not_allowed' });
    expect(await turnsOn(baseUrl, channelId)).toBe(0);
  });

  it('refuses any other made-up channel too: only the emulator is local development', async () => {
    const { baseUrl } = await start();
    for (const channelId of ['test', 'slack', 'Emulator', 'emulator ']) {
      expect(await errorCode(baseUrl, messageActivity('made-up', 'hi', { channelId }))).toMatchObject({ status: 403, code: 'channel_not_allowed' });
    }
  });

  it('still serves the emulator channel, turn after turn', async () => {
    const { baseUrl } = await start();
    const first = await postActivity(baseUrl, messageActivity('emulated', 'hi'));
    expect(first.status).toBe(200);
    expect(first.replies.length).toBeGreaterThan(0);
    expect((await postActivity(baseUrl, messageActivity('emulated', 'Me'))).status).toBe(200);
    expect(await turnsOn(baseUrl, 'emulator')).toBe(2);
  });

  it("cannot drive a texter's check with the hash of their number: only the signed SMS webhook can", async () => {
    const { baseUrl } = await start({ ...TEST_SMS_ENV });
    const phone = '+18135550123';
    const twilio = new FakeTwilio(baseUrl);
    expect((await twilio.text(phone, 'hi')).status).toBe(200);
    expect(await turnsOn(baseUrl, 'sms')).toBe(1);
    const hash = hashNumber(phone, TEST_SMS_ENV.SMS_HASH_SECRET);
    const forged = messageActivity(hash, 'Me', { channelId: 'sms', from: { id: hash, name: '' } });
    expect(await errorCode(baseUrl, forged)).toMatchObject({ status: 403, code: 'channel_not_allowed' });
    expect(await turnsOn(baseUrl, 'sms')).toBe(1);
    // The person's own next text goes on through the webhook as before.
    expect((await twilio.text(phone, 'Me')).status).toBe(200);
    expect(await turnsOn(baseUrl, 'sms')).toBe(2);
  });
});

describe('ALLOW_CHANNEL_EMULATION=true (development and tests)', () => {
  it.each(REAL_CHANNELS)('lets a loopback caller play %s', async (channelId) => {
    const { baseUrl } = await start(CHANNEL_EMULATION);
    const turn = await postActivity(baseUrl, messageActivity(`played-${channelId}`, 'hi', { channelId }));
    expect(turn.status).toBe(200);
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(await turnsOn(baseUrl, channelId)).toBe(1);
  });

  withExternalAddress('refuses a caller on another address: the socket says where it comes from, not a header', async () => {
    const { baseUrl } = await start(CHANNEL_EMULATION, { host: '0.0.0.0' });
    const remote = await errorCode(baseUrl, messageActivity('remote-webchat', 'hi', { channelId: 'webchat' }), externalAddress);
    expect(remote).toMatchObject({ status: 403, code: 'channel_not_allowed' });
    // The same caller as the Emulator, collecting its replies from the response, is served.
    expect((await errorCode(baseUrl, messageActivity('remote-emulator', 'hi'), externalAddress)).status).toBe(200);
    // A forwarding header claiming loopback changes nothing.
    const url = new URL(baseUrl);
    url.hostname = externalAddress as string;
    const forwarded = await fetch(`${url.origin}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' },
      body: JSON.stringify(messageActivity('remote-forwarded', 'hi', { channelId: 'sms' })),
    });
    expect(forwarded.status).toBe(403);
  });

  it('refuses a caller on another address (the guard itself, on any machine)', () => {
    const config = loadConfig(CHANNEL_EMULATION);
    const guard = guardChannelIdentity(config);
    const answer = (remoteAddress: string, channelId: string) => {
      const sent: unknown[] = [];
      const res = { send: (...args: unknown[]) => sent.push(args) } as unknown as Response;
      let passed: unknown = 'not called';
      const req = { body: messageActivity('c', 'hi', { channelId }), socket: { remoteAddress }, headers: { 'x-forwarded-for': '127.0.0.1' } } as unknown as Request;
      guard(req, res, (value?: unknown) => (passed = value));
      return { passed, sent };
    };
    expect(answer('203.0.113.7', 'webchat')).toEqual({ passed: false, sent: [[403, { error: expect.objectContaining({ code: 'channel_not_allowed' }) }]] });
    expect(answer('::ffff:203.0.113.7', 'sms').passed).toBe(false);
    expect(answer('127.0.0.1', 'webchat')).toEqual({ passed: undefined, sent: [] });
    expect(answer('::ffff:127.0.0.1', 'sms')).toEqual({ passed: undefined, sent: [] });
    expect(answer('::1', 'msteams')).toEqual({ passed: undefined, sent: [] });
  });

  it('is ignored, with a warning at start, when an app id is set: every caller needs a token', async () => {
    const appId = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' };
    const { baseUrl, app, logLines } = await start({ ...appId, ...CHANNEL_EMULATION }, { captureLogs: true });
    expect(app.config.messages).toEqual({ channelEmulation: false, channelEmulationIgnored: true });
    expect(logLines.map((line) => JSON.parse(line) as { event?: string; level: number })).toContainEqual(
      expect.objectContaining({ event: 'channel_emulation_ignored', level: 40 }),
    );
    for (const channelId of ['webchat', 'emulator']) {
      expect((await postActivity(baseUrl, messageActivity('with-app-id', 'hi', { channelId }))).status).toBe(401);
    }
  });

  it('warns at start that it is on', async () => {
    const { logLines } = await start(CHANNEL_EMULATION, { captureLogs: true });
    expect(logLines.join('\n')).toContain('"event":"channel_emulation_on"');
  });
});

describe('where replies may go', () => {
  it('refuses a serviceUrl off this machine with 403 before the turn runs', async () => {
    const { baseUrl } = await start(CHANNEL_EMULATION);
    for (const serviceUrl of ['https://attacker.example/', 'http://example.invalid:3978/', 'http://127.0.0.1.nip.io/', 'file:///etc/passwd']) {
      const activity = messageActivity('foreign-url', 'hi', { serviceUrl, deliveryMode: undefined });
      expect(await errorCode(baseUrl, activity)).toMatchObject({ status: 403, code: 'service_url_not_trusted' });
    }
    // Even when the replies would come back in the response.
    expect(await errorCode(baseUrl, messageActivity('foreign-url', 'hi', { serviceUrl: 'https://attacker.example/' }))).toMatchObject({ status: 403 });
    expect(await turnsOn(baseUrl, 'emulator')).toBe(0);
  });

  withExternalAddress('never posts a reply to a host of the caller\u2019s choosing', async () => {
    let hits = 0;
    const sink = http.createServer((req, res) => {
      hits += 1;
      req.resume();
      res.end('{}');
    });
    await new Promise<void>((resolve) => sink.listen(0, externalAddress, () => resolve()));
    try {
      const { baseUrl } = await start();
      const serviceUrl = `http://${externalAddress}:${(sink.address() as AddressInfo).port}/`;
      const result = await errorCode(baseUrl, messageActivity('to-the-sink', 'hi', { serviceUrl, deliveryMode: undefined }));
      expect(result).toMatchObject({ status: 403, code: 'service_url_not_trusted' });
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => sink.close(resolve));
    }
  });

  it('with an app id, answers only at the serviceUrl the channel token names', async () => {
    const appId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const teamsUrl = 'https://smba.trafficmanager.net/amer/';
    const issuer = await LocalTokenIssuer.start(['msteams']);
    try {
      const { baseUrl } = await start(
        { MicrosoftAppId: appId, MicrosoftAppPassword: 'not-used-with-expect-replies' },
        { channelAuth: { ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl } },
      );
      const authorization = `Bearer ${issuer.token(appId, teamsUrl)}`;
      const elsewhere = messageActivity('teams-foreign', 'hi', { channelId: 'msteams', serviceUrl: 'https://attacker.example/' });
      const refused = await postActivity(baseUrl, elsewhere, { authorization });
      expect(refused.status).toBe(401);
      expect(await turnsOn(baseUrl, 'msteams')).toBe(0);
      const own = await postActivity(baseUrl, messageActivity('teams-own', 'hi', { channelId: 'msteams', serviceUrl: teamsUrl }), { authorization });
      expect(own.status).toBe(200);
    } finally {
      await issuer.close();
    }
  });

  it('from another address, the Emulator must collect its replies from the response', () => {
    const remote = '198.51.100.4';
    expect(judgeUnauthenticatedActivity({ channelId: 'emulator', serviceUrl: 'http://localhost:9000/' }, remote, false)).toMatchObject({ allowed: false, code: 'service_url_not_trusted' });
    expect(judgeUnauthenticatedActivity({ channelId: 'emulator', serviceUrl: 'http://localhost:9000/', deliveryMode: 'expectReplies' }, remote, false)).toEqual({ allowed: true });
    expect(judgeUnauthenticatedActivity({ channelId: 'emulator', serviceUrl: 'http://localhost:9000/' }, '127.0.0.1', false)).toEqual({ allowed: true });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', false],
    ['10.0.0.1', false],
    ['::2', false],
    ['fd00::1', false],
    [undefined, false],
  ])('the caller address %s is loopback: %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it.each([
    ['http://localhost:3978/', true],
    ['http://LOCALHOST', true],
    ['http://emulator.localhost:9000/', true],
    ['http://127.0.0.1:9/unused', true],
    ['https://[::1]:8443/', true],
    ['http://localhost.example.org/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['http://0.0.0.0/', false],
    ['ftp://localhost/', false],
    ['not a url', false],
  ])('the serviceUrl %s is on this machine: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});

describe('errors never echo internal text', () => {
  it('answers a turn whose replies cannot be delivered with a fixed 500 body, logged through the logger only', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { baseUrl, logLines } = await start({}, { captureLogs: true });
    // Loopback, so trusted in development; nothing listens on port 1.
    const activity = messageActivity('unreachable', 'my private words', { serviceUrl: 'http://127.0.0.1:1/', deliveryMode: undefined });
    const result = await errorCode(baseUrl, activity);
    expect(result.status).toBe(500);
    expect(JSON.parse(result.text)).toEqual({ error: { code: 'turn_failed', message: 'The bot could not complete this turn.' } });
    expect(result.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|RestError|stack/i);
    expect(printed).not.toHaveBeenCalled();
    const logged = logLines.map((line) => JSON.parse(line) as { event?: string; err?: Record<string, unknown> });
    const failures = logged.filter((line) => line.event === 'turn_failed' || line.event === 'turn_error');
    expect(failures.length).toBeGreaterThan(0);
    for (const { err } of failures) {
      expect(Object.keys(err ?? {}).sort()).toEqual(expect.arrayContaining(['message', 'type']));
      expect(Object.keys(err ?? {}).filter((key) => !['type', 'message', 'stack', 'code', 'statusCode', 'cause'].includes(key))).toEqual([]);
    }
    expect(logLines.join('\n')).not.toMatch(/my private words|"request":|"response":|[Aa]uthorization/);
  }, 60_000);

  it('answers 503 with its own body when the channel\u2019s signing keys cannot be fetched', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const appId = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
    const issuer = await LocalTokenIssuer.start(['msteams']);
    try {
      // Nothing listens on port 1: the metadata cannot be read.
      const { baseUrl } = await start({ MicrosoftAppId: appId, MicrosoftAppPassword: 'x' }, { channelAuth: { ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/.well-known/openidconfiguration' } });
      const serviceUrl = 'https://smba.trafficmanager.net/amer/';
      const result = await errorCode(baseUrl, { ...messageActivity('keys-down', 'hi', { channelId: 'msteams', serviceUrl }) }, '127.0.0.1', { authorization: `Bearer ${issuer.token(appId, serviceUrl)}` });
      expect(result).toMatchObject({ status: 503, code: 'auth_unavailable' });
      expect(result.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed|openid/i);
    } finally {
      await issuer.close();
    }
    expect(printed.mock.calls.flat().join(' ')).not.toMatch(/authorization|Bearer/i);
  }, 90_000);

  it('answers a refused token with its own short body, not botbuilder\u2019s message', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { baseUrl } = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    const result = await errorCode(baseUrl, messageActivity('no-token', 'hi'));
    expect(result).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(result.text).not.toMatch(/Unauthorized Access|Request is not authorized/);
    expect(printed).not.toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('refuses to start with TWILIO_AUTH_TOKEN and no SMS_HASH_SECRET, in one line', () => {
    const entry = join(__dirname, '..', '..', 'bot', 'index.ts');
    const { SMS_HASH_SECRET: _secret, ...withoutSecret } = TEST_SMS_ENV;
    const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), entry], {
      cwd: tmpdir(), // no .env there
      env: { PATH: process.env.PATH ?? '', ...withoutSecret, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: SMS_HASH_SECRET: required when TWILIO_AUTH_TOKEN is set/)]);
    expect(result.stdout).not.toContain('listening');
  }, 70_000);
});
