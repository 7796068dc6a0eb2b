import type { ErrorCode } from './error-codes.js';

export { ERROR_CODES } from './error-codes.js';
export type { ErrorCode };

/**
 * Every error this package throws extends ErrorContractsError and carries a stable `code`, so
 * callers can branch on `error.code` without parsing messages, the way Node's own errors work.
 */
export class ErrorContractsError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ErrorContractsError';
    this.code = code;
  }
}

/** A vendor id that is not one of vendorIds. */
export class UnknownVendorError extends ErrorContractsError {
  readonly vendorId: string;
  readonly validIds: readonly string[];

  constructor(vendorId: unknown, validIds: readonly string[]) {
    super(
      'ERR_UNKNOWN_VENDOR',
      `Unknown vendor ${JSON.stringify(vendorId)}. Valid vendor ids: ${validIds.join(', ')}.`,
    );
    this.name = 'UnknownVendorError';
    this.vendorId = String(vendorId);
    this.validIds = validIds;
  }
}

/** An envelope name that the vendor does not define (validateError's `schema` option). */
export class UnknownEnvelopeError extends ErrorContractsError {
  constructor(vendorId: string, envelope: string, validNames: readonly string[]) {
    super(
      'ERR_UNKNOWN_ENVELOPE',
      `Vendor ${vendorId} has no envelope ${JSON.stringify(envelope)}. Valid names: ${validNames.join(', ')}.`,
    );
    this.name = 'UnknownEnvelopeError';
  }
}

/**
 * An error-contracts/vitest matcher called with arguments it cannot judge (an unknown code, no
 * list of attempts): a mistake in the test itself, so it throws rather than reporting a failure.
 */
export class MatcherUsageError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_MATCHER_USAGE', message);
    this.name = 'MatcherUsageError';
  }
}

/**
 * An option a caller passed has the wrong type or a number that is not finite: a programming
 * error, refused at once rather than turned into a run of retries with no wait in between.
 */
export class InvalidOptionError extends ErrorContractsError {
  readonly option: string;

  constructor(option: string, expected: string, value: unknown) {
    super('ERR_INVALID_OPTION', `The option ${option} must be ${expected}; got ${describeValue(value)}.`);
    this.name = 'InvalidOptionError';
    this.option = option;
  }
}

/** A short, safe description of a bad option value: its type, and a number's value (never a string's). */
function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}

/** An argument outside its range, given to a simulator or test-time helper (a clock moved back, say). */
export class InvalidArgumentError extends ErrorContractsError {
  constructor(message: string) {
    super('ERR_INVALID_ARGUMENT', message);
    this.name = 'InvalidArgumentError';
  }
}
