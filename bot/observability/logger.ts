import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config';

// The code logs ids, types, channels, durations and statuses only. These paths are a second line
// of defence in case someone logs a whole activity, request or body by mistake.
const REDACTED_PATHS = [
  'text', '*.text', 'activity', '*.activity', 'body', '*.body', 'from', '*.from',
  'name', '*.name', 'headers', '*.headers', 'phone', '*.phone',
];

/**
 * An error as logged: its type, message, code, status and stack, and the same of its cause. Never
 * its other fields: an Azure RestError carries the request it failed on (the Authorization header
 * with the bot's token, the activity with what a person typed) and the response.
 */
export function loggedError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as Error & { code?: unknown; statusCode?: unknown; cause?: unknown };
  const logged: Record<string, unknown> = { type: error.constructor?.name ?? 'Error', message: error.message, stack: error.stack };
  if (typeof fields.code === 'string' || typeof fields.code === 'number') logged.code = fields.code;
  if (typeof fields.statusCode === 'number') logged.statusCode = fields.statusCode;
  if (fields.cause !== undefined && depth < 3) logged.cause = loggedError(fields.cause, depth + 1);
  return logged;
}

/** The app's one logger. `destination` lets tests capture the lines. */
export function createLogger(config: Config, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { service: 'all-symptom-check-bot' },
    // With LOG_TRANSCRIPTS the text goes under `transcript`, deliberately outside these paths.
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: loggedError,
      // restify may log its request object; the method is all we want from it.
      req: (req: { method?: string }) => ({ method: req.method }),
    },
  };
  const logger = destination ? pino(options, destination) : pino(options);
  if (config.log.transcripts) {
    logger.warn(
      { event: 'transcripts_on' },
      'LOG_TRANSCRIPTS=true: what people type is written to the logs. For local debugging only; never in production.',
    );
  }
  return logger;
}
