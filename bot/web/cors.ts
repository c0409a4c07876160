import type restify from 'restify';
import { sendError } from '../httpErrors';
import { corsHeaders, isOriginAllowed } from './security';

/**
 * A pre-handler: answers CORS preflights and refuses other origins on the paths under
 * `prefixes`, before routing, so an OPTIONS request needs no route of its own.
 */
export function corsFor(prefixes: readonly string[], allowedOrigins: readonly string[] | undefined): restify.RequestHandler {
  return (req: restify.Request, res: restify.Response, next: restify.Next) => {
    const pathname = req.path();
    if (!prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return next();
    const origin = req.header('origin') || undefined;
    const host = req.header('host') || undefined;
    const preflight = req.method === 'OPTIONS';
    for (const [name, value] of Object.entries(corsHeaders(origin, host, allowedOrigins, preflight))) res.header(name, value);
    if (!isOriginAllowed(origin, host, allowedOrigins)) {
      sendError(res, 403, 'OriginNotAllowed', 'This origin may not use the chat');
      return next(false);
    }
    if (preflight) {
      res.send(204);
      return next(false);
    }
    return next();
  };
}
