import type { Activity } from 'botbuilder';

export const APPOINTMENT_PHONE = '1-888-663-3488';

export interface CheckRun {
  turns: number;
  /** Every reply text, in order, for assertions and for a readable failure. */
  texts: string[];
}

/**
 * Drives a check-up without knowing its questions: "hi", then the first (or last) suggested action
 * of the last reply, or number of a numbered list, else "no", until a reply carries the appointment line.
 * `send` posts one turn and returns its replies; it should assert status and conversation id.
 */
export async function driveCheck(
  send: (text: string) => Promise<Partial<Activity>[]>,
  options: { maxTurns?: number; /** 'last' tends to mean "None of these": a shorter check. */ pick?: 'first' | 'last' } = {},
): Promise<CheckRun> {
  const { maxTurns = 40, pick = 'first' } = options;
  const texts: string[] = [];
  let replies = await send('hi');
  for (let turns = 1; ; turns += 1) {
    texts.push(...replies.flatMap((reply) => (reply.text ? [reply.text] : [])));
    if (replies.some((reply) => reply.text?.includes(APPOINTMENT_PHONE))) return { turns, texts };
    if (turns >= maxTurns) {
      throw new Error(`No appointment line after ${maxTurns} turns. Last replies:\n${texts.slice(-4).join('\n---\n')}`);
    }
    replies = await send(nextAnswer(replies, pick));
  }
}

function nextAnswer(replies: Partial<Activity>[], pick: 'first' | 'last'): string {
  const withActions = [...replies].reverse().find((reply) => (reply.suggestedActions?.actions.length ?? 0) > 0);
  const actions = withActions?.suggestedActions?.actions ?? [];
  // The red-flag screen lists emergency signs first and "None of these" last: a person without one picks it.
  const onScreen = replies.some((reply) => (reply.channelData as { check?: { screen?: string } } | undefined)?.check?.screen === 'red_flags');
  if (onScreen) pick = 'last';
  const action = pick === 'first' ? actions[0] : actions[actions.length - 1];
  if (typeof action?.value === 'string') return action.value;
  if (action?.title) return action.title;
  // Channels without buttons get the choices as a numbered list.
  const numbers = replies.flatMap((reply) => [...(reply.text ?? '').matchAll(/^\s*(\d+)\. /gm)].map((match) => match[1] ?? '1'));
  if (numbers.length > 0) return (pick === 'first' ? numbers[0] : numbers[numbers.length - 1]) ?? '1';
  return 'no';
}
