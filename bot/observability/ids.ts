import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Conversation ids can carry a phone number (SMS) or a Teams user id, so logs get a keyed hash:
 * stable within a deployment (LOG_ID_SALT) for following one conversation, not reversible by
 * hashing every phone number. Without a salt the key is random per process.
 */
export function createIdHasher(salt: string | undefined): (id: string | undefined) => string | undefined {
  const key = salt ?? randomBytes(32).toString('hex');
  // A conversation is logged turn after turn; an HMAC per log line showed up in the profile.
  const recent = new LRUCache<string, string>({ max: 10_000 });
  return (id) => {
    if (id === undefined) return undefined;
    let hashed = recent.get(id);
    if (hashed === undefined) {
      hashed = createHmac('sha256', key).update(id).digest('hex').slice(0, 16);
      recent.set(id, hashed);
    }
    return hashed;
  };
}

// Accepted from the caller only when it cannot smuggle anything into a log line or a header.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when it is safe to echo, otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The turn-state key under which /api/messages leaves the HTTP request's id for the turn's log
 * line. A turn-state entry rather than an AsyncLocalStorage scope: an active AsyncLocalStorage
 * puts a hook on every promise, and botbuilder makes dozens per turn (about 4% of a turn).
 */
export const REQUEST_ID = Symbol('requestId');
