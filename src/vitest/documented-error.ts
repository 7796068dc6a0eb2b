import { MatcherUsageError, UnknownVendorError } from '../errors.js';
import { normalizeError } from '../normalize/normalize-error.js';
import type { NormalizedError, ResponseInput } from '../normalize/types.js';
import { didYouMean } from '../text/suggest.js';
import { findCatalogEntry, getVendor, isVendorId, type VendorId, vendorIds } from '../vendors/registry.js';
import type { MatcherOutcome } from './outcome.js';

/** What toBeDocumentedError accepts: a response as read, a NormalizedError, or a client's VendorApiError. */
export type ErrorResponseLike = ResponseInput | NormalizedError | { normalized: NormalizedError };

function isNormalized(value: unknown): value is NormalizedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'documented' in value &&
    'raw' in value &&
    'vendor' in value
  );
}

function toNormalized(received: unknown, vendorId: VendorId, code: string | undefined): NormalizedError {
  const inner =
    typeof received === 'object' && received !== null && 'normalized' in received
      ? (received as { normalized: unknown }).normalized
      : received;
  if (isNormalized(inner)) return inner;
  // The expected code names the surface: ClaimRev's codes come from its token endpoint.
  const surface = code === undefined ? 'api' : (findCatalogEntry(vendorId, code)?.surface ?? 'api');
  return normalizeError(vendorId, inner as ResponseInput, { surface });
}

const describeCode = (code: string | null) => (code === null ? 'no code' : `code ${JSON.stringify(code)}`);

/**
 * The response is an error the vendor documents: its body matches the vendor's envelope schema,
 * its code is in the catalog with the status it came with, and nothing else the normalizer
 * checks (request id form, rate-limit headers, Retry-After) is wrong. With `code`, it is that
 * code. A vendor whose API bodies carry no code (ClaimRev) passes on a documented status.
 */
export function documentedErrorOutcome(received: unknown, vendorId: unknown, code?: unknown): MatcherOutcome {
  if (!isVendorId(vendorId)) throw new UnknownVendorError(vendorId, vendorIds);
  if (code !== undefined && (typeof code !== 'string' || !findCatalogEntry(vendorId, code))) {
    throw new MatcherUsageError(
      `toBeDocumentedError: ${vendorId} documents no code ${JSON.stringify(code)}.${didYouMean(
        String(code),
        getVendor(vendorId).catalog.map((entry) => entry.code),
      )}`,
    );
  }
  const vendor = getVendor(vendorId);
  const normalized = toNormalized(received, vendorId, code);
  const expected =
    code === undefined ? `a documented ${vendor.name} error` : `${vendor.name}'s documented ${code} error`;
  const entry = code === undefined ? undefined : findCatalogEntry(vendorId, code);

  const wrong: string[] = [];
  if (normalized.vendor !== vendorId) wrong.push(`it was read as a ${normalized.vendor} error`);
  if (entry && normalized.code !== entry.code)
    wrong.push(`${describeCode(normalized.code)}, not ${entry.code}`);
  if (entry && normalized.status !== entry.status)
    wrong.push(`status ${normalized.status}, not ${entry.status}`);
  const codeless = vendor.policy.envelopes.find((reader) => reader.surface === 'api')?.code === undefined;
  if (code === undefined && !normalized.documented) {
    if (!codeless) wrong.push(`${describeCode(normalized.code)}, which the catalog does not list`);
    else if (!vendor.policy.statuses.some((rule) => rule.status === normalized.status))
      wrong.push(`status ${normalized.status}, which ${vendor.name} does not document`);
  }
  for (const problem of normalized.problems) {
    // Already said above, in the terms of the expectation.
    if (entry && (problem.kind === 'status_mismatch' || problem.kind === 'unknown_code')) continue;
    if (!entry && !codeless && problem.kind === 'unknown_code') continue;
    wrong.push(`${problem.message}${problem.path ? ` (${problem.path})` : ''}`);
  }
  const seen = `status ${normalized.status}, ${describeCode(normalized.code)}`;
  return {
    pass: wrong.length === 0,
    message: (isNot) =>
      isNot
        ? `expected the response not to be ${expected}, but it is (${seen})`
        : `expected the response to be ${expected}, but:\n${wrong.map((line) => `  - ${line}`).join('\n')}`,
    actual: { status: normalized.status, code: normalized.code },
    expected: entry ? { status: entry.status, code: entry.code } : undefined,
  };
}
