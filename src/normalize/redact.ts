import { redactJson } from '../redaction/json.js';
import { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, fieldKey, REDACTED } from '../redaction/vocabulary.js';

export { CREDENTIAL_FIELDS, CREDENTIAL_HEADERS, fieldKey, REDACTED };

/**
 * Members that commonly hold protected health information in these APIs. Callers replace or extend
 * the list through the client's `phiFields` option; matching ignores case, `_` and `-`.
 */
export const DEFAULT_PHI_FIELDS: readonly string[] = [
  'ssn',
  'dateOfBirth',
  'dob',
  'birthDate',
  'patientName',
  'firstName',
  'lastName',
  'memberId',
  'subscriberId',
  'mrn',
  'address',
  'phone',
  'email',
];

/*
 * The normalizer's and client's names for the shared redaction code; src/redaction/ holds the rules.
 */
export { fieldSet, setOwn } from '../redaction/json.js';
export { scrubSecrets, scrubText } from '../redaction/scrub.js';

/** A copy of a JSON-like value with `fields` and credential members blanked and every string scrubbed. */
export function redactValue(
  value: unknown,
  fields: ReadonlySet<string>,
  secrets: readonly string[],
): unknown {
  return redactJson(value, { fields, secrets });
}
