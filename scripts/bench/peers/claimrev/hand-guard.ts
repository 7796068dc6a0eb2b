import { isUri } from '../../../../src/validation/runtime.js';
import { isObject, isString, optional } from '../hand-kit.js';
import { OAUTH_CODE_PATTERN } from './oauth-code.js';

const OAUTH_CODE = new RegExp(OAUTH_CODE_PATTERN);

export function handGuard(data: unknown): boolean {
  if (!isObject(data)) return false;
  const { error, error_description, error_uri, error_codes } = data;
  return (
    isString(error) &&
    OAUTH_CODE.test(error) &&
    optional(error_description, isString) &&
    optional(error_uri, (v) => isString(v) && isUri(v)) &&
    optional(data.correlation_id, isString) &&
    optional(data.trace_id, isString) &&
    optional(data.timestamp, isString) &&
    optional(error_codes, (v) => Array.isArray(v) && v.every((code) => Number.isInteger(code)))
  );
}
