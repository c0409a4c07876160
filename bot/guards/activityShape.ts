import { z } from 'zod';
import { findJsonProblem } from './jsonLimits';

/** Longer than any description of symptoms; keeps understanding from chewing on 100 KB strings. */
export const MAX_TEXT_CHARS = 5_000;

const boundedId = z.string().min(1).max(512);
/** A channel account (from, recipient, a member added): the bot reads its id. */
const account = z.object({ id: boundedId }).passthrough();

// The minimum the adapter and our state need from any activity. Every Bot Framework channel
// sends these; without them botbuilder throws mid-turn (state keys need channelId,
// conversation.id and from.id) and the caller would get a 500 instead of a reason.
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id: boundedId }).passthrough(),
    from: account,
    // A conversationUpdate's members are compared with the recipient; a member or recipient that
    // is not an account would throw inside the turn (a 500) instead of getting a reason here.
    recipient: account.optional(),
    membersAdded: z.array(account).max(50).optional(),
    membersRemoved: z.array(account).max(50).optional(),
    id: z.string().max(512).optional(),
    replyToId: z.string().max(512).optional(),
    channelData: z.object({}).passthrough().optional(),
    text: z.string().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`).optional(),
    locale: z.string().max(35).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256).optional() }).passthrough()).max(20).optional(),
    entities: z.array(z.object({ type: z.string().max(256).optional() }).passthrough()).max(50).optional(),
    deliveryMode: z.string().max(32).optional(),
    serviceUrl: z.string().url().max(2048).optional(),
  })
  .passthrough()
  // Replies go to serviceUrl unless the caller collects them from the response.
  .refine((activity) => activity.deliveryMode === 'expectReplies' || activity.serviceUrl !== undefined, {
    path: ['serviceUrl'],
    message: 'required unless deliveryMode is expectReplies',
  });

export type ActivityCheck = { ok: true } | { ok: false; error: 'invalid_activity' | 'text_too_long'; message: string };

/** Decides whether a parsed body may reach the adapter; the reason is safe to send back. */
export function checkActivity(body: unknown): ActivityCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: 'invalid_activity', message: 'The body must be a JSON object (a Bot Framework activity).' };
  }
  const problem = findJsonProblem(body);
  if (problem === 'too_deep') return { ok: false, error: 'invalid_activity', message: 'The activity is nested too deeply.' };
  if (problem === 'forbidden_key') return { ok: false, error: 'invalid_activity', message: 'The activity has a __proto__ key.' };
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'activity';
  if (field === 'text' && issue?.code === 'too_big') return { ok: false, error: 'text_too_long', message: `text: ${issue.message}` };
  return { ok: false, error: 'invalid_activity', message: `${field}: ${issue?.message ?? 'invalid'}` };
}
