import { LRUCache } from 'lru-cache';
import { ActivityLog, activityId, appendToLog, emptyLog, nextSeq, StreamActivity } from './activityLog';
import { SerialQueue } from './serialQueue';

export interface Conversation {
  readonly id: string;
  readonly userId: string;
  locale: string | undefined;
  log: ActivityLog;
  /** Set when the conversation was started (POST /conversations) and the bot was told. */
  started: boolean;
  lastTimestampMs: number;
  readonly turns: SerialQueue;
}

export interface StoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  /** A conversation nobody polled for this long is dropped; its token has expired by then too. */
  idleMs: number;
}

/** Strictly increasing times, because Web Chat orders activities by timestamp. */
export const nextTimestamp = (lastMs: number, nowMs: number) => Math.max(nowMs, lastMs + 1);

/**
 * Open local Direct Line conversations, bounded twice so memory cannot grow without end: at most
 * `maxConversations` (least recently used dropped first) and `maxActivitiesPerConversation` each.
 */
export class ConversationStore {
  private readonly conversations: LRUCache<string, Conversation>;

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.conversations = new LRUCache<string, Conversation>({
      max: limits.maxConversations,
      ttl: limits.idleMs,
      updateAgeOnGet: true,
    });
  }

  get size(): number {
    return this.conversations.size;
  }

  get(conversationId: string): Conversation | undefined {
    return this.conversations.get(conversationId);
  }

  create(conversationId: string, userId: string, locale: string | undefined): Conversation {
    const conversation: Conversation = {
      id: conversationId,
      userId,
      locale,
      log: emptyLog,
      started: false,
      lastTimestampMs: 0,
      turns: new SerialQueue(),
    };
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  /** Numbers, stamps and keeps an activity; returns it as clients will read it. */
  append(conversation: Conversation, activity: Partial<StreamActivity>): StreamActivity {
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
}
