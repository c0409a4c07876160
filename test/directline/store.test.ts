import { ConversationStore, nextTimestamp } from '../../bot/directline/store';

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

describe('ConversationStore', () => {
  it('drops the least recently used conversation beyond the limit', () => {
    const store = new ConversationStore(limits);
    for (const id of ['a', 'b', 'c']) store.create(id, `dl_${id}`, 'en-US');
    store.get('a'); // a is now more recent than b
    store.create('d', 'dl_d', undefined);
    expect(store.size).toBe(3);
    expect(store.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((id) => store.get(id)?.id)).toEqual(['a', 'c', 'd']);
  });

  it('keeps at most the newest activities of a conversation, numbered on', () => {
    const store = new ConversationStore(limits);
    const conversation = store.create('a', 'dl_a', 'en-US');
    const ids = Array.from({ length: 6 }, (_, i) => store.append(conversation, { type: 'message', text: `m${i + 1}` }).id);
    expect(ids.at(-1)).toBe('a|0000006');
    expect(conversation.log.entries.map((e) => e.activity.text)).toEqual(['m3', 'm4', 'm5', 'm6']);
  });

  it('stamps strictly increasing times even within one millisecond', () => {
    const store = new ConversationStore(limits, () => 1_700_000_000_000);
    const conversation = store.create('a', 'dl_a', undefined);
    const times = [1, 2, 3].map(() => (store.append(conversation, { type: 'message' }).timestamp as Date).getTime());
    expect(times).toEqual([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002]);
  });
});
