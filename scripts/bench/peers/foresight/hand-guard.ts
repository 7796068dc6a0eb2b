import { isUri } from '../../../../src/validation/runtime.js';
import { isNonEmptyString, isObject, isString, optional } from '../hand-kit.js';
import { foresightErrorTypes } from './error-types.js';

const FORESIGHT_TYPES: ReadonlySet<unknown> = new Set(foresightErrorTypes);

export function handGuard(data: unknown): boolean {
  if (!isObject(data)) return false;
  const error = data.error;
  return (
    isObject(error) &&
    FORESIGHT_TYPES.has(error.type) &&
    isNonEmptyString(error.code) &&
    isString(error.message) &&
    optional(error.param, isNonEmptyString) &&
    isNonEmptyString(error.requestId) &&
    isString(error.docsUrl) &&
    isUri(error.docsUrl)
  );
}
