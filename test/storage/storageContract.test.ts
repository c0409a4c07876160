import type { StoreItems } from 'botbuilder';
import pino from 'pino';
import { BoundedMemoryStorage } from '../../bot/storage/boundedMemoryStorage';
import type { ClosableStorage } from '../../bot/storage/createStorage';
import { RedisStorage } from '../../bot/storage/redisStorage';
import { ABSENT_ETAG } from '../../bot/storage/eTag';
import { ETagConflictError } from '../../bot/storage/storageErrors';
import { TestRedis } from './redisServer';

// The same contract for both stores: botbuilder's MemoryStorage semantics plus expiry and a cap.

interface StoreOptions {
  ttlSeconds?: number;
  maxEntries?: number;
}
type MakeStore = (options?: StoreOptions) => Promise<ClosableStorage>;
/** A second handle on the same data, as another instance of the bot would have. */
type OpenAgain = (store: ClosableStorage) => Promise<ClosableStorage>;

const DURABLE = ['keep/'];
let redis: TestRedis;
let runs = 0;
const opened: ClosableStorage[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  await redis?.stop();
});

const makeMemory: MakeStore = async (options = {}) =>
  track(
    new BoundedMemoryStorage({ ttlSeconds: options.ttlSeconds ?? 60, maxEntries: options.maxEntries ?? 100, durableKeyPrefixes: DURABLE }),
  );

// Each test gets its own key prefix, so a fresh, empty store on the shared server.
let prefix = '';
const makeRedis: MakeStore = async (options = {}) => {
  const store = new RedisStorage({
    url: redis.url,
    ttlSeconds: options.ttlSeconds ?? 60,
    maxEntries: options.maxEntries ?? 100,
    commandTimeoutMs: 1_000,
    logger: pino({ level: 'silent' }),
    keyPrefix: prefix,
    durableKeyPrefixes: DURABLE,
  });
  await store.whenReady();
  return track(store);
};

function track(store: ClosableStorage): ClosableStorage {
  opened.push(store);
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each<[string, MakeStore, OpenAgain]>([
  ['BoundedMemoryStorage', makeMemory, async (store) => store],
  ['RedisStorage', makeRedis, () => makeRedis()],
])('%s contract', (_name, makeStore, openAgain) => {
  beforeEach(() => {
    prefix = `contract-${++runs}`;
  });

  it('reads nothing for keys never written', async () => {
    const store = await makeStore();
    await expect(store.read(['nobody'])).resolves.toEqual({});
    await expect(store.read([])).resolves.toEqual({});
  });

  it('reads back what was written, with a new eTag on every write', async () => {
    const store = await makeStore();
    await store.write({ a: { step: 1, nested: { text: 'sí' } } });
    const first = await store.read(['a', 'missing']);
    expect(first).toEqual({ a: { step: 1, nested: { text: 'sí' }, eTag: expect.any(String) } });
    await store.write({ a: { ...first.a, step: 2 } });
    const second = await store.read(['a']);
    expect(second.a.step).toBe(2);
    expect(second.a.eTag).not.toBe(first.a.eTag);
  });

  it('hands out copies, so changing what was read changes nothing stored', async () => {
    const store = await makeStore();
    await store.write({ a: { list: [1] } });
    const read = await store.read(['a']);
    read.a.list.push(2);
    await expect(store.read(['a'])).resolves.toMatchObject({ a: { list: [1] } });
  });

  it.each<[string, (current: string) => string | undefined]>([
    ['the current eTag', (current) => current],
    ['"*"', () => '*'],
    ['no eTag', () => undefined],
    ['an empty eTag', () => ''],
  ])('overwrites when the write carries %s', async (_label, eTagFor) => {
    const store = await makeStore();
    await store.write({ a: { step: 1 } });
    const { a } = await store.read(['a']);
    await store.write({ a: { step: 2, eTag: eTagFor(a.eTag) } });
    await expect(store.read(['a'])).resolves.toMatchObject({ a: { step: 2 } });
  });

  it('rejects a write whose eTag is stale and keeps the newer item', async () => {
    const store = await makeStore();
    await store.write({ a: { step: 1 } });
    const stale = (await store.read(['a'])).a;
    await store.write({ a: { ...stale, step: 2 } });
    await expect(store.write({ a: { ...stale, step: 3 } })).rejects.toThrow(ETagConflictError);
    await expect(store.write({ a: { ...stale, step: 3 } })).rejects.toThrow('Storage: error writing "a" due to eTag conflict.');
    await expect(store.read(['a'])).resolves.toMatchObject({ a: { step: 2 } });
  });

  it('writes a new item even when it carries an eTag (nothing to conflict with)', async () => {
    const store = await makeStore();
    await store.write({ fresh: { eTag: 'from-elsewhere', step: 1 } });
    await expect(store.read(['fresh'])).resolves.toMatchObject({ fresh: { step: 1 } });
  });

  it('writes an item carrying ABSENT_ETAG only while there is none: of two first writers, one wins', async () => {
    const store = await makeStore();
    const other = await openAgain(store);
    const results = await Promise.allSettled([
      store.write({ first: { writer: 'one', eTag: ABSENT_ETAG } }),
      other.write({ first: { writer: 'two', eTag: ABSENT_ETAG } }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: expect.any(ETagConflictError) });
    const { first } = await store.read(['first']);
    expect(first.eTag).not.toBe(ABSENT_ETAG);
    await expect(store.write({ first: { writer: 'three', eTag: ABSENT_ETAG } })).rejects.toThrow(ETagConflictError);
  });

  it('writes a batch all or nothing', async () => {
    const store = await makeStore();
    await store.write({ a: { step: 1 } });
    const batch: StoreItems = { b: { step: 1 }, a: { step: 2, eTag: 'stale' } };
    await expect(store.write(batch)).rejects.toThrow(ETagConflictError);
    await expect(store.read(['a', 'b'])).resolves.toEqual({ a: { step: 1, eTag: expect.any(String) } });
  });

  it('lets exactly one of many writers with the same eTag win', async () => {
    const store = await makeStore();
    const other = await openAgain(store);
    await store.write({ a: { writer: 'none' } });
    const { a } = await store.read(['a']);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? store : other).write({ a: { ...a, writer: i } })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('deletes, and deleting a missing key is fine', async () => {
    const store = await makeStore();
    await store.write({ a: { step: 1 }, b: { step: 1 } });
    await store.delete(['a', 'never']);
    await expect(store.read(['a', 'b'])).resolves.toEqual({ b: { step: 1, eTag: expect.any(String) } });
  });

  it('forgets an item STATE_TTL_SECONDS after its last write', async () => {
    const store = await makeStore({ ttlSeconds: 1 });
    await store.write({ a: { step: 1 } });
    await sleep(400);
    await expect(store.read(['a'])).resolves.toHaveProperty('a');
    await sleep(900);
    await expect(store.read(['a'])).resolves.toEqual({});
  });

  it('keeps at most STATE_MAX_ENTRIES items, dropping the least recently written', async () => {
    const store = await makeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await store.write({ [key]: { key } });
      await sleep(2); // distinct write times for Redis' millisecond clock
    }
    await store.write({ c: { key: 'c', again: true } });
    await store.write({ f: { key: 'f' } });
    const items = await store.read(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(Object.keys(items).sort()).toEqual(['c', 'e', 'f']);
  });

  it('keeps durable items past the expiry and outside the cap', async () => {
    const store = await makeStore({ ttlSeconds: 1, maxEntries: 2 });
    await store.write({ 'keep/stop': { optedOut: true } });
    for (const key of ['a', 'b', 'c']) await store.write({ [key]: { key } });
    await expect(store.read(['keep/stop', 'a', 'b', 'c'])).resolves.toEqual({
      'keep/stop': { optedOut: true, eTag: expect.any(String) },
      b: { key: 'b', eTag: expect.any(String) },
      c: { key: 'c', eTag: expect.any(String) },
    });
    await sleep(1_200);
    await expect(store.read(['keep/stop', 'b'])).resolves.toEqual({ 'keep/stop': { optedOut: true, eTag: expect.any(String) } });
    await store.delete(['keep/stop']);
    await expect(store.read(['keep/stop'])).resolves.toEqual({});
  });
});

describe('BoundedMemoryStorage', () => {
  it('sweeps expired conversations out of memory on a later write, without reading them', async () => {
    const store = new BoundedMemoryStorage({ ttlSeconds: 1, maxEntries: 100, durableKeyPrefixes: DURABLE });
    for (const key of ['a', 'b', 'c', 'keep/x']) await store.write({ [key]: { key } });
    expect(store.size).toBe(4);
    await sleep(1_100);
    await store.write({ d: { key: 'd' } });
    expect(store.size).toBe(2); // d and the durable item
  });
});
