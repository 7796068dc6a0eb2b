import { getVendor, type VendorId } from '../../src/index.js';
import { atPointer, codeOf as codeInBody } from '../helpers/envelope-readers.js';
import type { Answer } from './call.js';

/** The body as JSON, or undefined when it is not JSON. */
export function bodyOf(answer: Answer): unknown {
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

const at = (body: unknown, pointer: string | undefined) =>
  pointer === undefined ? undefined : atPointer(body, pointer);

/** The code an answer names, where the vendor's policy says each of its envelopes keeps it. */
export function codeOf(vendorId: VendorId, answer: Answer): string | undefined {
  return codeInBody(vendorId, bodyOf(answer));
}

/**
 * The request id where the vendor's policy promises it (`requestId.pointer`); a vendor that
 * promises none has none to read, whatever else its bodies carry.
 */
export function requestIdOf(vendorId: VendorId, answer: Answer): string | undefined {
  const id = at(bodyOf(answer), getVendor(vendorId).policy.requestId.pointer);
  return typeof id === 'string' ? id : undefined;
}

/** Headers whose presence is part of a documented answer. */
const WATCHED = ['retry-after', 'x-ratelimit-reset', 'idempotent-replayed'];

/** What a case's answer is judged by, ids left out, so two runs of one case can be compared. */
export function signatureOf(vendorId: VendorId, answer: Answer): string {
  return JSON.stringify({
    status: answer.status,
    code: codeOf(vendorId, answer) ?? null,
    requestId: requestIdOf(vendorId, answer) !== undefined,
    headers: WATCHED.filter((name) => answer.headers[name] !== undefined),
    fieldDetails: hasFieldDetails(vendorId, answer),
    expiresIn: (bodyOf(answer) as { expires_in?: unknown } | undefined)?.expires_in ?? null,
  });
}

/**
 * Whether an error names fields at fault at a place the vendor's policy reads field errors from:
 * a non-empty list or map, or a non-empty string.
 */
function hasFieldDetails(vendorId: VendorId, answer: Answer): boolean {
  const body = bodyOf(answer);
  return getVendor(vendorId).policy.envelopes.some((envelope) =>
    envelope.fieldErrors.some((reader) => {
      const value = 'pointer' in reader ? at(body, reader.pointer) : undefined;
      if (Array.isArray(value)) return value.length > 0;
      if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
      return typeof value === 'string' && value !== '';
    }),
  );
}
