import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Paths pino blanks before a line is written, so credentials never reach a log:
 * request headers that carry them and any body field named like a secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.initialPassword',
  '*.secret',
  '*.token',
  '*.secretKey',
  '*.adminPassword',
  '*.databaseUrl',
  '*.metricsToken',
];

/** The process logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'plinth' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}
