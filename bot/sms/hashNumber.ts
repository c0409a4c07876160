import { createHmac } from 'node:crypto';

/**
 * The id a phone number is known by everywhere past the webhook: keyed, so a stored or logged id
 * cannot be turned back into a number by hashing every number there is.
 */
export function hashNumber(phoneNumber: string, secret: string): string {
  return createHmac('sha256', secret).update(phoneNumber.trim()).digest('hex');
}
