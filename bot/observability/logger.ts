import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config';

// The code logs ids, types, channels, durations and statuses only. These paths are a second line
// of defence in case someone logs a whole activity, request or body by mistake.
const REDACTED_PATHS = [
  'text', '*.text', 'activity', '*.activity', 'body', '*.body', 'from', '*.from',
  'name', '*.name', 'headers', '*.headers', 'phone', '*.phone',
];

/** The app's one logger. `destination` lets tests capture the lines. */
export function createLogger(config: Config, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { service: 'all-symptom-check-bot' },
    // With LOG_TRANSCRIPTS the text goes under `transcript`, deliberately outside these paths.
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      err: pino.stdSerializers.err,
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
