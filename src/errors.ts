/**
 * Every error this package throws extends ErrorContractsError and carries a stable `code`, so
 * callers can branch on `error.code` without parsing messages, the way Node's own errors work.
 */
export class ErrorContractsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
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
