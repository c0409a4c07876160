import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import { DirectLineTokenError, FetchLike, generateAzureToken } from '../directline/azure';
import type { LocalDirectLine } from '../directline/localDirectLine';
import type { Config } from '../config';
import { sendError } from '../httpErrors';

/** What a page's script gets from POST /webchat/session to open its Direct Line connection. */
export interface ChatSession {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  /** Azure's Direct Line; absent for the bot's own endpoint, which the page finds at /v3/directline. */
  domain?: string;
  webSocket: boolean;
}

export type SessionIssuer = () => Promise<ChatSession>;

/** Issues sessions on the bot's own Direct Line. */
export function localSessions(directLine: LocalDirectLine): SessionIssuer {
  return async () => {
    const grant = directLine.issueToken();
    return { token: grant.token, conversationId: grant.conversationId, userId: grant.userId, expiresIn: grant.expires_in, webSocket: false };
  };
}

/** Issues sessions on Azure's Direct Line, trading the secret for a one-conversation token. */
export function azureSessions(web: Config['web'], fetchFn: FetchLike): SessionIssuer {
  return async () => {
    const userId = `dl_${randomUUID()}`;
    const token = await generateAzureToken(fetchFn, {
      endpoint: web.directLine.endpoint,
      secret: web.directLine.secret ?? '',
      userId,
      trustedOrigins: web.allowedOrigins,
    });
    return { token: token.token, conversationId: token.conversationId, userId, expiresIn: token.expiresIn, domain: web.directLine.endpoint, webSocket: true };
  };
}

/** POST /webchat/session: a new session, or 502 when Azure's Direct Line cannot be reached. */
export function sessionHandler(issueSession: SessionIssuer): restify.RequestHandler {
  return async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    try {
      res.send(200, await issueSession());
    } catch (error) {
      if (!(error instanceof DirectLineTokenError)) throw error;
      sendError(res, 502, 'DirectLineUnavailable', 'The chat service could not be reached');
    }
  };
}
