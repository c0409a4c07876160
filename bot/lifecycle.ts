import type { ServerResponse } from 'node:http';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type restify from 'restify';
import type { Config } from './config';
import { isClosable } from './storage/createStorage';

/** Shared between /readyz, the connection handling and shutdown. */
export interface Lifecycle {
  /** Once true, /readyz says 503 so the balancer sends no more, and connections are not kept alive. */
  draining: boolean;
  /** Responses not yet finished: shutdown tells each to close its connection when done. */
  inFlight: Set<ServerResponse>;
}

export const createLifecycle = (): Lifecycle => ({ draining: false, inFlight: new Set() });

// A key nobody writes: reading it proves the store answers without touching anyone's state.
const READINESS_KEY = 'readiness-probe';

export interface ReadinessDeps {
  storage: Storage;
  lifecycle: Lifecycle;
  logger: Logger;
}

/** A pre-handler: tracks each response until it closes, and asks for the connection's close while draining. */
export function trackInFlight(lifecycle: Lifecycle): restify.RequestHandler {
  return (_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    lifecycle.inFlight.add(res);
    res.once('close', () => lifecycle.inFlight.delete(res));
    return next();
  };
}

/** GET /readyz: 200 when the state store answers, 503 while it does not or while draining. */
export function readinessHandler(deps: ReadinessDeps): restify.RequestHandler {
  const { lifecycle } = deps;
  return async (_req: restify.Request, res: restify.Response) => {
    if (lifecycle.draining) {
      res.send(503, { status: 'draining' });
      return;
    }
    try {
      await deps.storage.read([READINESS_KEY]);
      res.send(200, { status: 'ready' });
    } catch (error) {
      deps.logger.warn({ event: 'not_ready', err: error }, 'state store unreachable');
      res.send(503, { status: 'storage_unavailable' });
    }
  };
}

export interface ShutdownTarget {
  config: Pick<Config, 'shutdownTimeoutMs'>;
  server: restify.Server;
  storage: Storage;
  logger: Logger;
  lifecycle: Lifecycle;
}

/**
 * Stops accepting connections, lets in-flight turns finish (cutting them off after
 * SHUTDOWN_TIMEOUT_MS), then closes the state store. The caller decides whether to exit.
 */
export async function shutdown(app: ShutdownTarget): Promise<void> {
  const started = Date.now();
  app.lifecycle.draining = true;
  // Without this a keep-alive connection would outlive its last turn and hold the close open
  // until its idle timeout; with it the connection ends as soon as the reply is out.
  for (const res of app.lifecycle.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const cutOff = setTimeout(() => app.server.server.closeAllConnections(), app.config.shutdownTimeoutMs);
  // close() stops listening and drops idle connections. It reports "not running" when the
  // server never listened; there is nothing to wait for then.
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  clearTimeout(cutOff);
  if (isClosable(app.storage)) await app.storage.close();
  app.logger.info({ event: 'shutdown', durationMs: Date.now() - started }, 'stopped');
}
