import { InvalidOptionError } from '../errors.js';
import {
  checkedRandom,
  finiteNumber,
  optionalCeiling,
  optionalFiniteNumber,
  optionalFunction,
  optionalString,
  requiredString,
} from '../options/check-options.js';
import type { DecideRetryOptions } from './decide-retry.js';
import type { RandomSource } from './schedule.js';

/** The longest delay a Node or browser timer honours (2^31-1 ms); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Throws InvalidOptionError for a programming error in the options; returns the checked random source. */
export function checkDecideRetryOptions(options: DecideRetryOptions): RandomSource {
  if (options === null || typeof options !== 'object')
    throw new InvalidOptionError('options', 'an object', options);
  // Finite numbers below 1 keep their documented reading (the first call); only NaN and Infinity are refused.
  finiteNumber('attempt', options.attempt);
  requiredString('method', options.method);
  optionalFiniteNumber('maxAttempts', options.maxAttempts);
  optionalCeiling('maxRetryAfterMs', options.maxRetryAfterMs);
  optionalString('idempotencyKey', options.idempotencyKey);
  optionalFunction('random', options.random);
  return checkedRandom('random', options.random ?? Math.random);
}
