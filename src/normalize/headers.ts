import type { HeadersLike } from '../http-types.js';
import { setOwn } from '../redaction/json.js';
import { scrubSecrets } from '../redaction/scrub.js';
import { REDACTED } from '../redaction/vocabulary.js';
import type { HeadersInput, Problem } from './types.js';

/** Reads a header by its lower-case name, as received (not redacted). */
export interface HeaderLookup {
  get(name: string): string | undefined;
}

export interface HeaderReadResult {
  /** Lower-cased names; repeated values joined with ", " as RFC 9110 section 5.3 allows. */
  headers: HeaderLookup;
  /** The same headers for `raw.headers`: credential headers blanked, known secrets scrubbed. */
  redacted: Record<string, string>;
  problem: Problem | null;
}

/**
 * The headers as one object, `redacted`, plus the received value of each header whose redacted
 * value differs (a credential, a value holding a secret). Most responses have none of those, so
 * reading a header costs one object and no second copy of every header.
 */
class ReadHeaders implements HeaderReadResult, HeaderLookup {
  redacted: Record<string, string> = {};
  problem: Problem | null = null;
  private hidden: Map<string, string> | null = null;

  get headers(): HeaderLookup {
    return this;
  }

  get(name: string): string | undefined {
    if (this.hidden !== null) {
      const hidden = this.hidden.get(name);
      if (hidden !== undefined) return hidden;
    }
    // Most names asked for are absent: one lookup settles those, and only a value found is checked
    // to be the object's own rather than one an altered Object.prototype lends it.
    const value = this.redacted[name];
    return value !== undefined && Object.hasOwn(this.redacted, name) ? value : undefined;
  }

  add(name: string, value: string, sensitive: ReadonlySet<string>, secrets: readonly string[]): void {
    const key = name.toLowerCase();
    const previous = this.get(key);
    const joined = previous === undefined ? value : `${previous}, ${value}`;
    const shown = sensitive.has(key) ? REDACTED : scrubSecrets(joined, secrets);
    setOwn(this.redacted, key, shown);
    if (shown !== joined) {
      this.hidden ??= new Map();
      this.hidden.set(key, joined);
    } else {
      this.hidden?.delete(key);
    }
  }

  clear(): void {
    this.redacted = {};
    this.hidden = null;
  }
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

/**
 * Whether a plain copy of the headers already is what `add` would build from them, as it is for
 * what Node's http and most callers hand over: every name lower-case, every value one string, no
 * credential header, no symbol-keyed member (which `add` never sees). `add` would then store each
 * value unchanged under its own name (nothing to join, blank or scrub, with no secrets given),
 * and the spread that made the copy defines each member as an own data property, as `setOwn`
 * does, even one named "__proto__". Copying headers one by one was the largest cost of
 * normalizing a small error; test/normalize/headers-fast-path.test.ts holds the two paths equal.
 */
function isKeptAsIs(copy: Record<string, unknown>, sensitive: ReadonlySet<string>): boolean {
  for (const name in copy) {
    if (!Object.hasOwn(copy, name)) return false;
    if (typeof copy[name] !== 'string' || name.toLowerCase() !== name || sensitive.has(name)) return false;
  }
  return Object.getOwnPropertySymbols(copy).length === 0;
}

function addEach(
  result: ReadHeaders,
  record: Record<string, unknown>,
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): void {
  for (const name of Object.keys(record)) {
    const value = headerValue(record[name]);
    if (value !== null) result.add(name, value, sensitive, secrets);
  }
}

/**
 * A plain object of headers read one member at a time: the general path, which the fast path in
 * readHeaders must equal wherever it applies (exported for the test that holds them equal).
 */
export function readHeadersOneByOne(
  record: Record<string, unknown>,
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): HeaderReadResult {
  const result = new ReadHeaders();
  addEach(result, record, sensitive, secrets);
  return result;
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
  const result = new ReadHeaders();
  if (input === undefined || input === null) return result;
  try {
    if (isHeadersLike(input)) {
      input.forEach((value, name) => {
        result.add(name, value, sensitive, secrets);
      });
    } else if (typeof input !== 'object' || Array.isArray(input)) {
      result.problem = { kind: 'invalid_headers', message: 'headers are not an object' };
    } else {
      // One read of each header, whichever path follows: a getter is not asked twice.
      const copy: Record<string, unknown> = { ...input };
      if (secrets.length === 0 && isKeptAsIs(copy, sensitive)) {
        result.redacted = copy as Record<string, string>;
      } else {
        addEach(result, copy, sensitive, secrets);
      }
    }
  } catch (error) {
    result.clear();
    result.problem = { kind: 'invalid_headers', message: `headers could not be read (${describe(error)})` };
  }
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown failure';
}
