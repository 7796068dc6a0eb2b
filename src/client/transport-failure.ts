import { normalizeError } from '../normalize/normalize-error.js';
import type { NormalizedError } from '../normalize/types.js';
import type { VendorId } from '../vendors/registry.js';

function field(value: unknown, name: string): string | null {
  const member =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  return typeof member === 'string' ? member : null;
}

/** "TypeError: fetch failed (ECONNRESET)": the error and, where fetch wraps it, the system code. */
function describe(error: unknown): string {
  const code = field(error, 'code') ?? field((error as { cause?: unknown } | null)?.cause, 'code');
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : (field(error, 'message') ?? 'unknown failure');
  return code === null ? text : `${text} (${code})`;
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
