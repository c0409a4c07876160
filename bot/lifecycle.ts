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

/**
 * A pre-handler: tracks each response until it closes. While draining it asks for the
 * connection's close, and refuses a new turn (any POST) with 503 before anything is read or saved.
 */
export function trackInFlight(lifecycle: Lifecycle): restify.RequestHandler {
  return (req, res, next) => {
    if (lifecycle.draining) {
      res.setHeader('Connection', 'close');
      if (req.method === 'POST') {
        res.setHeader('Retry-After', '1');
        res.send(503, { error: { code: 'shutting_down', message: 'This instance is shutting down; send it again.' } });
        return next(false);
      }
    }
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

/** Start-up could not go on; the message is one line for a person, with no stack. */
export class StartupError extends Error {}

/**
 * Resolves once the state store answers a read, retrying meanwhile: the server listens only then,
 * so no turn is taken that could not be saved. Rejects with a StartupError after `timeoutMs`.
 */
export async function waitForStorage(
  deps: { storage: Storage; logger: Logger },
  options: { timeoutMs: number; retryMs?: number; logEveryMs?: number },
): Promise<void> {
  const started = Date.now();
  let logged = 0;
  for (;;) {
    try {
      await deps.storage.read([READINESS_KEY]);
      return;
    } catch (error) {
      const waited = Date.now() - started;
      if (waited >= options.timeoutMs) {
        throw new StartupError(`the state store did not answer within ${Math.round(options.timeoutMs / 1000)} s (${(error as Error).message}); not listening`);
      }
      if (waited - logged >= (options.logEveryMs ?? 5_000) || logged === 0) {
        logged = Math.max(waited, 1);
        deps.logger.warn({ event: 'waiting_for_storage', err: error }, 'waiting for the state store before listening');
      }
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 250));
    }
  }
}

/** Listens on `port`; a port in use or not allowed rejects with a one-line StartupError. */
export function listen(server: restify.Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`port ${port} is in use; set PORT to another port`));
      else if (error.code === 'EACCES') reject(new StartupError(`port ${port} needs privileges this process lacks; set PORT to a port above 1023`));
      else reject(error);
    };
    server.once('error', onError);
    const onListening = () => {
      server.removeListener('error', onError);
      resolve();
    };
    if (host) server.listen(port, host, onListening);
    else server.listen(port, onListening);
  });
}

export interface ShutdownTarget {
  config: Pick<Config, 'shutdownTimeoutMs'>;
  server: restify.Server;
  storage: Storage;
  logger: Logger;
  lifecycle: Lifecycle;
}

/**
 * Stops accepting connections and refuses new turns, lets in-flight turns finish, then closes the
 * state store. After SHUTDOWN_TIMEOUT_MS it cuts what is not a turn (long polls, idle keep-alive
 * connections) but never a turn in flight: cut, its state could be saved while the sender saw a
 * network error and sent the answer again. The caller decides whether to exit.
 */
export async function shutdown(app: ShutdownTarget): Promise<void> {
  const started = Date.now();
  app.lifecycle.draining = true;
  // Without this a keep-alive connection would outlive its last turn and hold the close open
  // until its idle timeout; with it the connection ends as soon as the reply is out.
  for (const res of app.lifecycle.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  const cutOff = setTimeout(() => {
    app.server.server.closeIdleConnections();
    let turns = 0;
    for (const res of app.lifecycle.inFlight) {
      if (res.req?.method === 'POST') turns += 1;
      else res.socket?.destroy();
    }
    if (turns > 0) {
      app.logger.warn({ event: 'shutdown_waiting', turns }, 'turns still in flight past SHUTDOWN_TIMEOUT_MS; letting them finish');
    }
  }, app.config.shutdownTimeoutMs);
  // close() stops listening and drops idle connections. It reports "not running" when the
  // server never listened; there is nothing to wait for then.
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  clearTimeout(cutOff);
  if (isClosable(app.storage)) await app.storage.close();
  app.logger.info({ event: 'shutdown', durationMs: Date.now() - started }, 'stopped');
}
