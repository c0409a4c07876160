import type Redis from 'ioredis';
import type { Result } from 'ioredis';
import { activityId, parseWatermark, StreamActivity } from './activityLog';
import type { Conversation, ConversationStore } from './store';
import { isUnavailable } from '../storage/redisStorage';
import { StorageUnavailableError } from '../storage/storageErrors';

export interface RedisConversationStoreOptions {
  /** The state store's own connection (RedisStorage.connection), so both fail and recover together. */
  client: Redis;
  /** The state's TTL: a conversation lives as long as the dialog state behind it. */
  ttlSeconds: number;
  maxActivitiesPerConversation: number;
  /** Separates deployments sharing one Redis; tests use it to isolate runs. */
  keyPrefix?: string;
}

// Numbering, stamping and trimming in one script so two instances appending at once never share
// a number or go back in time. KEYS: hash, list. ARGV: ttl ms, max activities, activity JSON.
// Each list entry is "<seq> <timestampMs> <json>"; id and timestamp are added when read.
const APPEND_ACTIVITY = `
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local last = tonumber(redis.call('HGET', KEYS[1], 'lastTs') or '0')
local ts = math.max(now, last + 1)
redis.call('HSET', KEYS[1], 'lastTs', ts)
redis.call('RPUSH', KEYS[2], seq .. ' ' .. ts .. ' ' .. ARGV[3])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return {seq, ts}
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    appendDirectLineActivity(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<[number, number], Context>;
  }
}

/** Local Direct Line conversations in Redis: a hash (who, locale, started, seq) and a list of activities each. */
export class RedisConversationStore implements ConversationStore {
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly ttlMs: number;

  constructor(private readonly options: RedisConversationStoreOptions) {
    this.client = options.client;
    // Not under ':state:', so state's key policy and index never see these keys.
    this.prefix = `${options.keyPrefix ?? 'all-check'}:directline:`;
    this.ttlMs = options.ttlSeconds * 1000;
    if (!this.client.appendDirectLineActivity) this.client.defineCommand('appendDirectLineActivity', { lua: APPEND_ACTIVITY });
  }

  async get(conversationId: string): Promise<Conversation | undefined> {
    const fields = await this.call(() => this.client.hmget(this.hashKey(conversationId), 'userId', 'locale'));
    const [userId, locale] = fields;
    if (!userId) return undefined;
    return { id: conversationId, userId, locale: locale || undefined };
  }

  async create(conversationId: string, userId: string, locale: string | undefined): Promise<Conversation> {
    const key = this.hashKey(conversationId);
    const [[, created] = []] =
      (await this.call(() => this.client.multi().hsetnx(key, 'userId', userId).pexpire(key, this.ttlMs).exec())) ?? [];
    if (created === 1) {
      if (locale) await this.call(() => this.client.hset(key, 'locale', locale));
      return { id: conversationId, userId, locale };
    }
    return (await this.get(conversationId)) ?? { id: conversationId, userId, locale };
  }

  async claimStart(conversationId: string): Promise<boolean> {
    return (await this.call(() => this.client.hsetnx(this.hashKey(conversationId), 'started', '1'))) === 1;
  }

  async setLocale(conversationId: string, locale: string): Promise<void> {
    await this.call(() => this.client.hset(this.hashKey(conversationId), 'locale', locale));
  }

  async append(conversation: Conversation, activity: Partial<StreamActivity>): Promise<StreamActivity> {
    const keys = [this.hashKey(conversation.id), this.listKey(conversation.id)];
    const [seq, timestampMs] = await this.call(() =>
      this.client.appendDirectLineActivity(2, ...keys, this.ttlMs, this.options.maxActivitiesPerConversation, JSON.stringify(activity)),
    );
    return { ...activity, id: activityId(conversation.id, seq), timestamp: new Date(timestampMs) };
  }

  async activitiesAfter(conversationId: string, watermark: unknown) {
    const after = parseWatermark(watermark);
    const replies = await this.call(() =>
      this.client.multi().hget(this.hashKey(conversationId), 'seq').lrange(this.listKey(conversationId), 0, -1).exec(),
    );
    const [[, lastSeq] = [], [, entries] = []] = replies ?? [];
    const activities: StreamActivity[] = [];
    for (const entry of (entries as string[] | undefined) ?? []) {
      const [seqText = '', timestampText = ''] = entry.split(' ', 2);
      const seq = Number(seqText);
      if (seq <= after) continue;
      const json = entry.slice(seqText.length + timestampText.length + 2);
      activities.push({ ...JSON.parse(json), id: activityId(conversationId, seq), timestamp: new Date(Number(timestampText)) });
    }
    return { activities, watermark: String(lastSeq ?? '0') };
  }

  private hashKey(conversationId: string): string {
    return `${this.prefix}${conversationId}`;
  }

  private listKey(conversationId: string): string {
    return `${this.prefix}${conversationId}:activities`;
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      if (isUnavailable(error)) throw new StorageUnavailableError(`Redis unavailable: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
}
