import { LRUCache } from 'lru-cache';
import { ActivityLog, activitiesAfter, activityId, appendToLog, emptyLog, nextSeq, StreamActivity } from './activityLog';
import { Conversation, ConversationStore, nextTimestamp, StoreLimits } from './store';

interface OpenConversation extends Conversation {
  locale: string | undefined;
  log: ActivityLog;
  started: boolean;
  lastTimestampMs: number;
}

// A copy, so callers cannot change the stored conversation behind the store's back.
const who = ({ id, userId, locale }: OpenConversation): Conversation => ({ id, userId, locale });

/**
 * Conversations in this process's memory, bounded twice so memory cannot grow without end: at
 * most `maxConversations` (least recently used dropped first) and `maxActivitiesPerConversation` each.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly conversations: LRUCache<string, OpenConversation>;

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.conversations = new LRUCache<string, OpenConversation>({
      max: limits.maxConversations,
      ttl: limits.idleMs,
      updateAgeOnGet: true,
    });
  }

  get size(): number {
    return this.conversations.size;
  }

  async get(conversationId: string): Promise<Conversation | undefined> {
    const open = this.conversations.get(conversationId);
    return open && who(open);
  }

  async create(conversationId: string, userId: string, locale: string | undefined): Promise<Conversation> {
    const open = this.conversations.get(conversationId);
    if (open) return who(open);
    this.conversations.set(conversationId, { id: conversationId, userId, locale, log: emptyLog, started: false, lastTimestampMs: 0 });
    return { id: conversationId, userId, locale };
  }

  async claimStart(conversationId: string): Promise<boolean> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || conversation.started) return false;
    conversation.started = true;
    return true;
  }

  async setLocale(conversationId: string, locale: string): Promise<void> {
    const conversation = this.conversations.get(conversationId);
    if (conversation) conversation.locale = locale;
  }

  async append(target: Conversation, activity: Partial<StreamActivity>): Promise<StreamActivity> {
    // A conversation dropped by the bounds meanwhile is opened again rather than lost mid-turn.
    if (!this.conversations.has(target.id)) await this.create(target.id, target.userId, target.locale);
    const conversation = this.conversations.get(target.id) as OpenConversation;
    const timestampMs = nextTimestamp(conversation.lastTimestampMs, this.now());
    const stored: StreamActivity = {
      ...activity,
      id: activityId(conversation.id, nextSeq(conversation.log)),
      timestamp: new Date(timestampMs),
    };
    conversation.lastTimestampMs = timestampMs;
    conversation.log = appendToLog(conversation.log, stored, this.limits.maxActivitiesPerConversation);
    return stored;
  }

  async activitiesAfter(conversationId: string, watermark: unknown) {
    return activitiesAfter(this.conversations.get(conversationId)?.log ?? emptyLog, watermark);
  }
}
