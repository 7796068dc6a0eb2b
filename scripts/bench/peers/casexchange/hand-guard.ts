import { isDateTime } from '../../../../src/validation/runtime.js';
import { isNonEmptyString, isObject, isString } from '../hand-kit.js';

export function handGuard(data: unknown): boolean {
  if (!isObject(data)) return false;
  const { error, meta } = data;
  return (
    isObject(error) &&
    isNonEmptyString(error.code) &&
    isString(error.message) &&
    // meta, its request id ("if present") and the example's timestamp are all optional, but
    // typed when there.
    (meta === undefined ||
      (isObject(meta) &&
        (meta.requestId === undefined || isNonEmptyString(meta.requestId)) &&
        (meta.timestamp === undefined || (isString(meta.timestamp) && isDateTime(meta.timestamp)))))
  );
}
