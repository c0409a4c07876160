import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity, type StoreItems } from 'botbuilder';
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
    expect(storage.writes[0]!['test/conversations/conv-1/']).toMatchObject({ step: 'who', eTag: '*' });
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
