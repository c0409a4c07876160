import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { REQUEST_ID } from './ids';
import type { BotMetrics } from './metrics';

export interface TurnTelemetryDeps {
  logger: Logger;
  metrics: BotMetrics;
  hashId: (id: string | undefined) => string | undefined;
  /** LOG_TRANSCRIPTS: also log what was typed and answered. Local debugging only. */
  transcripts: boolean;
}

/**
 * Adapter middleware, so every channel's turns (HTTP, Direct Line, SMS) are timed and logged the
 * same way. One line per turn: hashed conversation id, type, channel, replies, duration, outcome;
 * never the text, the name or the number of the person.
 */
export function createTurnTelemetry(deps: TurnTelemetryDeps): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      const { activity } = context;
      let replies = 0;
      const answered: string[] = [];
      context.onSendActivities(async (_context, activities, send) => {
        replies += activities.filter((reply) => reply.type === 'message').length;
        if (deps.transcripts) answered.push(...activities.flatMap((reply) => (reply.text ? [reply.text] : [])));
        return send();
      });
      let outcome: 'ok' | 'error' = 'error';
      try {
        await next();
        outcome = 'ok';
      } finally {
        const seconds = (performance.now() - started) / 1000;
        deps.metrics.recordTurn(activity.channelId, seconds, outcome);
        // The line (and the id's hash) is built only when it is written: LOG_LEVEL above info.
        if (deps.logger.isLevelEnabled('info')) deps.logger.info(
          {
            event: 'turn',
            requestId: context.turnState.get(REQUEST_ID) as string | undefined,
            conversation: deps.hashId(activity.conversation?.id),
            activityType: activity.type,
            channel: activity.channelId,
            replies,
            durationMs: Math.round(seconds * 1000),
            outcome,
            ...(deps.transcripts ? { transcript: { typed: activity.text, answered } } : {}),
          },
          'turn',
        );
      }
    },
  };
}
