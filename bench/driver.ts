import type { Activity } from 'botbuilder';

// Drives one full check the way a person tapping "none" would: answer each prompt with its
// "none"/"no" choice (or the first choice), until the closing with the appointment line arrives.

export type Send = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

const NONE = /^(no|ninguno|ninguna|nada)/i; // "None of these", "No", "Ninguna de estas"
export const MAX_TURNS = 30;

export function nextReply(replies: Partial<Activity>[]): string {
  const offered = [...replies].reverse().find((reply) => reply.suggestedActions?.actions?.length)?.suggestedActions?.actions ?? [];
  const none = offered.find((action) => NONE.test(String(action.title ?? action.value ?? '')));
  const choice = none ?? offered[0];
  if (choice) return String(choice.value ?? choice.title);
  return 'no';
}

export function baseActivity(conversationId: string, locale: 'en' | 'es'): Partial<Activity> {
  return {
    channelId: 'emulator',
    serviceUrl: 'http://localhost:1/',
    conversation: { id: conversationId } as Activity['conversation'],
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: locale === 'es' ? 'es-MX' : 'en-US',
  };
}

export interface CheckRunOptions {
  conversationId: string;
  locale: 'en' | 'es';
  /** The appointment line; the check is over when a reply carries it. */
  phone: string;
  /** Called with each turn's duration in milliseconds. */
  onTurn?: (ms: number) => void;
  /**
   * Return to the event loop before each turn (not timed), as a server does between requests.
   * Back to back, the whole check is one promise chain and V8 never gets to run its scheduled
   * young-generation collection between turns, so every collection lands inside a timed turn.
   */
  yieldBetweenTurns?: boolean;
}

/**
 * Runs one whole check. `turns` counts every activity the bot processed, the join included (the
 * echo bot is driven with the same number of activities); `messages` counts what the person sent.
 */
export async function runCheck(send: Send, options: CheckRunOptions): Promise<{ turns: number; messages: number; closed: boolean }> {
  const { conversationId, locale, phone, onTurn, yieldBetweenTurns = false } = options;
  const base = baseActivity(conversationId, locale);
  const timed = async (activity: Partial<Activity>) => {
    if (yieldBetweenTurns) await new Promise((resolve) => setImmediate(resolve));
    const started = process.hrtime.bigint();
    const replies = await send(activity);
    onTurn?.(Number(process.hrtime.bigint() - started) / 1e6);
    return replies;
  };
  let replies = await timed({ ...base, type: 'conversationUpdate', membersAdded: [base.from!] });
  for (let message = 1; message <= MAX_TURNS; message++) {
    replies = await timed({ ...base, type: 'message', text: nextReply(replies), id: `${conversationId}-${message}` });
    if (replies.some((reply) => typeof reply.text === 'string' && reply.text.includes(phone))) return { turns: message + 1, messages: message, closed: true };
  }
  return { turns: MAX_TURNS + 1, messages: MAX_TURNS, closed: false };
}
