import type { HeadersLike } from '../http-types.js';
import { setOwn } from '../redaction/json.js';
import { scrubSecrets } from '../redaction/scrub.js';
import { REDACTED } from '../redaction/vocabulary.js';
import type { HeadersInput, Problem } from './types.js';

export interface HeaderReadResult {
  /** Lower-cased names; repeated values joined with ", " as RFC 9110 section 5.3 allows. */
  headers: Map<string, string>;
  /** The same headers for `raw.headers`: credential headers blanked, known secrets scrubbed. */
  redacted: Record<string, string>;
  problem: Problem | null;
}

/** A fetch Headers object, or anything shaped like one (undici's, a polyfill's, a test double). */
function isHeadersLike(value: unknown): value is HeadersLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HeadersLike).get === 'function' &&
    typeof (value as HeadersLike).forEach === 'function'
  );
}

function headerValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string');
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return null;
}

function addHeader(
  result: HeaderReadResult,
  name: string,
  value: string,
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): void {
  const key = name.toLowerCase();
  const previous = result.headers.get(key);
  const joined = previous === undefined ? value : `${previous}, ${value}`;
  result.headers.set(key, joined);
  setOwn(result.redacted, key, sensitive.has(key) ? REDACTED : scrubSecrets(joined, secrets));
}

/**
 * Reads a `Headers` instance or a plain object into one case-insensitive map and, in the same
 * pass, the redacted copy the normalized error keeps (one pass because this runs on every error).
 * Anything else (an array, a number, a proxy that throws) gives empty headers and a problem,
 * never an exception.
 */
export function readHeaders(
  input: HeadersInput | unknown,
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): HeaderReadResult {
  const headers = new Map<string, string>();
  const result: HeaderReadResult = { headers, redacted: {}, problem: null };
  if (input === undefined || input === null) return result;
  try {
    if (isHeadersLike(input)) {
      input.forEach((value, name) => {
        addHeader(result, name, value, sensitive, secrets);
      });
    } else if (typeof input !== 'object' || Array.isArray(input)) {
      result.problem = { kind: 'invalid_headers', message: 'headers are not an object' };
    } else {
      for (const name of Object.keys(input)) {
        const value = headerValue((input as Record<string, unknown>)[name]);
        if (value !== null) addHeader(result, name, value, sensitive, secrets);
      }
    }
  } catch (error) {
    headers.clear();
    result.redacted = {};
    result.problem = { kind: 'invalid_headers', message: `headers could not be read (${describe(error)})` };
  }
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown failure';
}
