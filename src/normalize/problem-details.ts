import type { ClientAction, ErrorCategory } from '../generated/meta-types.js';
import { findCatalogEntry, type VendorId } from '../vendors/registry.js';
import { reasonPhrase } from './reason-phrases.js';
import type { FieldError, NormalizedError } from './types.js';

export const PROBLEM_JSON_MEDIA_TYPE = 'application/problem+json';

/** Type URIs live under the package's schema namespace, one per vendor code. */
const TYPE_BASE = 'https://error-contracts.invalid/problems';

/** RFC 9457 problem details for a normalized error, with this package's extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  /** The vendor's status; 0 (no valid status) is left out, as RFC 9457 wants a real HTTP status. */
  status?: number;
  detail: string;
  instance?: string;
  vendor: VendorId;
  code: string | null;
  category: ErrorCategory;
  action: ClientAction;
  retryable: boolean;
  requestId: string | null;
  retryAfterMs: number | null;
  fieldErrors: FieldError[];
}

/**
 * Exports a NormalizedError as RFC 9457 problem details. A documented code gets its own type URI
 * and the catalog's description as title, which is the same for every occurrence as the RFC asks;
 * an error without a documented code is "about:blank" titled with the status phrase, as section
 * 4.2.1 prescribes. The request id becomes the `instance`, the one thing unique to the occurrence.
 */
export function toProblemDetails(normalized: NormalizedError): ProblemDetails {
  const entry = normalized.code === null ? undefined : findCatalogEntry(normalized.vendor, normalized.code);
  const statusPhrase = reasonPhrase(normalized.status) ?? 'Unknown Error';
  const problem: ProblemDetails = {
    type: entry ? `${TYPE_BASE}/${normalized.vendor}/${entry.code}` : 'about:blank',
    title: entry ? entry.description : statusPhrase,
    detail: normalized.message,
    vendor: normalized.vendor,
    code: normalized.code,
    category: normalized.category,
    action: normalized.action,
    retryable: normalized.retryable,
    requestId: normalized.requestId,
    retryAfterMs: normalized.retryAfterMs,
    fieldErrors: normalized.fieldErrors.map((error) => ({ ...error })),
  };
  if (normalized.status !== 0) problem.status = normalized.status;
  if (normalized.requestId !== null) {
    problem.instance = `urn:error-contracts:${normalized.vendor}:request:${encodeURIComponent(normalized.requestId)}`;
  }
  return problem;
}
