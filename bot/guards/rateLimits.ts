import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counters per client address and per conversation, one minute windows, in this process. */
export interface RateLimits {
  consumeClientRequest(address: string): Promise<RateVerdict>;
  consumeConversationTurn(channelId: string, conversationId: string): Promise<RateVerdict>;
}

// In memory, so each instance counts on its own: with N instances behind a balancer a client
// gets up to N times the limit. Good enough against floods; the limits are not a quota.
export function createRateLimits(limits: Config['rateLimits']): RateLimits {
  const clients = new RateLimiterMemory({ points: limits.clientRequestsPerMinute, duration: 60 });
  const conversations = new RateLimiterMemory({ points: limits.conversationTurnsPerMinute, duration: 60 });
  return {
    consumeClientRequest: (address) => consume(clients, address),
    consumeConversationTurn: (channelId, conversationId) => consume(conversations, `${channelId}\n${conversationId}`),
  };
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<RateVerdict> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    // The limiter rejects with its result object when the key is over the limit.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}
