import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** The one root logger of a process; components take child loggers: log.child({ component: 'raft' }). */
export function createLogger(opts: { level?: string; name?: string; destination?: number | string } = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? process.env.CLUSTERCTL_LOG_LEVEL ?? 'info',
    base: opts.name === undefined ? { pid: process.pid } : { pid: process.pid, name: opts.name },
  };
  if (opts.destination === undefined) return pino(options);
  return pino(options, pino.destination({ dest: opts.destination, sync: false }));
}

/** A logger that drops everything (unit tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
