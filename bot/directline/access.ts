import { bearerToken, TokenClaims, verifyToken } from './token';

export type Access =
  | { ok: true; claims: TokenClaims }
  | { ok: false; status: 401 | 403; code: string; message: string };

/**
 * Who may touch a conversation: only the holder of an unexpired token signed for it. Checked
 * before the conversation is looked up, so a stranger cannot learn which ids exist.
 */
export function checkAccess(
  authorization: string | undefined,
  conversationId: string | undefined,
  secret: string,
  nowSeconds: number,
): Access {
  const token = bearerToken(authorization);
  if (!token) return { ok: false, status: 401, code: 'TokenMissing', message: 'Authorization: Bearer <token> is required' };
  const check = verifyToken(token, secret, nowSeconds);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, status: 403, code: 'TokenExpired', message: 'The token has expired' }
      : { ok: false, status: 403, code: 'TokenInvalid', message: 'The token is not valid' };
  }
  if (conversationId !== undefined && check.claims.conversationId !== conversationId) {
    return { ok: false, status: 403, code: 'TokenNotForConversation', message: 'The token is for another conversation' };
  }
  return { ok: true, claims: check.claims };
}
