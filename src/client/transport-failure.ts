import { normalizeError } from '../normalize/normalize-error.js';
import type { NormalizedError } from '../normalize/types.js';
import type { VendorId } from '../vendors/registry.js';

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown failure';
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string'
    ? `${error.name}: ${error.message} (${code})`
    : `${error.name}: ${error.message}`;
}

/**
 * The normalized form of a call that got no response (reset, refused, timed out). No vendor
 * documents these, but each is the textbook transient failure: repeatable, by the same method
 * rules as a 5xx, so a write goes again only with its unchanged Idempotency-Key.
 */
export function transportFailure(
  vendorId: VendorId,
  error: unknown,
  scrub: (text: string) => string,
): NormalizedError {
  const base = normalizeError(vendorId, { status: 0 });
  const message = scrub(`no response: ${describe(error)}`);
  return {
    ...base,
    action: 'back_off_and_retry',
    retryable: true,
    message,
    problems: [{ kind: 'transport', message }],
  };
}
