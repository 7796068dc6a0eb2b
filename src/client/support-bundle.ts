import type { VendorPolicy } from '../generated/meta-types.js';
import type { NormalizedError } from '../normalize/types.js';
import type { VendorId } from '../vendors/registry.js';

/**
 * What the vendors ask for when a problem is escalated: the call (method, path, sanitized body),
 * the answer (status, body, request id) and when it happened. Everything here is redacted already,
 * so it can be attached to a ticket as it is.
 */
export interface SupportBundle {
  vendor: VendorId;
  /** Where the vendor takes support requests, and what it says a request should include. */
  channel: string;
  include: VendorPolicy['support']['include'];
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  responseBody: string;
  requestId: string | null;
  code: string | null;
  /** ISO 8601 in UTC, from the client's clock. */
  timestamp: string;
  attempts: number;
  idempotencyKey: string | null;
}

export interface SupportBundleInput {
  policy: VendorPolicy;
  method: string;
  path: string;
  requestBody: unknown;
  normalized: NormalizedError;
  nowMs: number;
  attempts: number;
  idempotencyKey: string | null;
}

export function buildSupportBundle(input: SupportBundleInput): SupportBundle {
  const { normalized, policy } = input;
  return {
    vendor: normalized.vendor,
    channel: policy.support.channel,
    include: [...policy.support.include],
    method: input.method,
    path: input.path,
    requestBody: input.requestBody,
    status: normalized.status,
    responseBody: normalized.raw.body,
    requestId: normalized.requestId,
    code: normalized.code,
    timestamp: new Date(input.nowMs).toISOString(),
    attempts: input.attempts,
    idempotencyKey: input.idempotencyKey,
  };
}
