import { ActivityHandler, Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { createAdapter, CheckAdapter, type ChannelAuthSettings } from './adapter';
import { createCheckBot } from './checkBot';
import type { Config } from './config';
import { loadKnowledge } from '../knowledge';
import { loadReplyWords } from '../check/keywords';
import { createServer } from './server';
import { CardSubmitMiddleware } from './crossChannel/cardSubmitMiddleware';
import { TeamsMiddleware } from './teams/teamsMiddleware';
import { warnAboutChannelEmulation } from './guards/channelIdentity';
import { createRateLimits } from './guards/rateLimits';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { createIdHasher } from './observability/ids';
import { createLogger } from './observability/logger';
import { createMetrics, type BotMetrics } from './observability/metrics';
import { createTurnTelemetry } from './observability/turnTelemetry';
import { createStorage } from './storage/createStorage';
import { holdRepliesUntilSaved } from './storage/heldReplies';
import type restify from 'restify';

export interface App {
  config: Config;
  adapter: CheckAdapter;
  bot: ActivityHandler;
  storage: Storage;
  server: restify.Server;
  logger: Logger;
  /** Counters for /metrics; the dialogs call metrics.recordCheckEnded(reason). */
  metrics: BotMetrics;
  lifecycle: Lifecycle;
}

/** Wires adapter, storage, bot and server from a validated config. Does not listen. */
export function createApp(config: Config, overrides: { storage?: Storage; logger?: Logger; channelAuth?: ChannelAuthSettings } = {}): App {
  // Validate and index the knowledge base now: a bad data file stops start-up with its name, and
  // the first person in each language does not wait for the indexes.
  loadKnowledge();
  loadReplyWords();
  const logger = overrides.logger ?? createLogger(config);
  const metrics = createMetrics();
  warnAboutChannelEmulation(config, logger);
  const adapter = createAdapter(config, overrides.channelAuth, logger);
  const storage = overrides.storage ?? createStorage(config, logger);
  // First, so no reply leaves before the turn's state is saved, and a run thrown away for a newer
  // state (bot/storage/runUntilSaved.ts) is neither sent nor counted by the telemetry after it.
  adapter.use(holdRepliesUntilSaved);
  // Next, so it times and logs every channel's whole turn.
  adapter.use(createTurnTelemetry({ logger, metrics, hashId: createIdHasher(config.log.idSalt), transcripts: config.log.transcripts }));
  adapter.use(new CardSubmitMiddleware());
  adapter.use(new TeamsMiddleware());
  const check = createCheckBot({
    config,
    storage,
    logger,
    onCheckEnded: (reason) => metrics.recordCheckEnded(reason),
    onTurnRerun: () => metrics.recordTurnRerun(),
  });
  const bot = check.bot;
  adapter.onTurnError = check.onTurnError;
  const rateLimits = createRateLimits(config.rateLimits);
  const lifecycle = createLifecycle();
  // Every route and middleware, in order, is in bot/server.ts.
  const server = createServer({
    config,
    adapter,
    bot,
    storage,
    logger,
    rateLimits,
    telemetry: { logger, metrics },
    readiness: { storage, lifecycle, logger },
    warmWebChat: true,
  });
  return { config, adapter, bot, storage, server, logger, metrics, lifecycle };
}
