import type { CodeByVendor, VendorId } from '../vendors/registry.js';
import { documentedErrorOutcome } from './documented-error.js';
import type { MatcherOutcome } from './outcome.js';
import { type RetryPolicyOptions, retryPolicyOutcome } from './retry-policy.js';

/** The part of Vitest's matcher context these matchers read; typed here so no vitest import is needed. */
interface MatcherContext {
  isNot: boolean;
}

function toResult(this: MatcherContext, outcome: MatcherOutcome) {
  return {
    pass: outcome.pass,
    message: () => outcome.message(this.isNot),
    actual: outcome.actual,
    expected: outcome.expected,
  };
}

/** The matchers, for `expect.extend(errorContractMatchers)`; importing this entry already extends. */
export const errorContractMatchers = {
  toBeDocumentedError(this: MatcherContext, received: unknown, vendorId: unknown, code?: unknown) {
    return toResult.call(this, documentedErrorOutcome(received, vendorId, code));
  },
  toFollowRetryPolicy(
    this: MatcherContext,
    received: unknown,
    vendorId: unknown,
    options?: RetryPolicyOptions,
  ) {
    return toResult.call(this, retryPolicyOutcome(received, vendorId, options));
  },
};

/** The matchers' signatures as they appear on `expect(...)`. */
export interface ErrorContractMatchers<R = unknown> {
  /**
   * The response (`{ status, headers, body }`, a NormalizedError or a VendorApiError) is an error
   * the vendor documents, and with `code`, that very code with its documented status.
   */
  toBeDocumentedError<V extends VendorId>(vendorId: V, code?: CodeByVendor[V]): R;
  /**
   * The recorded calls of one request (`[{ at, status, headers?, body?, idempotencyKey? }, ...]`)
   * obey the vendor's retry policy: what is repeated, how long between calls, how many calls.
   */
  toFollowRetryPolicy(vendorId: VendorId, options?: RetryPolicyOptions): R;
}

export type { VendorId };
