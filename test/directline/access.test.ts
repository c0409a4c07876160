import { checkAccess } from '../../bot/directline/access';
import { signToken } from '../../bot/directline/token';

const SECRET = 's'.repeat(32);
const valid = `Bearer ${signToken({ conversationId: 'c1', userId: 'dl_u', expiresAt: 100 }, SECRET)}`;
const expired = `Bearer ${signToken({ conversationId: 'c1', userId: 'dl_u', expiresAt: 10 }, SECRET)}`;
const foreignKey = `Bearer ${signToken({ conversationId: 'c1', userId: 'dl_u', expiresAt: 100 }, 'x'.repeat(32))}`;

describe('checkAccess', () => {
  it.each<[string, string | undefined, string | undefined, { ok: boolean; status?: number; code?: string }]>([
    ['no header', undefined, 'c1', { ok: false, status: 401, code: 'TokenMissing' }],
    ['another scheme', 'Basic abc', 'c1', { ok: false, status: 401, code: 'TokenMissing' }],
    ['garbage', 'Bearer nonsense', 'c1', { ok: false, status: 403, code: 'TokenInvalid' }],
    ['signed by someone else', foreignKey, 'c1', { ok: false, status: 403, code: 'TokenInvalid' }],
    ['expired', expired, 'c1', { ok: false, status: 403, code: 'TokenExpired' }],
    ['for another conversation', valid, 'c2', { ok: false, status: 403, code: 'TokenNotForConversation' }],
    ['for this conversation', valid, 'c1', { ok: true }],
    ['with no conversation in the URL', valid, undefined, { ok: true }],
  ])('%s', (_name, header, conversationId, expected) => {
    const access = checkAccess(header, conversationId, SECRET, 50);
    expect(access).toMatchObject(expected);
  });

  it('returns the claims of a good token', () => {
    expect(checkAccess(valid, 'c1', SECRET, 50)).toEqual({ ok: true, claims: { conversationId: 'c1', userId: 'dl_u', expiresAt: 100 } });
  });
});
