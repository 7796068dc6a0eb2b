/**
 * The small checks a careful developer writing a guard by hand would write once and reuse. The hand
 * guards are exactly as strict as the schemas (equivalence is tested), short-circuit on the first
 * failure and collect no errors; formats use the package's own functions, as the generated code does.
 */
import type { Guard } from './peer.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** An optional member is absent (or undefined, as ajv treats it) or passes. */
export function optional(value: unknown, check: Guard): boolean {
  return value === undefined || check(value);
}
