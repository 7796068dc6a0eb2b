import { type ErrorCode, ErrorContractsError } from '../errors.js';
import type { ErrorCategory } from '../generated/meta-types.js';
import type { NormalizedError } from '../normalize/types.js';
import type { RetryDecision } from '../retry/decide-retry.js';
import type { CodeByVendor, VendorId } from '../vendors/registry.js';
import type { SupportBundle } from './support-bundle.js';

export interface VendorApiErrorDetails<V extends VendorId = VendorId> {
  message: string;
  normalized: NormalizedError<V>;
  supportBundle: SupportBundle;
  /** Calls made, the first included. */
  attempts: number;
  /** Why the client stopped, when the retry rules decided it. */
  decision: RetryDecision | null;
}

/**
 * The base of every error the client throws after a vendor call failed for good. It carries the
 * normalized error, the status and request id, and the support bundle the vendor asks for; the
 * low-level failure (a network error, say) is its `cause`.
 */
export class VendorApiError<V extends VendorId = VendorId> extends ErrorContractsError {
  /** The stable code of each subclass; the base class itself is never thrown. */
  static readonly errorCode: ErrorCode = 'ERR_VENDOR_API';
  override readonly name: string = 'VendorApiError';
  readonly vendor: V;
  /** The HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | null;
  /**
   * The vendor's own error code from the body ("version_conflict") when its catalog lists it, typed
   * as that vendor's code union (narrow with `isVendorApiError(error, vendor)`), else null: no code
   * came, or one the docs do not list (then `normalized.code` holds it as sent). `code` is this
   * package's stable ERR_* code for the kind of failure.
   */
  readonly vendorCode: CodeByVendor[V] | null;
  readonly normalized: NormalizedError<V>;
  readonly supportBundle: SupportBundle;
  readonly attempts: number;
  readonly decision: RetryDecision | null;

  constructor(details: VendorApiErrorDetails<V>, options?: { cause?: unknown }) {
    super((new.target as typeof VendorApiError).errorCode, details.message, options);
    this.vendor = details.normalized.vendor;
    this.status = details.normalized.status;
    this.requestId = details.normalized.requestId;
    this.vendorCode = details.normalized.documented ? details.normalized.code : null;
    this.normalized = details.normalized;
    this.supportBundle = details.supportBundle;
    this.attempts = details.attempts;
    this.decision = details.decision;
  }
}

/**
 * Whether `error` is a VendorApiError (any subclass), from `vendor` when one is named. Named, it
 * narrows the error to that vendor, so `vendorCode` is the vendor's code union and a misspelt code
 * does not compile.
 */
export function isVendorApiError<V extends VendorId = VendorId>(
  error: unknown,
  vendor?: V,
): error is VendorApiError<V> {
  return error instanceof VendorApiError && (vendor === undefined || error.vendor === vendor);
}

/** Credentials missing, wrong or expired, after any refresh the vendor allows. */
export class AuthenticationError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_AUTHENTICATION';
  override readonly name = 'AuthenticationError';
}

/** The vendor wants a second sign-in factor completed first. */
export class SecondFactorRequiredError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_SECOND_FACTOR';
  override readonly name = 'SecondFactorRequiredError';
}

/** Authenticated, but not allowed to do this or to touch this resource. */
export class PermissionError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_PERMISSION';
  override readonly name = 'PermissionError';
}

/** The request itself must change; `normalized.fieldErrors` says where. */
export class ValidationError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_VALIDATION';
  override readonly name = 'ValidationError';
}

export class NotFoundError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_NOT_FOUND';
  override readonly name = 'NotFoundError';
}

/** The resource's state or version changed; re-read and reconcile. */
export class ConflictError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_CONFLICT';
  override readonly name = 'ConflictError';
}

/** The Idempotency-Key was refused (in use, or reused for another body). */
export class IdempotencyError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_IDEMPOTENCY';
  override readonly name = 'IdempotencyError';
}

export class PayloadTooLargeError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_PAYLOAD';
  override readonly name = 'PayloadTooLargeError';
}

export class RateLimitError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_RATE_LIMIT';
  override readonly name = 'RateLimitError';
}

/** A system behind the vendor (a payer, a portal session) failed. */
export class UpstreamError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_UPSTREAM';
  override readonly name = 'UpstreamError';
}

export class ServerError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_SERVER';
  override readonly name = 'ServerError';
}

/** A response the normalizer could not place in any category (an unexpected status or shape). */
export class UnclassifiedError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_UNCLASSIFIED';
  override readonly name = 'UnclassifiedError';
}

/**
 * The vendor answered with a redirect. The client never follows one: the next hop could be another
 * origin, and the request carries credentials. A vendor API that moved needs a new base URL.
 */
export class RedirectError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_REDIRECT';
  override readonly name = 'RedirectError';
}

/** No response arrived at all: a refused connection, a reset, a timeout. */
export class TransportError<V extends VendorId = VendorId> extends VendorApiError<V> {
  static override readonly errorCode = 'ERR_VENDOR_TRANSPORT';
  override readonly name = 'TransportError';
}

const CLASS_BY_CATEGORY: Readonly<Record<ErrorCategory, typeof VendorApiError>> = {
  authentication: AuthenticationError,
  second_factor: SecondFactorRequiredError,
  permission: PermissionError,
  validation: ValidationError,
  not_found: NotFoundError,
  conflict: ConflictError,
  idempotency: IdempotencyError,
  payload: PayloadTooLargeError,
  rate_limit: RateLimitError,
  upstream: UpstreamError,
  server: ServerError,
  unknown: UnclassifiedError,
};

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** The one place that maps a failure to its class: no response is a transport error. */
export function createVendorApiError(details: VendorApiErrorDetails, cause?: unknown): VendorApiError {
  const { status } = details.normalized;
  const ErrorClass =
    status === 0
      ? TransportError
      : isRedirect(status)
        ? RedirectError
        : CLASS_BY_CATEGORY[details.normalized.category];
  return new ErrorClass(details, cause === undefined ? undefined : { cause });
}
