import { InvalidOptionError } from '../errors.js';

/*
 * Checks for the options of the public functions. A wrong type or a non-finite number is a
 * programming error: NaN compares false with everything, so an unchecked `attempt: NaN` never
 * reaches the last attempt and a `delayMs: NaN` sleeps for nothing. Each check throws
 * InvalidOptionError naming the option; an absent optional option passes.
 */

export function finiteNumber(name: string, value: unknown, min = Number.NEGATIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidOptionError(
      name,
      min > Number.NEGATIVE_INFINITY ? `a finite number of at least ${min}` : 'a finite number',
      value,
    );
  }
  return value;
}

/** An integer from `min` to `max`, or absent: a timer delay Node honours as given. */
export function optionalIntegerInRange(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(name, `an integer from ${min} to ${max}`, value);
  }
}

export function optionalFiniteNumber(name: string, value: unknown, min?: number): void {
  if (value !== undefined) finiteNumber(name, value, min);
}

/** A number or +Infinity (a ceiling that is "no ceiling"), never NaN. */
export function optionalCeiling(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidOptionError(name, 'a number of at least 0 (Infinity for no limit)', value);
  }
}

export function optionalFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function')
    throw new InvalidOptionError(name, 'a function', value);
}

export function requiredString(name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '')
    throw new InvalidOptionError(name, 'a non-empty string', value);
}

export function optionalString(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') throw new InvalidOptionError(name, 'a string', value);
}

export function optionalStringList(name: string, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new InvalidOptionError(name, 'an array of strings', value);
  }
}

/** Wraps a clock so that a reading that is not a finite number fails loudly where it is used. */
export function checkedClock(name: string, now: () => number): () => number {
  return () => finiteNumber(`${name}()`, now());
}

/** Wraps a random source so that a draw outside [0, 1) fails loudly where it is used. */
export function checkedRandom(name: string, random: () => number): () => number {
  return () => {
    const draw = random();
    if (typeof draw !== 'number' || !(draw >= 0 && draw <= 1)) {
      throw new InvalidOptionError(`${name}()`, 'a number from 0 to 1', draw);
    }
    return draw;
  };
}
