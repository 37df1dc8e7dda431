import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Structured JSON logs. Secrets are redacted wherever they might appear; article text and summaries
 * are never passed to the logger unless content logging is switched on (embargoed news).
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'brief' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          '*.authorization',
          '*.headers.authorization',
          '*.headers["x-api-key"]',
          '*.apiKey',
          '*.api_key',
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
