import { UnknownEnvelopeError } from '../errors.js';
import type { EnvelopeTypes, VendorId } from '../vendors/registry.js';
import { getVendor } from '../vendors/registry.js';
import { decodeBody } from './body.js';
import type { CompiledValidator } from './compiled.js';
import { toIssues, type ValidationIssue } from './issues.js';

export type ValidationResult<T> = { valid: true; envelope: T } | { valid: false; errors: ValidationIssue[] };

export interface ValidateErrorOptions<E extends string = string> {
  /** Which of the vendor's envelopes to check against; the API envelope by default. */
  schema?: E;
}

/**
 * Checks an error body against a vendor's envelope schema. `body` may be parsed JSON, text or
 * bytes. Input that cannot be decoded or parsed gives `valid: false` with a message saying so,
 * never an exception; the only throws are for an unknown vendor or envelope name, which are
 * programming errors rather than bad input.
 */
export function validateError<
  V extends VendorId,
  E extends keyof EnvelopeTypes[V] & string = 'envelope' & keyof EnvelopeTypes[V],
>(vendorId: V, body: unknown, options: ValidateErrorOptions<E> = {}): ValidationResult<EnvelopeTypes[V][E]> {
  const vendor = getVendor(vendorId);
  const name = options.schema ?? 'envelope';
  const validators = vendor.validators as unknown as Record<string, CompiledValidator<EnvelopeTypes[V][E]>>;
  const validate = Object.hasOwn(validators, name) ? validators[name] : undefined;
  if (!validate) throw new UnknownEnvelopeError(vendorId, name, Object.keys(validators));

  const decoded = decodeBody(body);
  const candidate = decoded.kind === 'json' ? decoded.value : decoded.text;
  if (validate(candidate)) return { valid: true, envelope: candidate };
  // A body that is not JSON is still checked as text, since some schemas (ClaimRev's) accept any
  // body; when that fails too, the decoding problem is the useful message, not "must be object".
  if (decoded.kind === 'text') return { valid: false, errors: [{ path: '', message: decoded.reason }] };
  return { valid: false, errors: toIssues(validate.errors) };
}
