import { ConfigError, loadConfig } from '../../bot/config';

describe('web chat settings', () => {
  it('has defaults that run a local chat with no .env', () => {
    expect(loadConfig({}).web).toEqual({
      botName: 'Symptom Check',
      brandColor: '#00529B',
      allowedOrigins: undefined,
      directLine: {
        secret: undefined,
        endpoint: 'https://directline.botframework.com/v3/directline',
        tokenSecret: undefined,
        tokenTtlSeconds: 1800,
        maxConversations: 10_000,
        maxActivitiesPerConversation: 200,
      },
    });
  });

  it.each<[Record<string, string>, unknown]>([
    [{ ALLOWED_ORIGINS: 'https://www.example.org' }, { allowedOrigins: ['https://www.example.org'] }],
    [{ ALLOWED_ORIGINS: ' https://a.example , https://b.example:8443 ,' }, { allowedOrigins: ['https://a.example', 'https://b.example:8443'] }],
    [{ ALLOWED_ORIGINS: '' }, { allowedOrigins: undefined }],
    [{ BOT_NAME: 'Moffitt Check', BRAND_COLOR: '#aa0000' }, { botName: 'Moffitt Check', brandColor: '#aa0000' }],
    [{ DIRECT_LINE_SECRET: 's3cret', DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/' }, {
      directLine: expect.objectContaining({ secret: 's3cret', endpoint: 'https://europe.directline.botframework.com/v3/directline' }),
    }],
  ])('%p → %p', (env, expected) => {
    expect(loadConfig(env).web).toMatchObject(expected as object);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ BRAND_COLOR: 'red' }, /BRAND_COLOR/],
    [{ BRAND_COLOR: '#fff;background:url(x)' }, /BRAND_COLOR/],
    [{ ALLOWED_ORIGINS: 'https://www.example.org/path' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'www.example.org' }, /ALLOWED_ORIGINS/],
    [{ DIRECT_LINE_TOKEN_SECRET: 'short' }, /DIRECT_LINE_TOKEN_SECRET/],
    [{ DIRECT_LINE_MAX_CONVERSATIONS: '0' }, /DIRECT_LINE_MAX_CONVERSATIONS/],
  ])('%p is refused, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
