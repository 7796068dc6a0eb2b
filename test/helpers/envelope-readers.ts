import type { VendorId } from '../../src/index.js';
import { getVendor } from '../../src/index.js';
import { parsePointer, readPointer } from '../../src/normalize/json-pointer.js';

/** Reads a JSON Pointer out of a parsed body. */
export function atPointer(value: unknown, pointer: string): unknown {
  return readPointer(value, parsePointer(pointer));
}

/**
 * The code a vendor's body names, read at the code pointer of each envelope its policy describes
 * (an API error, a token endpoint error), the first string found. Tests read it from the policy
 * directly rather than through normalizeError, the code under test.
 */
export function codeOf(vendorId: VendorId, body: unknown): string | undefined {
  for (const { code } of getVendor(vendorId).policy.envelopes) {
    const found = code === undefined ? undefined : atPointer(body, code);
    if (typeof found === 'string') return found;
  }
  return undefined;
}
