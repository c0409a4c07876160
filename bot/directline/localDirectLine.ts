import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity, ActivityHandlerBase } from 'botbuilder';
import type { CheckAdapter } from '../adapter';
import { LRUCache } from 'lru-cache';
import { botActivity, ClientActivity, ConversationAddress, conversationStart, isForThePerson, userActivity } from './activities';
import type { Conversation, ConversationStore } from './store';
import { SerialQueue } from './serialQueue';
import { signToken, TokenClaims } from './token';

export interface LocalDirectLineDeps {
  adapter: Pick<CheckAdapter, 'processInternal'>;
  bot: Pick<ActivityHandlerBase, 'run'>;
  store: ConversationStore;
  tokenSecret: string;
  tokenTtlSeconds: number;
  botId: string;
  botName: string;
  nowSeconds?: () => number;
  /** Per-conversation turn queues kept in this process; DIRECT_LINE_MAX_CONVERSATIONS. */
  maxOpenQueues?: number;
}

/** The answer to generate, start, reconnect and refresh: Direct Line 3.0's conversation object. */
export interface ConversationGrant {
  conversationId: string;
  token: string;
  expires_in: number;
  /** Not part of Direct Line; the page passes it to Web Chat as userID so they agree. */
  userId: string;
}

/**
 * Direct Line 3.0 as Web Chat uses it with `webSocket: false`, served by the bot itself, so a
 * local run or a single-instance deployment needs no Azure resource. Every turn goes through the
 * same adapter, middleware and bot as /api/messages.
 */
export class LocalDirectLine {
  private readonly nowSeconds: () => number;
  // Turns of one conversation run one at a time within an instance, so its echoes and replies
  // keep their order; across instances each turn saves with the eTag it read, and one that finds
  // a newer state is run again on it (bot/storage/runUntilSaved.ts), so no answer is lost.
  private readonly queues: LRUCache<string, SerialQueue>;

  constructor(private readonly deps: LocalDirectLineDeps) {
    this.nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    this.queues = new LRUCache<string, SerialQueue>({ max: deps.maxOpenQueues ?? 10_000 });
  }

  /** A token for a new conversation; nothing is stored until the client starts it. */
  issueToken(): ConversationGrant {
    return this.grant({
      conversationId: randomBytes(16).toString('base64url'),
      // Azure's enhanced authentication expects user ids that start with dl_; we keep the form.
      userId: `dl_${randomUUID()}`,
    });
  }

  /** A fresh token for the same conversation and person. */
  grant(who: Pick<TokenClaims, 'conversationId' | 'userId'>): ConversationGrant {
    const expiresAt = this.nowSeconds() + this.deps.tokenTtlSeconds;
    return {
      conversationId: who.conversationId,
      token: signToken({ conversationId: who.conversationId, userId: who.userId, expiresAt }, this.deps.tokenSecret),
      expires_in: this.deps.tokenTtlSeconds,
      userId: who.userId,
    };
  }

  find(conversationId: string): Promise<Conversation | undefined> {
    return this.deps.store.get(conversationId);
  }

  /**
   * Opens the conversation on first call and tells the bot the person joined, waiting for the
   * greeting so the client's first poll already shows it. Later calls are reconnects.
   */
  async start(claims: TokenClaims, locale: string | undefined): Promise<{ created: boolean }> {
    const conversation = (await this.deps.store.get(claims.conversationId)) ?? (await this.deps.store.create(claims.conversationId, claims.userId, locale));
    if (!(await this.deps.store.claimStart(conversation.id))) return { created: false };
    await this.queue(conversation.id).run(() => this.runTurn(conversation, conversationStart(this.address(conversation), conversation.locale)));
    return { created: true };
  }

  /** Echoes the person's activity into the stream, runs the turn, and returns the echo's id. */
  async post(conversation: Conversation, client: ClientActivity): Promise<string> {
    return this.queue(conversation.id).run(async () => {
      // Read again inside the queue: the turn before this one may have changed the locale.
      const stored = (await this.deps.store.get(conversation.id)) ?? conversation;
      if (client.locale && client.locale !== stored.locale) await this.deps.store.setLocale(conversation.id, client.locale);
      const current = { ...stored, locale: client.locale ?? stored.locale };
      const echo = await this.deps.store.append(current, userActivity(client, this.address(current), current.locale));
      await this.runTurn(current, echo);
      return echo.id;
    });
  }

  activities(conversation: Conversation, watermark: unknown) {
    return this.deps.store.activitiesAfter(conversation.id, watermark);
  }

  private queue(conversationId: string): SerialQueue {
    let queue = this.queues.get(conversationId);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(conversationId, queue);
    }
    return queue;
  }

  private async runTurn(conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    const replies = await this.deps.adapter.processInternal(activity, (context) => this.deps.bot.run(context));
    for (const reply of replies.filter(isForThePerson)) {
      await this.deps.store.append(conversation, botActivity(reply, this.address(conversation)));
    }
  }

  private address(conversation: Conversation): ConversationAddress {
    return { conversationId: conversation.id, userId: conversation.userId, botId: this.deps.botId, botName: this.deps.botName };
  }
}
