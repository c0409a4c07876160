import type { Logger } from 'pino';
import type restify from 'restify';
import { DIRECT_LINE_PATH } from '../directline/routes';
import { requestIdFrom } from './ids';
import type { BotMetrics } from './metrics';

export interface HttpTelemetryDeps {
  logger: Logger;
  metrics: BotMetrics;
}

// Web Chat polls every second or so, and probes and scrapers call on a timer: at info they would
// bury the lines that matter (one per turn, one per other request).
const QUIET_GETS = new Set(['/healthz', '/readyz', '/metrics', '/favicon.ico', `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`]);
const isQuiet = (method: string, routePath: string) => (method === 'GET' || method === 'HEAD') && QUIET_GETS.has(routePath);

/** A pre-handler: X-Request-Id on every response, the caller's own when it sent a usable one. */
export const tagRequestId: restify.RequestHandler = (req, res, next) => {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  // restify's types omit the setter form of req.id(); it makes req.getId() return ours.
  (req as unknown as { id(requestId: string): string }).id(requestId);
  res.setHeader('X-Request-Id', requestId);
  next();
};

/**
 * For the server's 'after' event: one log line per request (method, route pattern, status,
 * duration: the URL itself can hold a conversation id, so it is not logged) and request counts.
 */
export function logRequest(deps: HttpTelemetryDeps) {
  return (req: restify.Request, res: restify.Response, route: { spec?: { path?: unknown } } | null): void => {
    const routePath = typeof route?.spec?.path === 'string' ? route.spec.path : 'unmatched';
    const method = req.method ?? 'UNKNOWN';
    deps.metrics.recordHttpRequest(routePath, method, res.statusCode);
    const level = isQuiet(method, routePath) ? 'debug' : 'info';
    if (!deps.logger.isLevelEnabled(level)) return;
    deps.logger[level](
      { event: 'http', requestId: req.getId(), method, route: routePath, status: res.statusCode, durationMs: Date.now() - req.time() },
      'request',
    );
  };
}

/** GET /metrics, for Prometheus. */
export function metricsHandler(metrics: BotMetrics): restify.RequestHandler {
  return async (_req: restify.Request, res: restify.Response) => {
    const body = await metrics.registry.metrics();
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.sendRaw(200, body);
  };
}
