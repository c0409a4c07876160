/**
 * Production Web Chat: Azure Bot Service's Direct Line carries the conversation, and the bot
 * only hands the page a short-lived token for one conversation. The secret stays on the server
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-authentication).
 */

/** The part of `fetch` we use, so tests can pass a fake and nothing reaches the network. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface ConversationToken {
  conversationId: string;
  token: string;
  expiresIn: number;
}

export class DirectLineTokenError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface AzureTokenRequest {
  /** e.g. https://directline.botframework.com/v3/directline (or a regional endpoint). */
  endpoint: string;
  secret: string;
  /** Bound into the token, so Azure rejects activities that claim to be someone else. */
  userId: string;
  /** With enhanced authentication on, Azure accepts the token only from these origins. */
  trustedOrigins?: string[];
  timeoutMs?: number;
}

export async function generateAzureToken(fetchFn: FetchLike, request: AzureTokenRequest): Promise<ConversationToken> {
  const response = await fetchFn(`${request.endpoint}/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${request.secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: request.userId }, ...(request.trustedOrigins ? { trustedOrigins: request.trustedOrigins } : {}) }),
    signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
  });
  if (!response.ok) {
    // The body may echo details of our bot registration; the status is enough to act on.
    throw new DirectLineTokenError(`Direct Line token request failed with HTTP ${response.status}`, response.status);
  }
  const body = (await response.json()) as Record<string, unknown> | null;
  const conversationId = body?.conversationId;
  const token = body?.token;
  const expiresIn = body?.expires_in;
  if (typeof conversationId !== 'string' || typeof token !== 'string' || typeof expiresIn !== 'number') {
    throw new DirectLineTokenError('Direct Line token response was not {conversationId, token, expires_in}');
  }
  return { conversationId, token, expiresIn };
}
