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

// What a channel sends nearly every turn, accepted without zod: only bodies the schema above
// would accept too (the test compares the two on every case and on mutations of them), and
// anything else goes to the schema, whose verdict and message stand. The schema's safeParse
// was about a fortieth of an HTTP turn's CPU, measured (`npm run bench -- http`).
type Fields = Record<string, unknown>;

// zod's "object": not an array, null, promise, Map, Set or Date; JSON.parse makes only plain ones.
function isPlain(value: unknown): value is Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as Fields).then !== 'function';
}

const isText = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;
const isOptionalText = (value: unknown, max: number) => value === undefined || isText(value, 0, max);
const isAccount = (value: unknown) => isPlain(value) && isText(value.id, 1, 512);
const isOptionalList = (value: unknown, max: number, isItem: (item: unknown) => boolean) =>
  value === undefined || (Array.isArray(value) && value.length <= max && value.every(isItem));

/** True only for an activity the schema accepts; false means "ask the schema". */
export function isPlainlyValid(body: unknown): boolean {
  if (!isPlain(body)) return false;
  const { serviceUrl, deliveryMode } = body;
  return (
    isText(body.type, 1, 64) &&
    isText(body.channelId, 1, 64) &&
    isPlain(body.conversation) &&
    isText(body.conversation.id, 1, 512) &&
    isAccount(body.from) &&
    (body.recipient === undefined || isAccount(body.recipient)) &&
    isOptionalList(body.membersAdded, 50, isAccount) &&
    isOptionalList(body.membersRemoved, 50, isAccount) &&
    isOptionalText(body.id, 512) &&
    isOptionalText(body.replyToId, 512) &&
    (body.channelData === undefined || isPlain(body.channelData)) &&
    isOptionalText(body.text, MAX_TEXT_CHARS) &&
    isOptionalText(body.locale, 35) &&
    isOptionalList(body.attachments, 20, (item) => isPlain(item) && isOptionalText(item.contentType, 256)) &&
    isOptionalList(body.entities, 50, (item) => isPlain(item) && isOptionalText(item.type, 256)) &&
    isOptionalText(deliveryMode, 32) &&
    (serviceUrl === undefined ? deliveryMode === 'expectReplies' : isText(serviceUrl, 0, 2048) && URL.canParse(serviceUrl))
  );
}

export type ActivityCheck = { ok: true } | { ok: false; error: 'invalid_activity' | 'text_too_long'; message: string };

/** Decides whether a parsed body may reach the adapter; the reason is safe to send back. */
export function checkActivity(body: unknown): ActivityCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: 'invalid_activity', message: 'The body must be a JSON object (a Bot Framework activity).' };
  }
  const problem = findJsonProblem(body);
  if (problem === 'too_deep') return { ok: false, error: 'invalid_activity', message: 'The activity is nested too deeply.' };
  if (problem === 'forbidden_key') return { ok: false, error: 'invalid_activity', message: 'The activity has a __proto__ key.' };
  return isPlainlyValid(body) ? { ok: true } : checkWithSchema(body);
}

/** The schema's verdict alone, with its first problem as the reason. */
export function checkWithSchema(body: unknown): ActivityCheck {
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'activity';
  if (field === 'text' && issue?.code === 'too_big') return { ok: false, error: 'text_too_long', message: `text: ${issue.message}` };
  return { ok: false, error: 'invalid_activity', message: `${field}: ${issue?.message ?? 'invalid'}` };
}
