import type { Redactor } from './redactor.js';
import type { ClientLogger, LogLevel } from './types.js';

export interface ClientLog {
  (level: LogLevel, message: string, data: Record<string, unknown>): void;
  /** Whether a line of this level reaches the logger, so a call site can skip building its data. */
  wants(level: LogLevel): boolean;
}

/**
 * Every log line goes through the redactor, whatever the call site put in it: a secret that
 * slipped into a message or a field is blanked here, at the last step before the logger.
 */
export function createClientLog(logger: ClientLogger | undefined, redactor: Redactor): ClientLog {
  const log = (level: LogLevel, message: string, data: Record<string, unknown>) => {
    const write = logger?.[level];
    if (!write) return;
    write.call(logger, redactor.text(message), redactor.value(data) as Record<string, unknown>);
  };
  return Object.assign(log, { wants: (level: LogLevel) => typeof logger?.[level] === 'function' });
}
