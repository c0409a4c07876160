import type { Logger } from 'pino';
import type restify from 'restify';
import { DIRECT_LINE_PATH } from '../directline/routes';
import { requestIdFrom } from './ids';
import type { BotMetrics } from './metrics';

// Web Chat polls every second or so, and probes and scrapers call on a timer: at info they would
// bury the lines that matter (one per turn, one per other request).
const QUIET_GETS = new Set(['/healthz', '/readyz', '/metrics', '/favicon.ico', `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`]);
const isQuiet = (method: string, routePath: string) => (method === 'GET' || method === 'HEAD') && QUIET_GETS.has(routePath);

/**
 * X-Request-Id on every response, one log line per request (method, route pattern, status,
 * duration: the URL itself can hold a conversation id, so it is not logged), request counts,
 * and GET /metrics for Prometheus.
 */
export function installHttpTelemetry(server: restify.Server, deps: { logger: Logger; metrics: BotMetrics }): void {
  server.pre((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    // restify's types omit the setter form of req.id(); it makes req.getId() return ours.
    (req as unknown as { id(requestId: string): string }).id(requestId);
    res.setHeader('X-Request-Id', requestId);
    next();
  });

  server.on('after', (req: restify.Request, res: restify.Response, route: { spec?: { path?: unknown } } | null) => {
    const routePath = typeof route?.spec?.path === 'string' ? route.spec.path : 'unmatched';
    const method = req.method ?? 'UNKNOWN';
    deps.metrics.recordHttpRequest(routePath, method, res.statusCode);
    const level = isQuiet(method, routePath) ? 'debug' : 'info';
    deps.logger[level](
      { event: 'http', requestId: req.getId(), method, route: routePath, status: res.statusCode, durationMs: Date.now() - req.time() },
      'request',
    );
  });

  server.get('/metrics', async (_req, res) => {
    const body = await deps.metrics.registry.metrics();
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.sendRaw(200, body);
  });
}
