import { getVendor, type VendorId, vendorIds } from '../../src/index.js';

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

function setPointer(target: unknown, pointer: string, value: unknown): void {
  const tokens = pointer.slice(1).split('/');
  const last = tokens.pop() as string;
  let current = target as Record<string, unknown>;
  for (const token of tokens) current = current[token] as Record<string, unknown>;
  current[last] = value;
}

/**
 * A body that conforms to the vendor's envelope and carries `code`: the first schema example
 * with the code written where the policy says codes live. Collate's `retryable` flag is set to the
 * catalog's answer so that the body does not contradict the code it carries.
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
