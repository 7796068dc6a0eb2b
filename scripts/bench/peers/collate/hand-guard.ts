import { isNonEmptyString, isObject, isString, optional } from '../hand-kit.js';

// Members are checked in the schema's order, as someone writing the guard from the schema would.
export function handGuard(data: unknown): boolean {
  if (!isObject(data)) return false;
  const error = data.error;
  return (
    isObject(error) &&
    isNonEmptyString(error.code) &&
    isString(error.message) &&
    typeof error.retryable === 'boolean' &&
    optional(error.details, isObject) &&
    optional(error.issues, (v) => Array.isArray(v) && v.every(isObject)) &&
    isNonEmptyString(data.requestId)
  );
}
