import type { TurnContext } from 'botbuilder';
import { HeldReplies } from './heldReplies';
import { isETagConflict } from './storageErrors';

export interface RetryOptions {
  /** Runs of one turn at most, the first included; then the conflict goes to onTurnError. */
  maxRuns: number;
  /** The wait before run n + 1 is random in [0, baseDelayMs * 2^n): turns that met do not meet again. */
  baseDelayMs: number;
}

export interface RunUntilSavedOptions extends Partial<RetryOptions> {
  /** Told of each run thrown away (for metrics). */
  onRerun?: () => void;
}

// Two to five messages at once in one conversation (a double tap, two tabs, two texts) are
// settled in a few runs: each round at least one of them saves. Eight runs with random waits of
// up to 10, 20, ... 640 ms (1.3 s in all, at the very worst) hold out for a burst well beyond that.
export const DEFAULT_RETRY: RetryOptions = { maxRuns: 8, baseDelayMs: 5 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `turn` (read state, run the check, save) until its save goes through. A save that finds
 * the state changed since it was read (another turn of this conversation saved first) means this
 * run decided on an old state: it is thrown away, replies and counts with it (HeldReplies), and
 * the turn runs again from a fresh read, so both messages are applied, one after the other.
 * Whatever the run put in turn state (cached state, the message's reading) is forgotten with it.
 */
export async function runUntilSaved(context: TurnContext, turn: () => Promise<void>, options: RunUntilSavedOptions = {}): Promise<void> {
  const { maxRuns, baseDelayMs } = { ...DEFAULT_RETRY, ...options };
  const replies = HeldReplies.install(context);
  const turnStateBefore = new Map(context.turnState);
  for (let run = 1; ; run += 1) {
    try {
      await turn();
      await replies.release(context);
      return;
    } catch (error) {
      if (!isETagConflict(error) || run >= maxRuns) {
        replies.fail();
        throw error;
      }
      replies.discard();
      options.onRerun?.();
      context.turnState.clear();
      for (const [key, value] of turnStateBefore) context.turnState.set(key, value);
      await sleep(Math.random() * baseDelayMs * 2 ** run);
    }
  }
}
