import type { Activity } from 'botbuilder';

/**
 * A conversation's activities as Direct Line clients read them: numbered from 1, polled with a
 * watermark (the number of the last activity the client has). Only the newest `limit` are kept;
 * a client that fell further behind gets what is left rather than an error.
 */
export type StreamActivity = Partial<Activity> & { id: string };

export interface ActivityLog {
  readonly entries: readonly { seq: number; activity: StreamActivity }[];
  readonly lastSeq: number;
}

export const emptyLog: ActivityLog = Object.freeze({ entries: Object.freeze([]), lastSeq: 0 });

/** The number the next activity will get; the log's id for it is derived from this. */
export const nextSeq = (log: ActivityLog) => log.lastSeq + 1;

export function appendToLog(log: ActivityLog, activity: StreamActivity, limit: number): ActivityLog {
  const seq = nextSeq(log);
  const entries = [...log.entries, { seq, activity }];
  return { entries: entries.slice(Math.max(0, entries.length - limit)), lastSeq: seq };
}

/** A watermark is the decimal seq of the last activity seen; anything else means "from the start". */
export function parseWatermark(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return 0;
  return Number(value);
}

export function activitiesAfter(log: ActivityLog, watermark: unknown): { activities: StreamActivity[]; watermark: string } {
  const after = parseWatermark(watermark);
  const activities = log.entries.filter((entry) => entry.seq > after).map((entry) => entry.activity);
  // Always the log's own last number, so a client holding a watermark from the future catches up.
  return { activities, watermark: String(log.lastSeq) };
}

/** Direct Line's activity id form: `<conversationId>|<7-digit seq>`. */
export const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;
