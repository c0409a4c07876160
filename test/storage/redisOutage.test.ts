import pino from 'pino';
import { isUnavailable, RedisStorage } from '../../bot/storage/redisStorage';
import { StorageUnavailableError } from '../../bot/storage/storageErrors';
import { TestRedis } from './redisServer';

const replyError = (message: string) => Object.assign(new Error(message), { name: 'ReplyError' });

describe('isUnavailable', () => {
  it.each<[string, boolean, unknown]>([
    ['a closed connection', true, new Error('Connection is closed.')],
    ['the offline queue being off', true, new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a timeout', true, new Error('Command timed out')],
    ['Redis still loading its data', true, replyError('LOADING Redis is loading the dataset in memory')],
    ['a read-only replica', true, replyError("READONLY You can't write against a read only replica.")],
    ['Redis out of memory', true, replyError('OOM command not allowed when used memory > maxmemory')],
    ['a bad command (our bug, not an outage)', false, replyError('ERR wrong number of arguments')],
    ['a value that is not an error', false, 'nope'],
  ])('%s → unavailable: %s', (_label, expected, error) => {
    expect(isUnavailable(error)).toBe(expected);
  });
});

describe('RedisStorage when Redis goes away', () => {
  let redis: TestRedis;
  let store: RedisStorage;

  beforeAll(async () => {
    redis = await TestRedis.start();
    store = new RedisStorage({
      url: redis.url,
      ttlSeconds: 60,
      maxEntries: 100,
      commandTimeoutMs: 1_000,
      logger: pino({ level: 'silent' }),
      keyPrefix: 'outage',
    });
    await store.whenReady();
  });
  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  it('fails fast with StorageUnavailableError, then works again once Redis is back', async () => {
    await store.write({ a: { step: 1 } });
    await redis.pause();

    const started = Date.now();
    await expect(store.read(['a'])).rejects.toThrow(StorageUnavailableError);
    await expect(store.write({ a: { step: 2 } })).rejects.toThrow(StorageUnavailableError);
    await expect(store.delete(['a'])).rejects.toThrow(StorageUnavailableError);
    expect(Date.now() - started).toBeLessThan(3_000);

    await redis.resume();
    await store.whenReady(10_000);
    await store.write({ a: { step: 3 } });
    await expect(store.read(['a'])).resolves.toMatchObject({ a: { step: 3 } });
  });
});
