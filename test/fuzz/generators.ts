// Deterministic hostile requests: the same seed always yields the same requests, so a failure
// found once can be replayed (FUZZ_SEED) and a fix proved.

import { seededRandom, type Random } from '../../knowledge/seededRandom';

export { seededRandom, type Random };

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

// Text a person might type, and text nobody should.
export const ODD_TEXTS: readonly string[] = [
  'hi', 'hola', 'yes', 'no', 'sí', 'help', 'ayuda', 'español', 'english', 'quit', 'stop', 'start', 'human',
  'I bruise easily and feel tired', 'tengo fiebre y moretones', 'what is a petechia?', 'no fever tho',
  "I can't breathe", '1', '2', '99', '', ' ', '\n\n\t',
  '\uD800', 'abc\uDFFFdef', '\uDBFF\uDFFF', '\u202Etxet lanigiro\u202C', '\u200B\u200C\u200D\uFEFF', 'مرحبا، أشعر بالتعب',
  'שלום', 'Z̴̡̛̖͉̈́a̷̢̩̓l̶̞̈́g̸̰̈o̵͎̍', '🩸🦴🤒👩🏽‍⚕️', '\u0000nul\u0000', '<script>alert(1)</script>', '{{organization}}',
  '$t(welcome.notice)', '__proto__', 'constructor', '%s%s%s%n', '../../etc/passwd', 'x'.repeat(4_999), 'ñ'.repeat(100_000),
];
const ACTIVITY_TYPES = [
  'message', 'message', 'message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation',
  'messageReaction', 'installationUpdate', 'contactRelationUpdate', 'deleteUserData', 'messageUpdate', 'handoff',
  'trace', 'somethingNew', 'MESSAGE', ' message',
];
const CHANNELS = ['test', 'emulator', 'msteams', 'webchat', 'directline', 'sms', 'slack', '💬'];
const LOCALES = ['en-US', 'es-US', 'es', 'en', 'fr-FR', 'xx', '', 'en-US-u-ca-buddhist', '../../secrets', 'ES-mx'];
const CONTENT_TYPES = [
  'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz',
  'application/octet-stream', 'image/png', 'application/jsonp', 'json', '', 'application/json; charset=utf-16',
];

function randomJson(random: Random, depth = 0): unknown {
  switch (depth > 3 ? int(random, 0, 3) : int(random, 0, 6)) {
    case 0: return null;
    case 1: return random() < 0.5;
    case 2: return pick(random, [0, -1, 1e308, Number.MAX_SAFE_INTEGER, 3.14]);
    case 3: return pick(random, ODD_TEXTS.slice(0, 40));
    case 4: return Array.from({ length: int(random, 0, 3) }, () => randomJson(random, depth + 1));
    default: return Object.fromEntries(Array.from({ length: int(random, 0, 3) }, (_, i) => [`k${i}`, randomJson(random, depth + 1)]));
  }
}

function nestedValue(depth: number, asArray: boolean): string {
  return asArray ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A plausible activity for one of `conversations`, varied in every field the bot looks at. */
export function plausibleActivity(random: Random, conversations: number, sinkUrl: string): Record<string, unknown> {
  const conversationId = `fuzz-${int(random, 1, conversations)}`;
  const expectReplies = random() < 0.85;
  const type = pick(random, ACTIVITY_TYPES);
  const activity: Record<string, unknown> = {
    type,
    id: `act-${int(random, 1, 1e9)}`,
    channelId: pick(random, CHANNELS),
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: pick(random, ['Ana', '', '\u202EnaA', 'x'.repeat(300)]) },
    recipient: { id: 'bot', name: 'bot' },
    locale: pick(random, LOCALES),
    timestamp: pick(random, [new Date(0).toISOString(), 'not a date', '2099-13-45T99:99:99Z']),
    serviceUrl: expectReplies && random() < 0.5 ? undefined : sinkUrl,
    ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
  };
  if (type === 'message' || random() < 0.3) activity.text = pick(random, ODD_TEXTS);
  if (random() < 0.2) activity.attachments = [{ contentType: pick(random, ['image/png', 'application/vnd.microsoft.card.adaptive', 'x']), content: randomJson(random), name: 'x.png' }];
  if (random() < 0.2) activity.value = randomJson(random);
  if (random() < 0.15) activity.channelData = randomJson(random);
  if (random() < 0.1) activity.entities = [randomJson(random)];
  if (random() < 0.1) activity.name = pick(random, ['adaptiveCard/action', 'task/fetch', 'signin/verifyState', 'webchat/join', '']);
  if (type === 'conversationUpdate') activity.membersAdded = [{ id: `user-${conversationId}` }, { id: 'bot' }];
  if (random() < 0.1) activity.suggestedActions = randomJson(random);
  return activity;
}

const json = (body: unknown): Pick<FuzzRequest, 'headers' | 'body'> => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** One hostile request for POST /api/messages (or its neighbours). */
export function messagesRequest(random: Random, sinkUrl: string): FuzzRequest {
  const base = plausibleActivity(random, 60, sinkUrl);
  const path = '/api/messages';
  const roll = random();
  if (roll < 0.3) return { kind: 'plausible', method: 'POST', path, ...json(base) };
  if (roll < 0.4) {
    const keys = Object.keys(base);
    for (const key of keys) if (random() < 0.3) delete base[key];
    return { kind: 'missing-fields', method: 'POST', path, ...json(base) };
  }
  if (roll < 0.5) {
    const key = pick(random, [...Object.keys(base), 'conversation', 'from', 'text', 'attachments', 'type']);
    base[key] = randomJson(random);
    if (random() < 0.3) base.conversation = { id: randomJson(random) };
    return { kind: 'wrong-types', method: 'POST', path, ...json(base) };
  }
  if (roll < 0.57) {
    const text = JSON.stringify(base);
    const body = random() < 0.5 ? text.slice(0, int(random, 0, text.length - 1)) : pick(random, ['{', '}', 'null', 'undefined', "{'a':1}", '{"a":1,}', 'NaN', '\uFEFF{}', '[]', '""', '1e999']);
    return { kind: 'malformed-json', method: 'POST', path, headers: { 'content-type': 'application/json' }, body };
  }
  if (roll < 0.63) {
    const contentType = pick(random, CONTENT_TYPES);
    return { kind: 'content-type', method: 'POST', path, headers: contentType ? { 'content-type': contentType } : {}, body: JSON.stringify(base) };
  }
  if (roll < 0.64) {
    return { kind: 'huge', method: 'POST', path, ...json({ ...base, padding: 'x'.repeat(int(random, 262_144, 400_000)) }) };
  }
  if (roll < 0.7) {
    const nested = nestedValue(int(random, 30, 20_000), random() < 0.5);
    const field = pick(random, ['channelData', 'value', 'text', 'attachments', 'conversation', 'entities']);
    const text = JSON.stringify({ ...base, [field]: '@@NESTED@@' }).replace('"@@NESTED@@"', nested);
    return { kind: 'deep', method: 'POST', path, headers: { 'content-type': 'application/json' }, body: random() < 0.2 ? nested : text };
  }
  if (roll < 0.75) {
    const raw = Buffer.from(JSON.stringify(base));
    for (let i = 0; i < 4; i += 1) raw[int(random, 0, raw.length - 1)] = int(random, 0x80, 0xff); // invalid UTF-8
    return { kind: 'bad-bytes', method: 'POST', path, headers: { 'content-type': 'application/json' }, body: raw };
  }
  if (roll < 0.79) {
    const body = pick(random, [
      '{"__proto__":{"isAdmin":true},"type":"message"}',
      JSON.stringify(base).replace('{', '{"__proto__":{"type":"invoke"},'),
      JSON.stringify({ ...base, constructor: { prototype: { polluted: true } } }),
    ]);
    return { kind: 'proto', method: 'POST', path, headers: { 'content-type': 'application/json' }, body };
  }
  if (roll < 0.85) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    headers[pick(random, ['accept', 'authorization', 'content-encoding', 'x-request-id', 'x-forwarded-for', 'transfer-encoding-x'])] = pick(random, [
      'image/png', 'Bearer garbage', 'Bearer ' + 'a'.repeat(2000), 'gzip', 'deflate', 'br', 'x\u00ff', '*/*;q=0', 'text/html',
    ]);
    return { kind: 'odd-headers', method: 'POST', path, headers, body: JSON.stringify(base) };
  }
  if (roll < 0.9) {
    return { kind: 'method', method: pick(random, ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']), path, ...json(base) };
  }
  if (roll < 0.93) {
    const other = pick(random, ['/api/messages/', '/api/messages?x=%ff', '/api/MESSAGES', '/api/messages/../healthz', '/%2e%2e/%00', '/v3/conversations', '/readyz?x=1', '/metrics']);
    return { kind: 'paths', method: pick(random, ['GET', 'POST']), path: other, ...json(base) };
  }
  if (roll < 0.97) {
    base.type = 'message';
    delete base.text;
    base.attachments = Array.from({ length: int(random, 1, 3) }, () => ({ contentType: 'image/jpeg', contentUrl: 'http://127.0.0.1:9/x.jpg', name: 'photo.jpg' }));
    return { kind: 'attachments-only', method: 'POST', path, ...json(base) };
  }
  return { kind: 'empty-body', method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '' };
}

/** One request for the local Direct Line endpoint, with a valid token for `conversationId` most of the time. */
export function directLineRequest(random: Random, token: string, conversationId: string): FuzzRequest {
  const auth = random() < 0.8 ? `Bearer ${token}` : pick(random, ['', 'Bearer', 'Bearer x.y.z', `Basic ${token}`, 'Bearer ' + 'é'.repeat(50)]);
  const conversation = random() < 0.85 ? conversationId : pick(random, ['nope', '%00', 'x'.repeat(600), '..']);
  const headers: Record<string, string> = auth ? { authorization: auth } : {};
  const roll = random();
  if (roll < 0.6) {
    const activity: Record<string, unknown> = {
      type: pick(random, ['message', 'message', 'event', 'invoke', 'typing', 'x']),
      text: pick(random, ODD_TEXTS),
      locale: pick(random, LOCALES),
      from: { id: 'ignored', name: pick(random, ['Ana', '']) },
    };
    if (random() < 0.3) activity.value = randomJson(random);
    if (random() < 0.2) activity.channelData = randomJson(random);
    if (random() < 0.2) activity.name = pick(random, ['webchat/join', '', 'x']);
    const body = random() < 0.8 ? JSON.stringify(activity) : pick(random, ['{', '[]', 'null', nestedValue(5_000, true)]);
    return { kind: 'dl-activity', method: 'POST', path: `/v3/directline/conversations/${encodeURIComponent(conversation)}/activities`, headers: { ...headers, 'content-type': pick(random, ['application/json', 'application/json', 'text/plain']) }, body };
  }
  if (roll < 0.75) {
    return { kind: 'dl-poll', method: 'GET', path: `/v3/directline/conversations/${encodeURIComponent(conversation)}/activities?watermark=${pick(random, ['0', '-1', 'abc', '99999999999', '1e3', ''])}`, headers };
  }
  const path = pick(random, ['/v3/directline/conversations', '/v3/directline/tokens/refresh', '/v3/directline/tokens/generate', `/v3/directline/conversations/${conversation}`, '/webchat/session']);
  return { kind: 'dl-other', method: pick(random, ['GET', 'POST', 'DELETE']), path, headers: { ...headers, 'content-type': 'application/json' }, body: pick(random, ['', '{}', '{"locale":"xx-invalid-!!"}', '{"locale":"es-US"}', '[']) };
}

/** One request for the Twilio webhook; `sign` adds a valid signature for the fields. */
export function smsRequest(random: Random, sign: (params: Record<string, string>) => string): FuzzRequest {
  const params: Record<string, string> = {
    From: pick(random, ['+15555550100', '+15555550101', '+15555550102', '', '+1', 'whatsapp:+15555550100', 'x'.repeat(100)]),
    To: '+15555550999',
    Body: pick(random, ODD_TEXTS.slice(0, 42)),
    MessageSid: `SM${int(random, 1, 1e9)}`,
  };
  if (random() < 0.2) delete params[pick(random, ['From', 'Body', 'To'])];
  const body = new URLSearchParams(params).toString();
  const roll = random();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (roll < 0.7) headers['x-twilio-signature'] = sign(params);
  else if (roll < 0.85) headers['x-twilio-signature'] = pick(random, ['', 'bogus', 'a'.repeat(500)]);
  if (random() < 0.1) headers['content-type'] = pick(random, ['application/json', 'text/plain', 'multipart/form-data; boundary=x']);
  return { kind: roll < 0.7 ? 'sms-signed' : 'sms-unsigned', method: 'POST', path: '/api/sms', headers, body: random() < 0.05 ? 'x'.repeat(70_000) : body };
}
