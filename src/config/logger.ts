import { pino, type Logger } from 'pino';

/**
 * Logs carry a category (`cat`) and, inside requests, the request id. Personal data (contacts, names,
 * passwords, tokens) is redacted so a log file can be shared with a vendor without leaking citizens.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'req.headers.authorization',
        'req.headers.cookie',
        '*.contactValue',
        '*.email',
        '*.phone',
        '*.reporterName',
        'apiKey',
      ],
      censor: '[redacted]',
    },
  });
}

/** Masks an e-mail or phone for log lines: `bu***@gmail.com`, `62812****890`. */
export function maskContact(value: string | undefined | null): string {
  if (!value) return '';
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, Math.min(2, at))}***${value.slice(at)}`;
  if (value.length <= 6) return '***';
  return `${value.slice(0, 5)}****${value.slice(-3)}`;
}
