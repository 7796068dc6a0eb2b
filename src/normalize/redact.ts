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

/** Secrets shorter than this are not searched for in text: blanking every "a" helps no one. */
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 32;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** Blanks every known secret value; free when there are none, which keeps normalizing cheap. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && result.includes(secret)) {
      result = result.replaceAll(secret, REDACTED);
    }
  }
  return result;
}

/**
 * Blanks every known secret value and anything shaped like a bearer or basic credential. Log
 * lines and support bundles get this stronger treatment, since a token the client never saw
 * (one a proxy added, say) can still be recognised by its shape.
 */
export function scrubText(text: string, secrets: readonly string[]): string {
  return scrubSecrets(text, secrets).replace(BEARER, `$1 ${REDACTED}`);
}

/** Sets a member as an own data property, even one named "__proto__" (which `=` would not). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * A copy of a JSON-like value in which members named in `fields` are blanked and every string
 * is scrubbed of secrets. Depth is bounded so a hostile body cannot exhaust the stack.
 */
export function redactValue(
  value: unknown,
  fields: ReadonlySet<string>,
  secrets: readonly string[],
  depth = 0,
): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[TRUNCATED]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, fields, secrets, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    setOwn(
      result,
      key,
      fields.has(fieldKey(key)) ? REDACTED : redactValue(member, fields, secrets, depth + 1),
    );
  }
  return result;
}

export function fieldSet(names: readonly string[]): Set<string> {
  return new Set(names.map(fieldKey));
}
