import restify from 'restify';
import { sendError } from '../httpErrors';
import { checkAccess } from './access';
import { CHANNEL_ID, clientActivitySchema, startConversationSchema } from './activities';
import type { RateLimits } from '../guards/rateLimits';
import { findJsonProblem } from '../guards/jsonLimits';
import type { LocalDirectLine } from './localDirectLine';
import { StorageUnavailableError } from '../storage/storageErrors';

export const DIRECT_LINE_PATH = '/v3/directline';
// Web Chat posts typed text and button values only (uploads are switched off on the page),
// so anything near this size is not a chat message.
const DIRECT_LINE_MAX_BODY_BYTES = 32 * 1024;

export interface DirectLineRouteDeps {
  directLine: LocalDirectLine;
  /** Turns per conversation, as on every edge; none when left out. */
  rateLimits?: RateLimits;
  tokenSecret: string;
  nowSeconds?: () => number;
}

type Res = restify.Response;

type Handler = (req: restify.Request, res: Res) => Promise<void>;

/** A Redis outage becomes a 503 the page can retry, not a crash or a bare 500. */
const unlessStoreDown = (handler: Handler): Handler => async (req, res) => {
  try {
    await handler(req, res);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    res.header('Retry-After', '5');
    sendError(res, 503, 'ServiceUnavailable', 'The conversation store is unavailable; try again in a moment.');
  }
};

/** The handlers of each local Direct Line 3.0 endpoint (polling only); bot/server.ts gives them their paths. */
export interface DirectLineHandlers {
  generateToken: restify.RequestHandler[];
  refreshToken: restify.RequestHandler[];
  startConversation: restify.RequestHandler[];
  getConversation: restify.RequestHandler[];
  postActivity: restify.RequestHandler[];
  getActivities: restify.RequestHandler[];
}

export function directLineHandlers(deps: DirectLineRouteDeps): DirectLineHandlers {
  const { directLine } = deps;
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const jsonBody = restify.plugins.bodyParser({ maxBodySize: DIRECT_LINE_MAX_BODY_BYTES, mapParams: false, rejectUnknown: true });
  const access = (req: restify.Request, conversationId?: string) =>
    checkAccess(req.header('authorization') || undefined, conversationId, deps.tokenSecret, nowSeconds());
  // Tokens and transcripts must never sit in a shared cache.
  const noStore = (_req: restify.Request, res: Res, next: restify.Next) => {
    res.header('Cache-Control', 'no-store');
    return next();
  };

  // Azure asks for the bot's secret here; ours is the public page's way in, and each token it
  // hands out opens one conversation only.
  const generateToken = [noStore, async (_req: restify.Request, res: Res) => {
    const { userId: _userId, ...grant } = directLine.issueToken();
    res.send(200, grant);
  }];

  const refreshToken = [noStore, unlessStoreDown(async (req, res) => {
    const checked = access(req);
    if (!checked.ok) return sendError(res, checked.status, checked.code, checked.message);
    if (!(await directLine.find(checked.claims.conversationId))) return sendError(res, 404, 'NotFound', 'Conversation not found');
    const { userId: _userId, ...grant } = directLine.grant(checked.claims);
    res.send(200, grant);
  })];

  const startConversation = [noStore, ...jsonBody, unlessStoreDown(async (req, res) => {
    const checked = access(req);
    if (!checked.ok) return sendError(res, checked.status, checked.code, checked.message);
    const body = startConversationSchema.safeParse(req.body ?? undefined);
    if (!body.success) return sendError(res, 400, 'BadArgument', 'locale must be a language tag such as es-US');
    const { created } = await directLine.start(checked.claims, body.data?.locale);
    const { userId: _userId, ...grant } = directLine.grant(checked.claims);
    res.send(created ? 201 : 200, grant);
  })];

  // DirectLineJS calls this to resume a conversation it already has a token for.
  const getConversation = [noStore, unlessStoreDown(async (req, res) => {
    const checked = access(req, req.params.conversationId);
    if (!checked.ok) return sendError(res, checked.status, checked.code, checked.message);
    if (!(await directLine.find(checked.claims.conversationId))) return sendError(res, 404, 'NotFound', 'Conversation not found');
    const { userId: _userId, ...grant } = directLine.grant(checked.claims);
    res.send(200, grant);
  })];

  const postActivity = [noStore, ...jsonBody, unlessStoreDown(async (req, res) => {
    const checked = access(req, req.params.conversationId);
    if (!checked.ok) return sendError(res, checked.status, checked.code, checked.message);
    const conversation = await directLine.find(checked.claims.conversationId);
    if (!conversation) return sendError(res, 404, 'NotFound', 'Conversation not found');
    // The same limits as /api/messages: a body nested too deep is accepted by the schema's
    // `value: unknown`, stored, and then breaks every later poll of the conversation.
    if (findJsonProblem(req.body)) return sendError(res, 400, 'BadArgument', 'The activity is nested too deeply or has a __proto__ key');
    const activity = clientActivitySchema.safeParse(req.body);
    if (!activity.success) return sendError(res, 400, 'BadArgument', 'The body must be a message or event activity');
    const verdict = await deps.rateLimits?.consumeConversationTurn(CHANNEL_ID, conversation.id);
    if (verdict && !verdict.allowed) {
      res.header('Retry-After', String(verdict.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', 'Too many messages in this conversation; wait a moment.');
    }
    const id = await directLine.post(conversation, activity.data);
    res.send(200, { id });
  })];

  const getActivities = [noStore, unlessStoreDown(async (req, res) => {
    const checked = access(req, req.params.conversationId);
    if (!checked.ok) return sendError(res, checked.status, checked.code, checked.message);
    const conversation = await directLine.find(checked.claims.conversationId);
    if (!conversation) return sendError(res, 404, 'NotFound', 'Conversation not found');
    res.send(200, await directLine.activities(conversation, (req.query as Record<string, unknown> | undefined)?.watermark));
  })];

  return { generateToken, refreshToken, startConversation, getConversation, postActivity, getActivities };
}
