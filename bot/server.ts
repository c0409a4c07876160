import type { Logger } from 'pino';
import restify from 'restify';
import type { ActivityHandlerBase, Storage } from 'botbuilder';
import type { CheckAdapter } from './adapter';
import type { Config } from './config';
import type { FetchLike } from './directline/azure';
import { createLocalDirectLine } from './directline/createLocalDirectLine';
import { DIRECT_LINE_PATH, directLineHandlers } from './directline/routes';
import { guardChannelIdentity } from './guards/channelIdentity';
import { createMessageGuards, limitClientRequests, rejectCompressedBodies } from './guards/httpGuards';
import type { RateLimits } from './guards/rateLimits';
import { inOneStep } from './inOneStep';
import { readinessHandler, trackInFlight, type ReadinessDeps } from './lifecycle';
import { logRequest, metricsHandler, tagRequestId, type HttpTelemetryDeps } from './observability/httpTelemetry';
import { REQUEST_ID } from './observability/ids';
import { SMS_PATH, smsWebhook } from './sms/route';
import { corsFor } from './web/cors';
import { SESSION_PATH } from './web/page';
import { webChatHandlers } from './web/routes';
import { azureSessions, localSessions, sessionHandler } from './web/session';

/** What the server needs to serve turns; built by bot/app.ts, replaced freely in tests. */
export interface ServerDeps {
  config: Config;
  adapter: CheckAdapter;
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** The bot's storage; the SMS edge keeps opt-outs in it and refuses to start without it when configured. */
  storage?: Storage;
  /**
   * The app's logger, also handed to restify: left to itself restify logs with its own pino, which
   * has none of our redaction (it would log whole requests, Authorization header included) and
   * ignores LOG_LEVEL. Tests may leave it out.
   */
  logger?: Logger;
  /**
   * The limits of bot/guards. With them every guard is on: per-address limits before any body is
   * read, compressed bodies refused, /api/messages checked around its body parser, and turns
   * limited per conversation (and for SMS per number). Tests of one edge leave them out.
   */
  rateLimits?: RateLimits;
  /** X-Request-Id, a log line per request and GET /metrics; left out by tests of one edge. */
  telemetry?: HttpTelemetryDeps;
  /** GET /readyz and draining for shutdown; left out by tests of one edge. */
  readiness?: ReadinessDeps;
  /** Used only with DIRECT_LINE_SECRET, to ask Azure for conversation tokens; tests pass a fake. */
  directLineFetch?: FetchLike;
  /**
   * Read and compress Web Chat's bundle as soon as the server listens (the whole app does), so the
   * first person to open the chat does not wait for it. Tests of one edge leave it out.
   */
  warmWebChat?: boolean;
}

// Bot Framework activities are small; anything bigger is not a chat message.
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Builds the HTTP server without listening, so tests can start it on a free port. Every route and
 * every handler that runs before them is here, in the order restify runs them.
 */
export function createServer(deps: ServerDeps): restify.Server {
  const { config, rateLimits, telemetry, readiness } = deps;
  const server = restify.createServer({
    name: 'all-symptom-check-bot',
    handleUncaughtExceptions: false,
    // restify 12 logs through pino; its types still name bunyan.
    ...(deps.logger ? { log: deps.logger as unknown as restify.ServerOptions['log'] } : {}),
  });

  // Slow senders: Node's defaults let a request take 300 s to arrive. Node checks these timeouts
  // every connectionsCheckingInterval (30 s by default), read when the server starts listening.
  server.server.headersTimeout = config.http.headersTimeoutMs;
  server.server.requestTimeout = config.http.requestTimeoutMs;
  server.server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  (server.server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.max(
    100,
    Math.min(5_000, Math.floor(config.http.headersTimeoutMs / 4)),
  );

  // Before routing, in this order. CORS first: a refused origin or a preflight is answered before
  // anything else runs (and so carries no X-Request-Id and is not counted in flight). Handlers
  // that follow each other are run by inOneStep, as restify would, but without its cost per handler.
  server.pre(
    inOneStep(
      corsFor([DIRECT_LINE_PATH, SESSION_PATH], config.web.allowedOrigins),
      ...(telemetry ? [tagRequestId] : []),
      ...(readiness ? [trackInFlight(readiness.lifecycle)] : []),
    ),
  );

  // On every route, before the route's own handlers, in this order; no body has been read yet.
  server.use(
    inOneStep(
      restify.plugins.queryParser({ mapParams: false }),
      ...(rateLimits
        ? [
            limitClientRequests(rateLimits, {
              trustedHops: config.rateLimits.trustProxyHops,
              messagesAuthenticated: !config.authDisabled,
              personPaths: [SESSION_PATH, DIRECT_LINE_PATH],
            }),
            rejectCompressedBodies,
          ]
        : []),
    ),
  );
  if (telemetry) server.on('after', logRequest(telemetry));

  // Probes and metrics.
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  if (readiness) server.get('/readyz', readinessHandler(readiness));
  if (telemetry) server.get('/metrics', metricsHandler(telemetry.metrics));

  // Bot Framework channels: Teams, the Emulator, Azure's Web Chat and Direct Line. Without an app
  // id, only the Emulator's channel (and loopback callers with ALLOW_CHANNEL_EMULATION): always on,
  // even in tests of one edge.
  const channelIdentity = guardChannelIdentity(config);
  const messageGuards = createMessageGuards(rateLimits, channelIdentity);
  server.post(
    '/api/messages',
    inOneStep(
      ...messageGuards.beforeBody,
      ...restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }),
      ...messageGuards.afterBody,
    ),
    async (req, res) => {
      // CheckAdapter answers 401 for a missing or bad token when MicrosoftAppId is set (a channel's
      // token must name the activity's serviceUrl), 400 for a body that is not an activity, and a
      // fixed 500 body when the turn fails: never the error's own text.
      await deps.adapter.handle(req, res, (context) => {
        context.turnState.set(REQUEST_ID, req.getId()); // for the turn's log line (turnTelemetry.ts)
        return deps.bot.run(context);
      });
    },
  );

  // SMS: Twilio's webhook.
  server.post(SMS_PATH, ...smsWebhook(deps));

  // The website chat: its page, a demo host page, the files they load, the embeddable widget.
  const webChat = webChatHandlers(deps);
  server.get('/', webChat.chatPage);
  server.get('/demo', webChat.demoPage);
  server.get('/static/webchat.js', webChat.webChatBundle);
  server.get('/static/chat.js', webChat.chatScript);
  server.get('/static/chat.css', webChat.chatStyles);
  server.get('/static/demo.css', webChat.demoStyles);
  server.get('/favicon.ico', webChat.favicon);
  server.get('/widget.js', webChat.widgetScript);
  if (webChat.servesFullBundle) {
    deps.logger?.warn({ event: 'webchat_full_bundle' }, 'dist/webchat/webchat.js is not built (npm run build): the chat page loads Web Chat’s full bundle, slower to open');
  }
  if (deps.warmWebChat) {
    server.server.once('listening', () => {
      webChat.warm().catch((error: unknown) => deps.logger?.warn({ event: 'webchat_bundle_unavailable', err: error }, 'Web Chat bundle could not be read'));
    });
  }

  // The page's session: a Direct Line token, from Azure with DIRECT_LINE_SECRET, else from the
  // bot's own Direct Line below.
  const local = config.web.directLine.secret === undefined ? createLocalDirectLine(deps) : undefined;
  const issueSession = local
    ? localSessions(local.directLine)
    : azureSessions(config.web, deps.directLineFetch ?? (globalThis.fetch as FetchLike));
  server.post(SESSION_PATH, sessionHandler(issueSession));

  // The bot's own Direct Line 3.0 (polling), for the page when there is no Azure Direct Line.
  if (local) {
    const directLine = directLineHandlers({ directLine: local.directLine, tokenSecret: local.tokenSecret, rateLimits });
    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, ...directLine.generateToken);
    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, ...directLine.refreshToken);
    server.post(`${DIRECT_LINE_PATH}/conversations`, ...directLine.startConversation);
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, ...directLine.getConversation);
    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, ...directLine.postActivity);
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, ...directLine.getActivities);
  }

  return server;
}
