import { InvalidOptionError } from '../errors.js';
import {
  optionalCeiling,
  optionalFiniteNumber,
  optionalFunction,
  optionalIntegerInRange,
  optionalStringList,
  requiredString,
} from '../options/check-options.js';
import { MAX_TIMER_MS } from '../retry/retry-options.js';
import type { ClientOptions } from './types.js';

/** Throws InvalidOptionError, naming the option, for a wrong type or a number that is not finite. */
export function checkClientOptions(options: ClientOptions): void {
  if (options === null || typeof options !== 'object')
    throw new InvalidOptionError('options', 'an object', options);
  requiredString('baseUrl', options.baseUrl);
  if (options.credentials === null || typeof options.credentials !== 'object') {
    throw new InvalidOptionError('credentials', 'an object', options.credentials);
  }
  for (const name of ['fetch', 'sleep', 'now', 'random', 'onRetry', 'generateIdempotencyKey'] as const) {
    optionalFunction(name, options[name]);
  }
  optionalFiniteNumber('maxAttempts', options.maxAttempts);
  // Node fires a timer longer than 2^31-1 ms after 1 ms, and throws for a fractional or huge one.
  optionalIntegerInRange('timeoutMs', options.timeoutMs, 1, MAX_TIMER_MS);
  optionalCeiling('maxRetryAfterMs', options.maxRetryAfterMs);
  optionalStringList('phiFields', options.phiFields);
  if (options.logger !== undefined && (options.logger === null || typeof options.logger !== 'object')) {
    throw new InvalidOptionError('logger', 'an object with debug/info/warn/error functions', options.logger);
  }
}
