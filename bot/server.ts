import type { Logger } from 'pino';
import restify from 'restify';
import type { ActivityHandlerBase, Storage } from 'botbuilder';
import type { CheckAdapter } from './adapter';
import type { Config } from './config';
import type { MessageGuards } from './guards/httpGuards';
import type { RateLimits } from './guards/rateLimits';
import { REQUEST_ID } from './observability/ids';
import { registerSmsRoutes } from './sms/route';
import { registerWebChat } from './web/routes';

/** What the server needs to serve turns; built by bot/app.ts, replaced freely in tests. */
export interface ServerDeps {
  config: Config;
  adapter: CheckAdapter;
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** The bot's storage; the SMS edge keeps opt-outs in it and refuses to start without it when configured. */
  storage?: Storage;
  /** Per-conversation (and for SMS per-number) turn limits for our own edges; none when left out. */
  rateLimits?: RateLimits;
  /** Handlers around the body parser on /api/messages: checks (bot/guards). */
  messageGuards?: MessageGuards;
  /**
   * The app's logger, also handed to restify: left to itself restify logs with its own pino, which
   * has none of our redaction (it logged whole requests, Authorization header included) and
   * ignores LOG_LEVEL. Tests may leave it out.
   */
  logger?: Logger;
}

// Bot Framework activities are small; anything bigger is not a chat message.
export const MAX_BODY_BYTES = 256 * 1024;

/** Builds the HTTP server without listening, so tests can start it on a free port. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({
    name: 'all-symptom-check-bot',
    handleUncaughtExceptions: false,
    // restify 11 logs through pino; its types still name bunyan.
    ...(deps.logger ? { log: deps.logger as unknown as restify.ServerOptions['log'] } : {}),
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.post(
    '/api/messages',
    ...(deps.messageGuards?.beforeBody ?? []),
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }),
    ...(deps.messageGuards?.afterBody ?? []),
    async (req, res) => {
      // CloudAdapter answers 401 for a missing or bad token when MicrosoftAppId is set,
      // and 400 for a body that is not an activity.
      await deps.adapter.process(req, res, (context) => {
        context.turnState.set(REQUEST_ID, req.getId()); // for the turn's log line (turnTelemetry.ts)
        return deps.bot.run(context);
      });
    },
  );

  registerSmsRoutes(server, deps);
  registerWebChat(server, deps);

  return server;
}
