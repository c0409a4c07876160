import Redis from 'ioredis';
import { MemoryConversationStore } from '../../bot/directline/memoryConversationStore';
import { RedisConversationStore } from '../../bot/directline/redisConversationStore';
import { ConversationStore, nextTimestamp } from '../../bot/directline/store';
import { StorageUnavailableError } from '../../bot/storage/storageErrors';
import { TestRedis } from '../storage/redisServer';

const limits = { maxConversations: 3, maxActivitiesPerConversation: 4, idleMs: 60_000 };

describe('nextTimestamp', () => {
  it.each<[number, number, number]>([
    [0, 1_000, 1_000],
    [1_000, 2_000, 2_000],
    [2_000, 2_000, 2_001],
    [5_000, 2_000, 5_001], // the clock stepped back: order still holds
  ])('last %i, now %i → %i', (last, now, expected) => {
    expect(nextTimestamp(last, now)).toBe(expected);
  });
});

let redis: TestRedis;
const clients: Redis[] = [];
let run = 0;

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

function redisStore(): RedisConversationStore {
  const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  clients.push(client);
  // Each test its own prefix, as two deployments sharing one Redis.
  return new RedisConversationStore({ client, ttlSeconds: 60, maxActivitiesPerConversation: 4, keyPrefix: `t${++run}` });
}

async function ready(store: ConversationStore): Promise<ConversationStore> {
  const client = clients.at(-1);
  if (store instanceof RedisConversationStore && client && client.status !== 'ready') {
    await new Promise((resolve) => client.once('ready', resolve));
  }
  return store;
}

describe.each<[string, () => ConversationStore]>([
  ['memory', () => new MemoryConversationStore(limits)],
  ['redis', redisStore],
])('ConversationStore on %s', (_name, makeStore) => {
  it('opens a conversation once and finds it by id', async () => {
    const store = await ready(makeStore());
    expect(await store.get('a')).toBeUndefined();
    await store.create('a', 'dl_a', 'es-US');
    expect(await store.create('a', 'dl_other', undefined)).toEqual({ id: 'a', userId: 'dl_a', locale: 'es-US' });
    expect(await store.get('a')).toEqual({ id: 'a', userId: 'dl_a', locale: 'es-US' });
  });

  it('lets the start be claimed once only', async () => {
    const store = await ready(makeStore());
    await store.create('a', 'dl_a', undefined);
    expect(await Promise.all([store.claimStart('a'), store.claimStart('a'), store.claimStart('a')])).toEqual([true, false, false]);
  });

  it('keeps a changed locale', async () => {
    const store = await ready(makeStore());
    await store.create('a', 'dl_a', 'en-US');
    await store.setLocale('a', 'es-US');
    expect((await store.get('a'))?.locale).toBe('es-US');
  });

  it('keeps at most the newest activities of a conversation, numbered on', async () => {
    const store = await ready(makeStore());
    const conversation = await store.create('a', 'dl_a', 'en-US');
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) ids.push((await store.append(conversation, { type: 'message', text: `m${i}` })).id);
    expect(ids.at(-1)).toBe('a|0000006');
    const all = await store.activitiesAfter('a', undefined);
    expect(all.activities.map((activity) => activity.text)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(all.watermark).toBe('6');
  });

  it.each<[unknown, string[]]>([
    [undefined, ['m1', 'm2', 'm3']],
    ['1', ['m2', 'm3']],
    ['3', []],
    ['99', []],
    ['nonsense', ['m1', 'm2', 'm3']],
  ])('after watermark %p gives %p', async (watermark, texts) => {
    const store = await ready(makeStore());
    const conversation = await store.create('a', 'dl_a', undefined);
    for (const text of ['m1', 'm2', 'm3']) await store.append(conversation, { type: 'message', text });
    const page = await store.activitiesAfter('a', watermark);
    expect(page.activities.map((activity) => activity.text)).toEqual(texts);
    expect(page.watermark).toBe('3');
    expect(page.activities.map((activity) => activity.id)).toEqual(texts.map((text) => `a|000000${text.slice(1)}`));
  });

  it('stamps strictly increasing times, also for appends at once', async () => {
    const store = await ready(makeStore());
    const conversation = await store.create('a', 'dl_a', undefined);
    const stored = await Promise.all([1, 2, 3, 4].map(() => store.append(conversation, { type: 'message' })));
    const page = await store.activitiesAfter('a', undefined);
    const times = page.activities.map((activity) => new Date(activity.timestamp as Date).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(4);
    expect(new Set(stored.map((activity) => activity.id)).size).toBe(4);
  });
});

describe('MemoryConversationStore', () => {
  it('drops the least recently used conversation beyond the limit', async () => {
    const store = new MemoryConversationStore(limits);
    for (const id of ['a', 'b', 'c']) await store.create(id, `dl_${id}`, 'en-US');
    await store.get('a'); // a is now more recent than b
    await store.create('d', 'dl_d', undefined);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect(await Promise.all(['a', 'c', 'd'].map(async (id) => (await store.get(id))?.id))).toEqual(['a', 'c', 'd']);
  });

  it('stamps strictly increasing times even within one millisecond', async () => {
    const store = new MemoryConversationStore(limits, () => 1_700_000_000_000);
    const conversation = await store.create('a', 'dl_a', undefined);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(((await store.append(conversation, { type: 'message' })).timestamp as Date).getTime());
    expect(times).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
  });
});

describe('RedisConversationStore', () => {
  it('gives every key the state TTL, apart from the state keys', async () => {
    const store = await ready(redisStore());
    const client = clients.at(-1) as Redis;
    const conversation = await store.create('a', 'dl_a', undefined);
    await store.append(conversation, { type: 'message', text: 'hi' });
    const keys = (await client.keys(`t${run}:*`)).sort();
    expect(keys).toEqual([`t${run}:directline:a`, `t${run}:directline:a:activities`]);
    for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(55_000);
  });

  it('fails as StorageUnavailableError while Redis is unreachable', async () => {
    const store = await ready(redisStore());
    const client = clients.at(-1) as Redis;
    client.disconnect();
    await expect(store.get('a')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
