import { getVendor, type VendorId, vendorIds } from '../../src/index.js';
import { parsePointer, readPointer } from '../../src/normalize/json-pointer.js';

/** The API envelope reader of a vendor, as its policy describes it. */
export function apiReader(vendorId: VendorId) {
  const reader = getVendor(vendorId).policy.envelopes.find((candidate) => candidate.surface === 'api');
  if (!reader) throw new Error(`${vendorId} has no api envelope reader`);
  return reader;
}

/** The schema's own examples: bodies the vendor documents as valid. */
export function envelopeExamples(vendorId: VendorId): unknown[] {
  const examples = getVendor(vendorId).schema.examples;
  return Array.isArray(examples) ? (structuredClone(examples) as unknown[]) : [];
}

/** Writes `value` at a pointer whose parent exists (an example body's member). */
function setPointer(target: unknown, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const parent = readPointer(target, tokens.slice(0, -1));
  const last = tokens.at(-1);
  if (typeof parent !== 'object' || parent === null || last === undefined)
    throw new Error(`nothing to write at ${pointer}`);
  (parent as Record<string, unknown>)[last] = value;
}

/**
 * A body that conforms to the vendor's envelope and carries `code`: the first schema example
 * with the code written where the policy says codes live. A retry flag the policy says the body
 * carries (Collate's `retryable`) is set to the catalog's answer, so the body does not contradict
 * the code it carries.
 */
export function envelopeWithCode(
  vendorId: VendorId,
  code: string,
  retryable?: boolean,
): Record<string, unknown> {
  const reader = apiReader(vendorId);
  const [example] = envelopeExamples(vendorId);
  if (reader.code === undefined || example === undefined) throw new Error(`${vendorId} has no code pointer`);
  const body = structuredClone(example) as Record<string, unknown>;
  setPointer(body, reader.code, code);
  const flag = getVendor(vendorId).policy.retry.bodyFlag;
  if (flag !== undefined && retryable !== undefined) setPointer(body, flag, retryable);
  return body;
}

/** Vendors whose envelope names a code, so that code-level rules apply. */
export const vendorsWithCodes = vendorIds.filter((id) => apiReader(id).code !== undefined);

/** A fixed clock for every test: 2026-03-31T12:00:00Z. */
export const FIXED_NOW = Date.UTC(2026, 2, 31, 12, 0, 0);
export const fixedNow = () => FIXED_NOW;
