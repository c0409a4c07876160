import type { Request, RequestHandler, Response } from 'restify';
import { checkActivity } from './activityShape';
import { clientAddress } from './clientAddress';
import { sendError } from '../httpErrors';
import type { RateLimits, RateVerdict } from './rateLimits';

export function sendTooMany(res: Response, verdict: Extract<RateVerdict, { allowed: false }>, message: string): void {
  res.header('Retry-After', String(verdict.retryAfterSeconds));
  sendError(res, 429, 'too_many_requests', message);
}

// Callback-style handlers throughout: restify runs the next handler after an async one even when
// it has answered, and the adapter would then write a second response.

/**
 * 415 before the body is read: restify's bodyParser would otherwise accept forms and write
 * multipart uploads to disk. Bot Framework channels always send application/json.
 */
const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.getContentType() === 'application/json') return next();
  sendError(res, 415, 'unsupported_media_type', 'Send the activity as application/json.');
  return next(false);
};

/**
 * 415 for a compressed body, on every route. restify's bodyReader pipes gzip through zlib with
 * no error handler, so a body that is not really gzip throws outside any request and would take
 * the whole process down. No channel we serve compresses what it posts.
 */
export const rejectCompressedBodies: RequestHandler = (req, res, next) => {
  const encoding = req.headers['content-encoding'];
  if (encoding === undefined || encoding.trim().toLowerCase() === 'identity') return next();
  sendError(res, 415, 'unsupported_content_encoding', 'Send the body uncompressed.');
  return next(false);
};

/** 400 with the first problem found, before the adapter sees a body it would choke on. */
const validateActivityBody: RequestHandler = (req, res, next) => {
  const check = checkActivity(req.body);
  if (check.ok) return next();
  sendError(res, check.error === 'text_too_long' ? 413 : 400, check.error, check.message);
  return next(false);
};

/** 429 when one conversation sends more turns a minute than a person could type. Runs after validation. */
function limitConversationTurns(limits: RateLimits): RequestHandler {
  return (req, res, next) => {
    const activity = req.body as { channelId: string; conversation: { id: string } };
    limits.consumeConversationTurn(activity.channelId, activity.conversation.id).then((verdict) => {
      if (verdict.allowed) return next();
      sendTooMany(res, verdict, 'Too many messages in this conversation; wait a moment.');
      return next(false);
    }, next);
  };
}

// GETs are exempt: probes, metrics and Web Chat's polling are cheap, and a clinic's patients
// share one NAT address; the limit is for requests that make the bot do work.
const EXEMPT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Which requests come from a person's own address, and so are limited by it. Channels post
 * everyone's turns from a few addresses of their own (Twilio for SMS, Azure Bot Service for Teams
 * and Web Chat), and they prove who they are (a Twilio signature, a Bot Framework token), so
 * their requests are limited per conversation or phone number instead, never by address.
 */
function isPersonsAddress(pathname: string, messagesAuthenticated: boolean, personPaths: readonly string[]): boolean {
  if (pathname === '/api/messages') return !messagesAuthenticated;
  return personPaths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export interface ClientLimitOptions {
  trustedHops: number;
  /** With MicrosoftAppId set, /api/messages takes only callers with a valid Bot Framework token. */
  messagesAuthenticated: boolean;
  /** The web page's session route and the bot's own Direct Line. */
  personPaths: readonly string[];
}

/** 429 when one person's address sends too many requests; for server.use, before any body is read. */
export function limitClientRequests(limits: RateLimits, options: ClientLimitOptions): RequestHandler {
  const { trustedHops, messagesAuthenticated, personPaths } = options;
  return (req: Request, res: Response, next) => {
    if (EXEMPT_METHODS.has(req.method ?? '')) return next();
    if (!isPersonsAddress(req.path(), messagesAuthenticated, personPaths)) return next();
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedHops);
    limits.consumeClientRequest(address).then((verdict) => {
      if (verdict.allowed) return next();
      sendTooMany(res, verdict, 'Too many requests from this address; wait a moment.');
      return next(false);
    }, next);
  };
}

/** The checks on /api/messages, split around restify's bodyParser (see bot/server.ts). */
export interface MessageGuards {
  beforeBody: RequestHandler[];
  afterBody: RequestHandler[];
}

/**
 * `channelIdentity` (bot/guards/channelIdentity.ts) runs on a valid activity, before it counts
 * against a conversation. Without limits (a server built for one edge's tests) the body is still
 * checked: the adapter's `handle` (bot/adapter.ts) takes only a body these guards accepted.
 */
export function createMessageGuards(limits: RateLimits | undefined, channelIdentity: RequestHandler): MessageGuards {
  return { beforeBody: [requireJsonBody], afterBody: [validateActivityBody, channelIdentity, ...(limits ? [limitConversationTurns(limits)] : [])] };
}
