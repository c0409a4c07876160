import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * Callback-style restify handlers run one after another as a single handler, as restify's chain
 * would run them: `next()` goes on, `next(false)` or an error stops and is handed to restify, and
 * a request whose connection closed runs nothing further. restify spends a process tick, two
 * timers and a few closures on every handler it runs; /api/messages passed through thirteen
 * (CORS, request id, in-flight count, query, address limit, encoding, content type, body reader
 * and parser, activity shape, channel identity, conversation limit, turn), the echo bot through
 * three. Only callback-style handlers: a promise an async handler returns is not awaited here.
 */
export function inOneStep(...handlers: RequestHandler[]): RequestHandler {
  const inOne = (req: Request, res: Response, next: Next) => {
    let index = 0;
    const step = (outcome?: unknown) => {
      // As restify's chain: false or an error stops; undefined, null (any other falsy value) goes on.
      if (outcome === false || Boolean(outcome)) return next(outcome as Parameters<Next>[0]);
      const handler = handlers[index++];
      if (!handler || req.connectionState() === 'close') return next();
      handler(req, res, step as Next);
    };
    step();
  };
  return inOne;
}
