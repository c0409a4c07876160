import { checkActivity, checkWithSchema, isPlainlyValid, MAX_TEXT_CHARS } from '../../bot/guards/activityShape';
import { clientAddress } from '../../bot/guards/clientAddress';
import { findJsonProblem } from '../../bot/guards/jsonLimits';
import { createRateLimits } from '../../bot/guards/rateLimits';

const valid = {
  type: 'message',
  channelId: 'msteams',
  conversation: { id: 'a:1' },
  from: { id: '29:1', name: 'Ana' },
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  text: 'tengo fiebre',
};

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { next: value };
  return value;
};

describe('checkActivity', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a Teams message', valid, undefined],
    ['an expectReplies message without serviceUrl', { ...valid, serviceUrl: undefined, deliveryMode: 'expectReplies' }, undefined],
    ['a conversationUpdate without text', { ...valid, type: 'conversationUpdate', text: undefined }, undefined],
    ['an unknown activity type (the bot ignores it)', { ...valid, type: 'somethingNew' }, undefined],
    ['attachments without text', { ...valid, text: undefined, attachments: [{ contentType: 'image/png' }] }, undefined],
    ['odd but valid Unicode', { ...valid, text: '\u202Eabc\u200B\uD800 مرحبا 🧪' }, undefined],
    ['text at the limit', { ...valid, text: 'x'.repeat(MAX_TEXT_CHARS) }, undefined],
    ['null', null, 'invalid_activity: The body must be a JSON object (a Bot Framework activity).'],
    ['an array', [valid], 'invalid_activity: The body must be a JSON object (a Bot Framework activity).'],
    ['a string', 'message', 'invalid_activity: The body must be a JSON object (a Bot Framework activity).'],
    ['no type', { ...valid, type: undefined }, 'invalid_activity: type: Required'],
    ['a numeric type', { ...valid, type: 7 }, 'invalid_activity: type: Expected string, received number'],
    ['no conversation', { ...valid, conversation: undefined }, 'invalid_activity: conversation: Required'],
    ['an empty conversation id', { ...valid, conversation: { id: '' } }, 'invalid_activity: conversation.id: String must contain at least 1 character(s)'],
    ['no channelId', { ...valid, channelId: undefined }, 'invalid_activity: channelId: Required'],
    ['no from', { ...valid, from: undefined }, 'invalid_activity: from: Required'],
    ['text that is not a string', { ...valid, text: { a: 1 } }, 'invalid_activity: text: Expected string, received object'],
    ['text over the limit', { ...valid, text: 'x'.repeat(MAX_TEXT_CHARS + 1) }, `text_too_long: text: must be at most ${MAX_TEXT_CHARS} characters`],
    ['attachments that are not a list', { ...valid, attachments: 'x' }, 'invalid_activity: attachments: Expected array, received string'],
    ['no way to reply', { ...valid, serviceUrl: undefined }, 'invalid_activity: serviceUrl: required unless deliveryMode is expectReplies'],
    ['a serviceUrl that is no URL', { ...valid, serviceUrl: 'not a url' }, 'invalid_activity: serviceUrl: Invalid url'],
    ['a conversationUpdate with members', { ...valid, type: 'conversationUpdate', recipient: { id: 'bot' }, membersAdded: [{ id: '29:1' }, { id: 'bot' }] }, undefined],
    ['membersAdded that is not a list', { ...valid, type: 'conversationUpdate', membersAdded: 'everyone' }, 'invalid_activity: membersAdded: Expected array, received string'],
    ['a member without an id', { ...valid, type: 'conversationUpdate', membersAdded: [{ name: 'Ana' }] }, 'invalid_activity: membersAdded.0.id: Required'],
    ['a member that is null', { ...valid, type: 'conversationUpdate', membersAdded: [null] }, 'invalid_activity: membersAdded.0: Expected object, received null'],
    ['membersRemoved that is not a list', { ...valid, type: 'conversationUpdate', membersRemoved: {} }, 'invalid_activity: membersRemoved: Expected array, received object'],
    ['a recipient that is a string', { ...valid, recipient: 'bot' }, 'invalid_activity: recipient: Expected object, received string'],
    ['channelData that is a string', { ...valid, channelData: 'x' }, 'invalid_activity: channelData: Expected object, received string'],
    ['an attachment that is a number', { ...valid, attachments: [7] }, 'invalid_activity: attachments.0: Expected object, received number'],
    ['an entity that is null', { ...valid, entities: [null] }, 'invalid_activity: entities.0: Expected object, received null'],
    ['an id that is a number', { ...valid, id: 7 }, 'invalid_activity: id: Expected string, received number'],
    ['deep nesting', { ...valid, channelData: nested(40) }, 'invalid_activity: The activity is nested too deeply.'],
    ['a __proto__ key', JSON.parse('{"type":"message","__proto__":{"polluted":true}}'), 'invalid_activity: The activity has a __proto__ key.'],
  ])('%s', (_label, body, expected) => {
    const check = checkActivity(body);
    expect(check.ok ? undefined : `${check.error}: ${check.message}`).toBe(expected);
  });
});

describe('the quick path of checkActivity', () => {
  const member = { id: 'user-1', name: 'User' };
  // What channels send most turns: the quick path must take these without the schema.
  const everyday: Record<string, unknown>[] = [
    valid,
    { ...valid, serviceUrl: undefined, deliveryMode: 'expectReplies', locale: 'es-MX', id: 'c-1', recipient: { id: 'bot' } },
    { ...valid, type: 'conversationUpdate', text: undefined, membersAdded: [member], recipient: { id: 'bot', name: 'Bot' } },
    { ...valid, channelData: { clientActivityID: '1' }, entities: [{ type: 'clientInfo', locale: 'en-US' }], attachments: [{ contentType: 'image/png' }] },
  ];
  const oddValues: unknown[] = [undefined, null, 0, 7, true, '', 'x', 'x'.repeat(65), 'x'.repeat(513), 'not a url', 'https://ok.example/', [], [null], [{}], [{ id: '' }], [{ id: 'a' }], {}, { id: '' }, { id: 'a' }, { id: 7 }, new Date(0), new Map()];
  const fields = ['type', 'channelId', 'conversation', 'from', 'recipient', 'membersAdded', 'membersRemoved', 'id', 'replyToId', 'channelData', 'text', 'locale', 'attachments', 'entities', 'deliveryMode', 'serviceUrl'];

  it.each(everyday.map((body, index) => [index, body]))('takes everyday activity %s', (_index, body) => {
    expect(isPlainlyValid(body)).toBe(true);
    expect(checkActivity(body)).toEqual({ ok: true });
  });

  it('takes nothing the schema would refuse: every field of every everyday activity set to odd values', () => {
    let refusedBySchema = 0;
    for (const body of everyday) {
      for (const field of fields) {
        for (const value of oddValues) {
          const mutated = { ...body, [field]: value };
          const schema = checkWithSchema(mutated);
          if (!schema.ok) refusedBySchema += 1;
          if (isPlainlyValid(mutated)) expect([field, value, schema]).toEqual([field, value, { ok: true }]);
          expect(checkActivity(mutated)).toEqual(schema);
        }
      }
    }
    expect(refusedBySchema).toBeGreaterThan(500); // the mutations do reach the schema's refusals
  });

  it('leaves a class instance or a promise-like object to the schema', () => {
    expect(isPlainlyValid({ ...valid, channelData: new (class Data {})() })).toBe(false);
    expect(isPlainlyValid({ ...valid, then: () => undefined })).toBe(false);
  });
});

describe('findJsonProblem', () => {
  it.each<[string, unknown, number, string | undefined]>([
    ['a flat object', { a: 1 }, 3, undefined],
    ['nesting at the limit', nested(3), 3, undefined],
    ['nesting past the limit', nested(4), 3, 'too_deep'],
    ['arrays count as levels', [[[[1]]]], 3, 'too_deep'],
    ['100 000 levels, without overflowing our own stack', nested(100_000), 32, 'too_deep'],
    ['__proto__ inside an array', [JSON.parse('{"__proto__":{}}')], 3, 'forbidden_key'],
    ['scalars', 'text', 0, undefined],
  ])('%s', (_label, value, maxDepth, expected) => {
    expect(findJsonProblem(value, maxDepth)).toBe(expected);
  });
});

describe('clientAddress', () => {
  it.each<[string, string | undefined, string | string[] | undefined, number, string]>([
    ['no proxy: the socket address', '10.0.0.5', '1.2.3.4', 0, '10.0.0.5'],
    ['one proxy: the entry it appended', '10.0.0.1', '6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['two proxies', '10.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.2', 2, '203.0.113.9'],
    ['fewer entries than proxies: the leftmost', '10.0.0.1', '203.0.113.9', 3, '203.0.113.9'],
    ['a repeated header', '10.0.0.1', ['6.6.6.6', '203.0.113.9'], 1, '203.0.113.9'],
    ['a proxy was expected but no header came', '10.0.0.1', undefined, 1, '10.0.0.1'],
    ['an empty header', '10.0.0.1', ' , ', 1, '10.0.0.1'],
    ['no address at all', undefined, undefined, 0, 'unknown'],
  ])('%s', (_label, remote, forwarded, hops, expected) => {
    expect(clientAddress(remote, forwarded, hops)).toBe(expected);
  });
});

describe('createRateLimits', () => {
  it('allows the configured number per minute, then says how long to wait', async () => {
    const limits = createRateLimits({ conversationTurnsPerMinute: 2, clientRequestsPerMinute: 3, trustProxyHops: 0 });
    const turns = [];
    for (let i = 0; i < 3; i += 1) turns.push(await limits.consumeConversationTurn('test', 'c1'));
    expect(turns.map((verdict) => verdict.allowed)).toEqual([true, true, false]);
    expect(turns[2]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect((turns[2] as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Other conversations, and the same id on another channel, have their own count.
    await expect(limits.consumeConversationTurn('test', 'c2')).resolves.toEqual({ allowed: true });
    await expect(limits.consumeConversationTurn('sms', 'c1')).resolves.toEqual({ allowed: true });
    const clients = [];
    for (let i = 0; i < 4; i += 1) clients.push((await limits.consumeClientRequest('203.0.113.9')).allowed);
    expect(clients).toEqual([true, true, true, false]);
  });
});
