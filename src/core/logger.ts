import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr so that stdout stays clean for `--json` output. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'presswatch' } }, pino.destination(2));
}

/** For library code under test and for commands that must print nothing but their output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
