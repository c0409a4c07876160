import { ConfigError, loadConfig } from '../../bot/config';

describe('operations settings', () => {
  it('has defaults that run with no environment at all', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual({ conversationTurnsPerMinute: 30, clientRequestsPerMinute: 1200, trustProxyHops: 0 });
    expect(config.state).toMatchObject({ store: 'memory', ttlSeconds: 86_400, maxEntries: 50_000, redisCommandTimeoutMs: 2_000 });
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.log).toMatchObject({ transcripts: false, idSalt: undefined });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      STATE_STORE: 'redis',
      REDIS_URL: 'redis://cache:6379',
      DIRECT_LINE_TOKEN_SECRET: 'a-shared-key-of-at-least-32-characters',
      REDIS_COMMAND_TIMEOUT_MS: '500',
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '10',
      RATE_LIMIT_CLIENT_PER_MINUTE: '50',
      TRUST_PROXY_HOPS: '1',
      SHUTDOWN_TIMEOUT_MS: '3000',
      LOG_ID_SALT: 'pepper',
      LOG_TRANSCRIPTS: 'true',
    });
    expect(config.state).toMatchObject({ store: 'redis', redisUrl: 'redis://cache:6379', redisCommandTimeoutMs: 500 });
    expect(config.rateLimits).toEqual({ conversationTurnsPerMinute: 10, clientRequestsPerMinute: 50, trustProxyHops: 1 });
    expect(config.shutdownTimeoutMs).toBe(3_000);
    expect(config.log).toMatchObject({ transcripts: true, idSalt: 'pepper' });
  });

  it.each([
    ['RATE_LIMIT_CONVERSATION_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_CLIENT_PER_MINUTE', '0'],
    ['TRUST_PROXY_HOPS', '-1'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5'],
    ['REDIS_COMMAND_TIMEOUT_MS', 'soon'],
    ['STATE_TTL_SECONDS', '0'],
    ['STATE_MAX_ENTRIES', 'many'],
  ])('names %s when it is %p', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('names REDIS_URL when STATE_STORE=redis has none', () => {
    expect(() => loadConfig({ STATE_STORE: 'redis' })).toThrow('REDIS_URL');
  });

  it.each<[Record<string, string>, boolean]>([
    [{}, false],
    [{ DIRECT_LINE_TOKEN_SECRET: 'a-shared-key-of-at-least-32-characters' }, true],
    [{ DIRECT_LINE_SECRET: 's3cret' }, true], // Azure's Direct Line signs its own tokens
  ])('STATE_STORE=redis with %p is accepted: %p', (env, accepted) => {
    const load = () => loadConfig({ STATE_STORE: 'redis', REDIS_URL: 'redis://cache:6379', ...env });
    if (accepted) expect(load).not.toThrow();
    else expect(load).toThrow(/DIRECT_LINE_TOKEN_SECRET: required when STATE_STORE=redis/);
  });
});
