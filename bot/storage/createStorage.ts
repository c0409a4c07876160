import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { BoundedMemoryStorage } from './boundedMemoryStorage';
import { DURABLE_KEY_PREFIXES } from './keyPolicy';
import { RedisStorage } from './redisStorage';

/** A state store the app can close on shutdown. */
export type ClosableStorage = Storage & { close(): Promise<void> };

export const isClosable = (storage: Storage): storage is ClosableStorage =>
  typeof (storage as Partial<ClosableStorage>).close === 'function';

/** STATE_STORE=redis shares state between instances; memory (the default) suits one process. */
export function createStorage(config: Config, logger: Logger): ClosableStorage {
  const { store, redisUrl, ttlSeconds, maxEntries, redisCommandTimeoutMs } = config.state;
  const durableKeyPrefixes = DURABLE_KEY_PREFIXES;
  if (store === 'memory') return new BoundedMemoryStorage({ ttlSeconds, maxEntries, durableKeyPrefixes });
  if (!redisUrl) throw new Error('STATE_STORE=redis without REDIS_URL: loadConfig should have refused this configuration');
  return new RedisStorage({ url: redisUrl, ttlSeconds, maxEntries, commandTimeoutMs: redisCommandTimeoutMs, logger, durableKeyPrefixes });
}
