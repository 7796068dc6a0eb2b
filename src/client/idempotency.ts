import type { HttpMethod, VendorPolicy } from '../generated/meta-types.js';
import type { NormalizedError } from '../normalize/types.js';

/** Whether the vendor honours an Idempotency-Key on this method, so the client should send one. */
export function sendsIdempotencyKey(policy: VendorPolicy, method: string): boolean {
  const { idempotency } = policy;
  return idempotency.supported && (idempotency.methods ?? []).includes(method as HttpMethod);
}

/** Whether the vendor said the key was already used for a different body: the one case for a new key. */
export function isKeyMismatch(policy: VendorPolicy, normalized: NormalizedError): boolean {
  const mismatch = policy.idempotency.mismatch;
  return mismatch !== undefined && normalized.status === mismatch.status && normalized.code === mismatch.code;
}
