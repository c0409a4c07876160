import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity, type StoreItems } from 'botbuilder';
import { BoundedMemoryStorage } from '../../bot/storage/boundedMemoryStorage';
import { ABSENT_ETAG } from '../../bot/storage/eTag';
import { BrokenStateError, ETagConflictError, StateStoreError, StorageUnavailableError } from '../../bot/storage/storageErrors';
import { parseStored, storedText } from '../../bot/storage/readText';
import { SnapshotConversationState, SnapshotUserState } from '../../bot/storage/snapshotState';

// SnapshotConversationState / SnapshotUserState must behave as botbuilder's own states do,
// except for how they notice a change: same keys, same "write only when changed", same clear,
// delete and force.

class CountingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return super.write(changes);
  }
}

const activity: Partial<Activity> = {
  type: 'message',
  channelId: 'test',
  conversation: { id: 'conv-1' } as Activity['conversation'],
  from: { id: 'user-1', name: 'u' },
  recipient: { id: 'bot', name: 'b' },
};
const turn = () => new TurnContext(new TestAdapter(), activity);

type Step = (state: SnapshotConversationState, context: TurnContext) => Promise<void>;
const counter = (state: SnapshotConversationState) => state.createProperty<number>('count');

const cases: { name: string; steps: Step; writes: number }[] = [
  { name: 'never loaded: nothing written', steps: async () => undefined, writes: 0 },
  { name: 'loaded, unchanged: nothing written', steps: async (state, context) => void (await state.load(context)), writes: 0 },
  { name: 'a property set: written once', steps: async (state, context) => counter(state).set(context, 1), writes: 1 },
  {
    name: 'changed, then changed back: nothing written',
    steps: async (state, context) => {
      await counter(state).set(context, 1);
      await counter(state).delete(context);
    },
    writes: 0,
  },
  { name: 'force: written though unchanged', steps: async (state, context) => void (await state.load(context)), writes: 1 },
  { name: 'clear: written', steps: async (state, context) => state.clear(context), writes: 1 },
];

describe('snapshot states', () => {
  test.each(cases)('$name', async ({ name, steps, writes }) => {
    const storage = new CountingStorage();
    const state = new SnapshotConversationState(storage);
    const context = turn();
    await steps(state, context);
    await state.saveChanges(context, name.startsWith('force'));
    expect(storage.writes).toHaveLength(writes);
  });

  test('a second save in the same turn writes nothing new', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotConversationState(storage);
    const context = turn();
    await counter(state).set(context, 1);
    await state.saveChanges(context);
    await state.saveChanges(context);
    expect(storage.writes).toHaveLength(1);
  });

  test('the next turn reads what was written, under ConversationState and UserState keys', async () => {
    const storage = new CountingStorage();
    const first = turn();
    const conversation = new SnapshotConversationState(storage);
    const user = new SnapshotUserState(storage);
    await conversation.createProperty<string>('step').set(first, 'who');
    await user.createProperty<string>('locale').set(first, 'es');
    await conversation.saveChanges(first);
    await user.saveChanges(first);

    // botbuilder's own classes find the same data under the same keys.
    const second = turn();
    expect(await new ConversationState(storage).createProperty<string>('step').get(second)).toBe('who');
    expect(await new UserState(storage).createProperty<string>('locale').get(second)).toBe('es');
    expect(Object.keys(storage.writes[0]!)).toEqual(['test/conversations/conv-1/']);
    // Written with the eTag it was read with: none yet, so only while there is still none.
    expect(storage.writes[0]!['test/conversations/conv-1/']).toMatchObject({ step: 'who', eTag: ABSENT_ETAG });
  });

  test('delete removes the stored state and forgets the cached one', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotConversationState(storage);
    const context = turn();
    await counter(state).set(context, 3);
    await state.saveChanges(context);
    await state.delete(context);
    expect(state.get(context)).toBeUndefined();
    expect(await counter(state).get(turn())).toBeUndefined();
  });
});

test('after clear, one write; a second save in the same turn writes nothing', async () => {
  const storage = new CountingStorage();
  const state = new SnapshotConversationState(storage);
  const context = turn();
  await state.clear(context);
  await state.saveChanges(context);
  await state.saveChanges(context);
  expect(storage.writes).toHaveLength(1);
});

describe('optimistic concurrency: two turns of one conversation that read the same state', () => {
  const storage = () => new BoundedMemoryStorage({ ttlSeconds: 60, maxEntries: 100 });

  test.each([
    ['a stored state', true],
    ['no state yet (two first turns)', false],
  ])('%s: the first save wins, the second fails with ETagConflictError and leaves the first', async (_label, storedBefore) => {
    const store = storage();
    const state = new SnapshotConversationState(store);
    if (storedBefore) {
      const earlier = turn();
      await counter(state).set(earlier, 1);
      await state.saveChanges(earlier);
    }
    const [first, second] = [turn(), turn()];
    await state.load(first);
    await state.load(second);
    await counter(state).set(first, 10);
    await counter(state).set(second, 20);
    await state.saveChanges(first);
    await expect(state.saveChanges(second)).rejects.toThrow(ETagConflictError);
    expect(await counter(state).get(turn())).toBe(10);

    // Read again, as the bot re-runs a turn, and the save goes through.
    const again = turn();
    await counter(state).set(again, (await counter(state).get(again))! + 20);
    await state.saveChanges(again);
    expect(await counter(state).get(turn())).toBe(30);
  });

  test('a turn that saved once can change and save again in the same turn', async () => {
    const state = new SnapshotConversationState(storage());
    const context = turn();
    await counter(state).set(context, 1);
    await state.saveChanges(context);
    await counter(state).set(context, 2);
    await state.saveChanges(context);
    expect(await counter(state).get(turn())).toBe(2);
  });

  test.each([
    ['a store that fails', new Error('disk on fire'), StateStoreError],
    ['a store that cannot reach its server', new StorageUnavailableError('timed out'), StorageUnavailableError],
    ['state that is not JSON', new SyntaxError('Unexpected token'), BrokenStateError],
  ])('a read from %s comes out as %p', async (_label, thrown, expected) => {
    const failing = Object.assign(storage(), { read: async () => Promise.reject(thrown) });
    await expect(new SnapshotConversationState(failing).load(turn())).rejects.toThrow(expected as new () => Error);
  });
});

describe('the text a store read an item from (readText.ts)', () => {
  /** A store whose documents are texts, as Redis's are, written by whatever wrote them. */
  class TextStorage extends CountingStorage {
    constructor(private readonly docs: Record<string, string>) {
      super();
    }
    override async read(keys: string[]): Promise<StoreItems> {
      return Object.fromEntries(keys.filter((key) => key in this.docs).map((key) => [key, parseStored(this.docs[key]!)]));
    }
  }
  const key = 'test/conversations/conv-1/';

  test('is remembered for what parseStored made, and for nothing else', () => {
    const text = '{"eTag":"1","count":2}';
    expect(storedText(parseStored(text) as object)).toBe(text);
    expect(storedText(JSON.parse(text) as object)).toBeUndefined();
  });

  test('is the JSON of what the memory store hands out, so the snapshot needs no stringify of its own', async () => {
    const store = new BoundedMemoryStorage({ maxEntries: 10, ttlSeconds: 60 });
    await store.write({ [key]: { count: 1, nested: { list: [1, 'two', null, { '10': true, b: 1.5e-7 }] } } });
    const item = (await store.read([key]))[key] as object;
    expect(storedText(item)).toBe(JSON.stringify(item));
    const spy = jest.spyOn(JSON, 'stringify');
    try {
      await new SnapshotConversationState(store).load(turn());
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test.each([
    ['as JSON.stringify writes it, unchanged: nothing written', '{"eTag":"1","count":2}', undefined, 0],
    ['as JSON.stringify writes it, changed: written', '{"eTag":"1","count":2}', 3, 1],
    ['written with spaces, unchanged: written once more, harmlessly', '{ "eTag": "1", "count": 2 }', undefined, 1],
    ['written with spaces, changed: written', '{ "eTag": "1", "count": 2 }', 3, 1],
  ])('a document %s', async (_label, doc, newCount, writes) => {
    const store = new TextStorage({ [key]: doc });
    const state = new SnapshotConversationState(store);
    const context = turn();
    expect(await counter(state).get(context)).toBe(2);
    if (newCount !== undefined) await counter(state).set(context, newCount);
    await state.saveChanges(context);
    expect(store.writes).toHaveLength(writes);
  });
});

describe('property accessors, as botbuilder\'s own', () => {
  type Script = (property: import('botbuilder').StatePropertyAccessor<unknown>, context: TurnContext) => Promise<unknown[]>;
  const shared = { list: [1] };
  const scripts: [string, Script][] = [
    ['get of nothing', async (p, c) => [await p.get(c)]],
    ['get with a default stores a copy of it', async (p, c) => {
      const value = (await p.get(c, shared)) as { list: number[] };
      value.list.push(2);
      return [value, await p.get(c), shared.list.length, value === shared];
    }],
    ['get with a scalar default', async (p, c) => [await p.get(c, 0), await p.get(c, 5)]],
    ['get with a null default', async (p, c) => [await p.get(c, null), await p.get(c)]],
    ['set, then get', async (p, c) => {
      await p.set(c, { a: 1 });
      return [await p.get(c, { a: 2 })];
    }],
    ['delete', async (p, c) => {
      await p.set(c, 'x');
      await p.delete(c);
      await p.delete(c);
      return [await p.get(c)];
    }],
  ];

  test.each(scripts)('%s', async (_label, script) => {
    const ours = new SnapshotConversationState(new MemoryStorage());
    const theirs = new ConversationState(new MemoryStorage());
    const oursContext = turn();
    const theirsContext = turn();
    expect(await script(ours.createProperty('p'), oursContext)).toEqual(await script(theirs.createProperty('p'), theirsContext));
    expect(ours.get(oursContext)).toEqual({ eTag: ABSENT_ETAG, ...(theirs.get(theirsContext) as object) });
  });

  test('are our own (native async), not botbuilder\'s generator-based ones', () => {
    expect(new SnapshotConversationState(new MemoryStorage()).createProperty('p').constructor.name).toBe('SnapshotProperty');
  });
});
