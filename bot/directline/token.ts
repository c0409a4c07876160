import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a local Direct Line token grants: one conversation, as one user, until a time. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

// A JWT (HS256) like Azure's Direct Line tokens, because Web Chat reads the `user` claim from the
// token to learn who it speaks for; any other user id starting with dl_ it replaces with a random one.
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const signature = (signed: string, secret: string) => createHmac('sha256', secret).update(signed).digest('base64url');

export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ conv: claims.conversationId, user: claims.userId, exp: claims.expiresAt })).toString('base64url');
  return `${HEADER}.${payload}.${signature(`${HEADER}.${payload}`, secret)}`;
}

export function verifyToken(token: string, secret: string, nowSeconds: number): TokenCheck {
  const [header, payload, mac, ...rest] = token.split('.');
  if (header !== HEADER || !payload || !mac || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const given = Buffer.from(mac);
  // Constant-time comparison so the signature cannot be guessed byte by byte.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function parseClaims(payload: string): TokenClaims | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined; // only reachable with the signing key, i.e. never from a browser
  }
  const { conv, user, exp } = (decoded ?? {}) as Record<string, unknown>;
  if (typeof conv !== 'string' || typeof user !== 'string' || typeof exp !== 'number') return undefined;
  return { conversationId: conv, userId: user, expiresAt: exp };
}

/** Reads `Authorization: Bearer <token>`; undefined when the header is missing or another scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
