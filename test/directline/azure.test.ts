import { DirectLineTokenError, FetchLike, generateAzureToken } from '../../bot/directline/azure';

const ENDPOINT = 'https://directline.botframework.com/v3/directline';
const SECRET = 'the-direct-line-secret';

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { fetchFn, calls };
}

describe('generateAzureToken', () => {
  it('exchanges the secret server-side for a conversation token bound to the user', async () => {
    const { fetchFn, calls } = fakeFetch(200, { conversationId: 'abc-us', token: 'tok', expires_in: 3600 });
    const token = await generateAzureToken(fetchFn, { endpoint: ENDPOINT, secret: SECRET, userId: 'dl_1', trustedOrigins: ['https://www.example.org'] });
    expect(token).toEqual({ conversationId: 'abc-us', token: 'tok', expiresIn: 3600 });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(`${ENDPOINT}/tokens/generate`);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers.Authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(call?.init.body ?? '')).toEqual({ user: { id: 'dl_1' }, trustedOrigins: ['https://www.example.org'] });
  });

  it('sends no trusted origins when every origin is allowed', async () => {
    const { fetchFn, calls } = fakeFetch(200, { conversationId: 'c', token: 't', expires_in: 1 });
    await generateAzureToken(fetchFn, { endpoint: ENDPOINT, secret: SECRET, userId: 'dl_1' });
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ user: { id: 'dl_1' } });
  });

  it.each<[string, number, unknown, number | undefined]>([
    ['a wrong secret', 403, { error: { code: 'BadArgument' } }, 403],
    ['an outage', 503, {}, 503],
    ['a body without a token', 200, { conversationId: 'c' }, undefined],
    ['an empty body', 200, null, undefined],
  ])('fails clearly on %s, without the secret in the message', async (_name, status, body, expectedStatus) => {
    const { fetchFn } = fakeFetch(status, body);
    const attempt = generateAzureToken(fetchFn, { endpoint: ENDPOINT, secret: SECRET, userId: 'dl_1' });
    await expect(attempt).rejects.toBeInstanceOf(DirectLineTokenError);
    const error = (await attempt.catch((e: unknown) => e)) as DirectLineTokenError;
    expect(error.status).toBe(expectedStatus);
    expect(error.message).not.toContain(SECRET);
  });
});
