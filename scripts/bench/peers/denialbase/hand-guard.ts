import { isNonEmptyString, isObject, isString, optional } from '../hand-kit.js';

function isDetail(detail: unknown): boolean {
  return isObject(detail) && isNonEmptyString(detail.field) && isString(detail.message);
}

export function handGuard(data: unknown): boolean {
  if (!isObject(data)) return false;
  const error = data.error;
  return (
    isObject(error) &&
    isNonEmptyString(error.code) &&
    isString(error.message) &&
    optional(error.details, (v) => Array.isArray(v) && v.every(isDetail)) &&
    isNonEmptyString(error.request_id)
  );
}
