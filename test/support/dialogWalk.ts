import type { Activity } from 'botbuilder';
import { unanswered, type ItemList, type Notes } from '../../check/check';
import type { CheckState } from '../../check/step';
import type { Locale } from '../../knowledge';
import { BranchableStorage } from './branchableStorage';
import { createHarness, isPrompt, offeredChoices } from './checkHarness';

// A breadth-first walk of every conversation the check allows: from each state it tries every
// offered button plus a fixed set of typed messages, and follows each new state once.

export interface WalkResult {
  statesVisited: number;
  turnsTaken: number;
  closings: number;
  /** The longest path, in user turns, that reached the closing. */
  longestPath: number;
  problems: string[];
}

const CLOSING_MARK = '](tel:+18886633488)';
export const isClosing = (reply: Partial<Activity>) => (reply.text ?? '').includes(CLOSING_MARK);

/**
 * Where a conversation stands, as far as where it can go next: the check's step with its retry
 * count, how many items the current list still holds, and how often a read-back was corrected.
 * Left out on purpose: which items and answers (they change wording and the summary, not the
 * shape of what follows), who the check is for, the language (every walk runs in both), and the
 * check-wide detour count (it only makes a long conversation close sooner; the limit has
 * its own test). States with the same signature are walked once.
 */
const unansweredCount = (list: ItemList, notes: Notes) => unanswered(list, notes).length;

function signature(snapshot: Record<string, string>): string {
  const parts: string[] = [];
  for (const [key, json] of Object.entries(snapshot)) {
    if (!key.includes('/conversations/')) continue;
    const check = (JSON.parse(json) as { check?: CheckState }).check?.check;
    if (!check) continue;
    const { step, readBack, attempts } = check;
    parts.push(`${step.at}${step.at === 'who' && step.again ? '+' : ''}@${attempts}`);
    if (step.at === 'list') parts.push(`${step.options.list}:${unansweredCount(step.options.list, step.options.notes)}`);
    if (readBack) parts.push(`readBack corrections:${readBack.corrections}`);
  }
  return parts.join(' ');
}

export async function walk(locale: Locale, typed: readonly string[], maxTurns: number): Promise<WalkResult> {
  const storage = new BranchableStorage();
  const harness = createHarness({ storage, locale: locale === 'es' ? 'es-MX' : 'en-US' });
  const result: WalkResult = { statesVisited: 0, turnsTaken: 0, closings: 0, longestPath: 0, problems: [] };
  const opening = await harness.join();
  const seen = new Set<string>();
  let frontier = [{ snapshot: storage.snapshot(), offered: offeredChoices(opening.at(-1)), path: [] as string[] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      for (const input of [...node.offered, ...typed]) {
        storage.restore(node.snapshot);
        const replies = await harness.say(input);
        result.turnsTaken += 1;
        const path = [...node.path, input];
        const where = `${locale}: ${path.join(' → ')}`;
        const closingAt = replies.findIndex(isClosing);
        if (closingAt >= 0) {
          result.closings += 1;
          result.longestPath = Math.max(result.longestPath, path.length);
          if (closingAt !== replies.length - 1) result.problems.push(`closing is not last: ${where}`);
          if (isPrompt(replies.at(-1))) result.problems.push(`closing expects input: ${where}`);
          continue;
        }
        if (!isPrompt(replies.at(-1))) result.problems.push(`turn ends without a question or the closing: ${where}`);
        if (path.length >= maxTurns) {
          result.problems.push(`no closing within ${maxTurns} turns: ${where}`);
          continue;
        }
        const snapshot = storage.snapshot();
        const key = signature(snapshot);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push({ snapshot, offered: offeredChoices(replies.at(-1)), path });
      }
    }
    frontier = next;
  }
  result.statesVisited = seen.size;
  return result;
}
