import restify from 'restify';
import type { ActivityHandlerBase } from 'botbuilder';
import type { CheckAdapter } from './adapter';
import type { Config } from './config';

/** What the server needs to serve turns; built by bot/app.ts, replaced freely in tests. */
export interface ServerDeps {
  config: Config;
  adapter: CheckAdapter;
  bot: Pick<ActivityHandlerBase, 'run'>;
}

// Bot Framework activities are small; anything bigger is not a chat message.
export const MAX_BODY_BYTES = 256 * 1024;

/** Builds the HTTP server without listening, so tests can start it on a free port. */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'all-symptom-check-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }),
    async (req, res) => {
      // CloudAdapter answers 401 for a missing or bad token when MicrosoftAppId is set,
      // and 400 for a body that is not an activity.
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    },
  );

  return server;
}
