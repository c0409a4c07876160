import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import Redis, { type Result } from 'ioredis';
import type { Logger } from 'pino';
import { ABSENT_ETAG, incomingETag } from './eTag';
import { isDurableKey } from './keyPolicy';
import { parseStored } from './readText';
import { BrokenStateError, ETagConflictError, StorageUnavailableError } from './storageErrors';

export interface RedisStorageOptions {
  url: string;
  /** An item lives this long after its last write. */
  ttlSeconds: number;
  /** Least recently written items beyond this many are dropped, as in the in-memory store. */
  maxEntries: number;
  /** A command that takes longer fails as StorageUnavailableError instead of holding the turn. */
  commandTimeoutMs: number;
  logger: Logger;
  /** Separates deployments sharing one Redis; tests use it to isolate runs. */
  keyPrefix?: string;
  /** Keys kept without expiry and outside the cap (keyPolicy.ts). */
  durableKeyPrefixes?: readonly string[];
}

// One script so that the eTag check and the write are atomic across instances (a compare-and-set:
// Redis runs a script with nothing else in between). It applies mayOverwrite() from eTag.ts:
// ABSENT_ETAG only while the item is absent; else an absent item, an empty or '*' eTag, or an equal
// eTag may write.
// The index (a sorted set by write time) is what lets STATE_MAX_ENTRIES bound Redis as well.
// KEYS: the item keys, then the index. ARGV: ttl ms, max entries, then per item: expected eTag,
// new eTag, document, '1' when durable (no expiry, not in the index).
const WRITE_ITEMS = `
local count = #KEYS - 1
local index = KEYS[#KEYS]
local ttl = tonumber(ARGV[1])
local maxEntries = tonumber(ARGV[2])
for i = 1, count do
  local expected = ARGV[3 + (i - 1) * 4]
  if expected == '${ABSENT_ETAG}' then
    if redis.call('EXISTS', KEYS[i]) == 1 then return i end
  elseif expected ~= '' and expected ~= '*' then
    local stored = redis.call('HGET', KEYS[i], 'eTag')
    if stored and stored ~= expected then return i end
  end
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
for i = 1, count do
  local base = 3 + (i - 1) * 4
  redis.call('HSET', KEYS[i], 'eTag', ARGV[base + 1], 'doc', ARGV[base + 2])
  if ARGV[base + 3] == '1' then
    redis.call('PERSIST', KEYS[i])
  else
    redis.call('PEXPIRE', KEYS[i], ttl)
    redis.call('ZADD', index, now, KEYS[i])
  end
end
redis.call('ZREMRANGEBYSCORE', index, '-inf', now - ttl)
local excess = redis.call('ZCARD', index) - maxEntries
if excess > 0 then
  local oldest = redis.call('ZPOPMIN', index, excess)
  for j = 1, #oldest, 2 do redis.call('DEL', oldest[j]) end
end
redis.call('PEXPIRE', index, ttl)
return 0
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    writeStateItems(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
  }
}

// Replies that mean "Redis is there but cannot serve now" rather than a bug in our commands.
const TRANSIENT_REPLY = /^(LOADING|READONLY|OOM|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN)\b/;

/** Whether an ioredis failure means the store is unreachable (as opposed to a bad command). */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name !== 'ReplyError' || TRANSIENT_REPLY.test(error.message);
}

/** Botbuilder state on Redis, shared by every instance of the bot. */
export class RedisStorage implements Storage {
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly indexKey: string;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly durablePrefixes: readonly string[];

  constructor(options: RedisStorageOptions) {
    this.prefix = `${options.keyPrefix ?? 'all-check'}:state:`;
    this.indexKey = `${options.keyPrefix ?? 'all-check'}:state-index`;
    this.ttlMs = options.ttlSeconds * 1000;
    this.maxEntries = options.maxEntries;
    this.durablePrefixes = options.durableKeyPrefixes ?? [];
    this.client = new Redis(options.url, {
      // Fail fast while disconnected so the person hears "please try again" at once instead of
      // waiting on a queue; reconnection keeps going in the background (default retryStrategy).
      enableOfflineQueue: false,
      commandTimeout: options.commandTimeoutMs,
      maxRetriesPerRequest: 0,
      // A write replayed after a reconnect could land after a newer one; let the turn fail instead.
      autoResendUnfulfilledCommands: false,
    });
    this.client.defineCommand('writeStateItems', { lua: WRITE_ITEMS });
    watchConnection(this.client, options.logger);
  }

  /** The connection, for the local Direct Line's store (one connection per instance, same options). */
  get connection(): Redis {
    return this.client;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const replies = await this.call(() => this.client.pipeline(keys.map((key) => ['hget', this.prefix + key, 'doc'])).exec());
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [error, doc] = replies?.[i] ?? [new Error('no reply')];
      if (error) throw isUnavailable(error) ? new StorageUnavailableError(`Redis read failed: ${error.message}`, { cause: error }) : error;
      if (typeof doc === 'string') items[key] = parseDocument(key, doc);
    });
    return items;
  }

  /** All or nothing, atomically: every eTag is checked inside Redis before anything is written. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args: string[] = [];
    for (const key of keys) {
      const eTag = randomUUID();
      const durable = isDurableKey(key, this.durablePrefixes) ? '1' : '0';
      args.push(incomingETag(changes[key]) ?? '', eTag, JSON.stringify({ ...changes[key], eTag }), durable);
    }
    const redisKeys = [...keys.map((key) => this.prefix + key), this.indexKey];
    const conflict = await this.call(() =>
      this.client.writeStateItems(redisKeys.length, ...redisKeys, this.ttlMs, this.maxEntries, ...args),
    );
    if (conflict > 0) throw new ETagConflictError(keys[conflict - 1] ?? '');
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const redisKeys = keys.map((key) => this.prefix + key);
    await this.call(() => this.client.multi().del(...redisKeys).zrem(this.indexKey, ...redisKeys).exec());
  }

  /** Resolves once connected; for start-up and tests (turns fail fast until then). */
  async whenReady(timeoutMs = 5_000): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        reject(new StorageUnavailableError(`Redis not ready after ${timeoutMs} ms`));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', onReady);
    });
  }

  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      // A server that went away while we quit has closed the connection for us: nothing is lost.
      await this.client.quit().catch(() => this.client.disconnect());
    } else {
      // Nothing to flush and quit would be refused while offline; just stop reconnecting.
      this.client.disconnect();
    }
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      if (isUnavailable(error)) {
        throw new StorageUnavailableError(`Redis unavailable: ${(error as Error).message}`, { cause: error });
      }
      throw error;
    }
  }
}

/** A stored document as state; one that is not a JSON object is broken, not "Redis is down". */
function parseDocument(key: string, doc: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseStored(doc);
  } catch (error) {
    throw new BrokenStateError(`Stored state "${key}" is not JSON`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BrokenStateError(`Stored state "${key}" is not an object`);
  return parsed as Record<string, unknown>;
}

/** Logs connection changes once each, not every failed reconnect attempt. */
function watchConnection(client: Redis, logger: Logger): void {
  let connected = false;
  client.on('ready', () => {
    connected = true;
    logger.info({ event: 'redis_ready' }, 'Redis connected');
  });
  client.on('error', (error: Error) => {
    if (connected) logger.warn({ event: 'redis_error', err: error }, 'Redis connection lost'); // the err serializer keeps its type; '*.name' redaction would hide err.name
    connected = false;
  });
  client.on('end', () => logger.info({ event: 'redis_end' }, 'Redis connection closed'));
}
