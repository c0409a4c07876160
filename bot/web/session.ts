import { randomBytes, randomUUID } from 'node:crypto';
import type restify from 'restify';
import { FetchLike, generateAzureToken } from '../directline/azure';
import { LocalDirectLine } from '../directline/localDirectLine';
import { registerDirectLineRoutes } from '../directline/routes';
import { MemoryConversationStore } from '../directline/memoryConversationStore';
import { RedisConversationStore } from '../directline/redisConversationStore';
import type { ConversationStore } from '../directline/store';
import { RedisStorage } from '../storage/redisStorage';
import type { ServerDeps } from '../server';

/** What a page's script gets from POST /webchat/session to open its Direct Line connection. */
export interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  /** Azure's Direct Line; absent for the bot's own endpoint, which the page finds at /v3/directline. */
  domain?: string;
  webSocket: boolean;
}

export type SessionIssuer = () => Promise<ChatSession>;

/** Serves Direct Line from this process and issues sessions for it. */
export function localSessions(server: restify.Server, deps: ServerDeps): SessionIssuer {
  const { web } = deps.config;
  // A random key per process only where conversations live in its memory; loadConfig requires
  // DIRECT_LINE_TOKEN_SECRET with STATE_STORE=redis so every instance accepts every token.
  const tokenSecret = web.directLine.tokenSecret ?? randomBytes(32).toString('base64url');
  const directLine = new LocalDirectLine({
    adapter: deps.adapter,
    bot: deps.bot,
    store: conversationStore(deps),
    maxOpenQueues: web.directLine.maxConversations,
    tokenSecret,
    tokenTtlSeconds: web.directLine.tokenTtlSeconds,
    botId: deps.config.microsoftApp.id ?? 'symptom-check-bot',
    botName: web.botName,
  });
  registerDirectLineRoutes(server, { directLine, tokenSecret, rateLimits: deps.rateLimits });
  return async () => {
    const grant = directLine.issueToken();
    return { token: grant.token, conversationId: grant.conversationId, userId: grant.userId, expiresIn: grant.expires_in, webSocket: false };
  };
}

/** In Redis next to the state when the state is there, so any instance serves any poll or post. */
function conversationStore(deps: ServerDeps): ConversationStore {
  const { web, state } = deps.config;
  if (deps.storage instanceof RedisStorage) {
    return new RedisConversationStore({
      client: deps.storage.connection,
      ttlSeconds: state.ttlSeconds,
      maxActivitiesPerConversation: web.directLine.maxActivitiesPerConversation,
    });
  }
  return new MemoryConversationStore({
    maxConversations: web.directLine.maxConversations,
    maxActivitiesPerConversation: web.directLine.maxActivitiesPerConversation,
    idleMs: web.directLine.tokenTtlSeconds * 1000,
  });
}

/** Issues sessions on Azure's Direct Line, trading the secret for a one-conversation token. */
export function azureSessions(web: ServerDeps['config']['web'], fetchFn: FetchLike): SessionIssuer {
  return async () => {
    const userId = `dl_${randomUUID()}`;
    const token = await generateAzureToken(fetchFn, {
      endpoint: web.directLine.endpoint,
      secret: web.directLine.secret ?? '',
      userId,
      trustedOrigins: web.allowedOrigins,
    });
    return { token: token.token, conversationId: token.conversationId, userId, expiresIn: token.expiresIn, domain: web.directLine.endpoint, webSocket: true };
  };
}
