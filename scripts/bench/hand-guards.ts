/**
 * Hand-written type guards for the envelope schemas: the fastest check a careful developer would
 * write by hand, as the floor the generated validators are measured against. They are exactly as
 * strict as the schemas (equivalence is tested), short-circuit on the first failure and collect no
 * errors, which is the advantage a hand guard has over a validator that reports every problem.
 * Formats use the package's own functions, as the generated validators do.
 */
import type { VendorId } from '../../src/index.js';
import { isDateTime, isUri } from '../../src/validation/runtime.js';
import { foresightErrorTypes } from './subjects.js';

type Guard = (data: unknown) => boolean;
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** An optional member is absent (or undefined, as JSON Schema's ajv treats it) or passes. */
function optional(value: unknown, check: Guard): boolean {
  return value === undefined || check(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

// RFC 6749's error charset (printable ASCII without " and \), as the schema has it.
const OAUTH_CODE = /^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/;

function isClaimrevTokenError(data: unknown): boolean {
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

// Each guard checks members in the schema's order, as someone writing it from the schema would.
function isCollateEnvelope(data: unknown): boolean {
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

function isCasexchangeEnvelope(data: unknown): boolean {
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

const FORESIGHT_TYPES: ReadonlySet<unknown> = new Set(foresightErrorTypes);

function isForesightEnvelope(data: unknown): boolean {
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

function isDenialbaseDetail(detail: unknown): boolean {
  return isObject(detail) && isNonEmptyString(detail.field) && isString(detail.message);
}

function isDenialbaseEnvelope(data: unknown): boolean {
  if (!isObject(data)) return false;
  const error = data.error;
  return (
    isObject(error) &&
    isNonEmptyString(error.code) &&
    isString(error.message) &&
    optional(error.details, (v) => Array.isArray(v) && v.every(isDenialbaseDetail)) &&
    isNonEmptyString(error.request_id)
  );
}

/** The hand guard standing in for each vendor's bench subject (ClaimRev: its token error). */
export const handGuards: Record<VendorId, Guard> = {
  claimrev: isClaimrevTokenError,
  collate: isCollateEnvelope,
  casexchange: isCasexchangeEnvelope,
  foresight: isForesightEnvelope,
  denialbase: isDenialbaseEnvelope,
};
