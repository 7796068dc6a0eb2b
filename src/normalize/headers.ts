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

const NO_NAMES: ReadonlySet<string> = new Set();
/** Up to this many kept headers, a name is looked up by comparing names (see ReadHeaders.get). */
const SCANNED_NAMES = 16;

/**
 * The headers as one object, `redacted`, plus the received value of each header whose redacted
 * value differs (a credential, a value holding a secret). Most responses have none of those, so
 * reading a header costs one object and no second copy of every header.
 */
class ReadHeaders implements HeaderReadResult, HeaderLookup {
  redacted: Record<string, string> = {};
  problem: Problem | null = null;
  private hidden: Map<string, string> | null = null;
  /** The names of a plain copy kept whole (see plainCopy), which are exactly its own keys. */
  private keptNames: readonly string[] | null = null;

  get headers(): HeaderLookup {
    return this;
  }

  /** Keeps a plain copy as the redacted headers; `names` are its keys, in Object.keys order. */
  keep(kept: Record<string, string>, names: readonly string[]): void {
    this.redacted = kept;
    this.keptNames = names;
  }

  get(name: string): string | undefined {
    const keptNames = this.keptNames;
    if (keptNames !== null && keptNames.length <= SCANNED_NAMES) {
      // A kept copy has no hidden values and its own keys are these names: comparing a few names
      // settles an absent one, which a lookup by name on the object does more slowly (most names
      // asked for are absent), and a name found is read as the own member it is.
      for (let index = 0; index < keptNames.length; index++)
        if (keptNames[index] === name) return this.redacted[name];
      return undefined;
    }
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
    this.keptNames = null;
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
 * The headers as `add` would store them, when that is a plain copy, as it is for what Node's http
 * and most callers hand over: every name lower-case, every value one string, no credential
 * header. `add` would then store each value unchanged under its own name (nothing to join, blank or
 * scrub, with no secrets given), as an own data property (`setOwn`, even for "__proto__"), in
 * Object.keys order and without symbol-keyed members; so does this copy, which costs a store per
 * header instead of a lookup, a join and a redaction. Null when any header needs `add`.
 * `plainNames` are names known to be lower-case, not sensitive and not on Object.prototype (see
 * common-header-names.ts): one set lookup settles those. Copying headers one by one was the
 * largest cost of normalizing a small error; test/normalize/headers-fast-path.test.ts holds the
 * two paths equal.
 */
function plainCopy(
  copy: Record<string, unknown>,
  names: readonly string[],
  sensitive: ReadonlySet<string>,
  plainNames: ReadonlySet<string>,
): Record<string, string> | null {
  const kept: Record<string, string> = {};
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const value = copy[name];
    if (typeof value !== 'string') return null;
    if (plainNames.has(name)) {
      kept[name] = value;
    } else {
      if (name.toLowerCase() !== name || sensitive.has(name)) return null;
      setOwn(kept, name, value);
    }
  }
  return kept;
}

function addEach(
  result: ReadHeaders,
  record: Record<string, unknown>,
  names: readonly string[],
  sensitive: ReadonlySet<string>,
  secrets: readonly string[],
): void {
  for (const name of names) {
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
  addEach(result, record, Object.keys(record), sensitive, secrets);
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
  plainNames: ReadonlySet<string> = NO_NAMES,
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
      const names = Object.keys(copy);
      const kept = secrets.length === 0 ? plainCopy(copy, names, sensitive, plainNames) : null;
      if (kept !== null) result.keep(kept, names);
      else addEach(result, copy, names, sensitive, secrets);
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
