import { randomBytes } from 'node:crypto';
import type { ActivityHandlerBase, Storage } from 'botbuilder';
import type { CheckAdapter } from '../adapter';
import type { Config } from '../config';
import { RedisStorage } from '../storage/redisStorage';
import { LocalDirectLine } from './localDirectLine';
import { MemoryConversationStore } from './memoryConversationStore';
import { RedisConversationStore } from './redisConversationStore';
import type { ConversationStore } from './store';

export interface LocalDirectLineSetup {
  config: Pick<Config, 'web' | 'state' | 'microsoftApp'>;
  adapter: CheckAdapter;
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** The bot's storage: with Redis, conversations are kept next to the state. */
  storage?: Storage;
}

/** The bot's own Direct Line and the key its tokens are signed with. */
export function createLocalDirectLine(setup: LocalDirectLineSetup): { directLine: LocalDirectLine; tokenSecret: string } {
  const { web } = setup.config;
  // A random key per process only where conversations live in its memory; loadConfig requires
  // DIRECT_LINE_TOKEN_SECRET with STATE_STORE=redis so every instance accepts every token.
  const tokenSecret = web.directLine.tokenSecret ?? randomBytes(32).toString('base64url');
  const directLine = new LocalDirectLine({
    adapter: setup.adapter,
    bot: setup.bot,
    store: conversationStore(setup),
    maxOpenQueues: web.directLine.maxConversations,
    tokenSecret,
    tokenTtlSeconds: web.directLine.tokenTtlSeconds,
    botId: setup.config.microsoftApp.id ?? 'symptom-check-bot',
    botName: web.botName,
  });
  return { directLine, tokenSecret };
}

/** In Redis next to the state when the state is there, so any instance serves any poll or post. */
function conversationStore(setup: LocalDirectLineSetup): ConversationStore {
  const { web, state } = setup.config;
  if (setup.storage instanceof RedisStorage) {
    return new RedisConversationStore({
      client: setup.storage.connection,
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
