import { createHmac } from 'node:crypto';
import { bearerToken, signToken, TokenClaims, verifyToken } from '../../bot/directline/token';

const SECRET = 'a'.repeat(32);
const claims: TokenClaims = { conversationId: 'conv-1', userId: 'dl_user', expiresAt: 1_000 };
const token = signToken(claims, SECRET);
const [header, payload, mac] = token.split('.') as [string, string, string];
const forged = (body: unknown) => `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${mac}`;
const signedWithKey = (body: string) => `${header}.${body}.${createHmac('sha256', SECRET).update(`${header}.${body}`).digest('base64url')}`;

describe('verifyToken', () => {
  it.each<[string, string, string, number, ReturnType<typeof verifyToken>]>([
    ['a fresh token', token, SECRET, 999, { ok: true, claims }],
    ['one second before expiry', token, SECRET, 999, { ok: true, claims }],
    ['at the expiry second', token, SECRET, 1_000, { ok: false, reason: 'expired' }],
    ['after expiry', token, SECRET, 5_000, { ok: false, reason: 'expired' }],
    ['another secret', token, 'b'.repeat(32), 999, { ok: false, reason: 'bad-signature' }],
    ['a changed payload with the old signature', forged({ conv: 'conv-2', user: 'dl_user', exp: 1_000 }), SECRET, 999, { ok: false, reason: 'bad-signature' }],
    ['a changed signature', `${header}.${payload}.${mac.slice(0, -2)}AA`, SECRET, 999, { ok: false, reason: 'bad-signature' }],
    ['no signature', `${header}.${payload}`, SECRET, 999, { ok: false, reason: 'malformed' }],
    ['four parts', `${token}.x`, SECRET, 999, { ok: false, reason: 'malformed' }],
    ['an unsigned JWT (alg none)', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`, SECRET, 999, { ok: false, reason: 'malformed' }],
    ['empty', '', SECRET, 999, { ok: false, reason: 'malformed' }],
  ])('%s', (_name, given, secret, now, expected) => {
    expect(verifyToken(given, secret, now)).toEqual(expected);
  });

  it.each([
    ['not JSON', 'bm90IGpzb24'],
    ['missing user', Buffer.from(JSON.stringify({ conv: 'x', exp: 5 })).toString('base64url')],
    ['expiry as text', Buffer.from(JSON.stringify({ conv: 'x', user: 'y', exp: '5' })).toString('base64url')],
  ])('a correctly signed but %s payload is malformed', (_name, body) => {
    expect(verifyToken(signedWithKey(body), SECRET, 0)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('is a JWT whose user claim Web Chat can read', () => {
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({ conv: 'conv-1', user: 'dl_user', exp: 1_000 });
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('gives each conversation its own token', () => {
    expect(signToken({ ...claims, conversationId: 'conv-2' }, SECRET)).not.toBe(token);
  });
});

describe('bearerToken', () => {
  it.each<[string | undefined, string | undefined]>([
    ['Bearer abc.def', 'abc.def'],
    ['bearer abc.def', 'abc.def'],
    ['Bearer   abc.def  ', 'abc.def'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p → %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
