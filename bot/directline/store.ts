import type { StreamActivity } from './activityLog';

/** What every instance needs to know about an open local Direct Line conversation. */
export interface Conversation {
  readonly id: string;
  readonly userId: string;
  readonly locale: string | undefined;
}

export interface StoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  /** A conversation nobody polled for this long is dropped; its token has expired by then too. */
  idleMs: number;
}

/**
 * Open local Direct Line conversations and their activities: in this process's memory
 * (memoryConversationStore.ts) or in Redis, shared by every instance (redisConversationStore.ts).
 */
export interface ConversationStore {
  get(conversationId: string): Promise<Conversation | undefined>;
  /** Opens the conversation, or returns the one already open under that id. */
  create(conversationId: string, userId: string, locale: string | undefined): Promise<Conversation>;
  /** True once only per conversation, so exactly one instance tells the bot the person joined. */
  claimStart(conversationId: string): Promise<boolean>;
  setLocale(conversationId: string, locale: string): Promise<void>;
  /** Numbers, stamps and keeps an activity; returns it as clients will read it. */
  append(conversation: Conversation, activity: Partial<StreamActivity>): Promise<StreamActivity>;
  activitiesAfter(conversationId: string, watermark: unknown): Promise<{ activities: StreamActivity[]; watermark: string }>;
}

/** Strictly increasing times, because Web Chat orders activities by timestamp. */
export const nextTimestamp = (lastMs: number, nowMs: number) => Math.max(nowMs, lastMs + 1);
