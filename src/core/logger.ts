import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config-settings';

export type { Logger };

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Human-readable lines instead of JSON; by default when stdout is a terminal. */
  readonly pretty?: boolean;
  /** Where lines go (tests capture them); stdout by default. */
  readonly destination?: DestinationStream;
}

/** One JSON line per event for machines; readable lines when a person watches a terminal. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'zhili' },
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty ?? process.stdout.isTTY)
    return pino(
      base,
      pretty({ colorize: true, ignore: 'pid,hostname,service', translateTime: 'SYS:HH:MM:ss.l' }),
    );
  // Buffered writes: a line per request must not cost a write() each. pino flushes them at exit.
  return pino(base, pino.destination({ dest: 1, sync: false }));
}
