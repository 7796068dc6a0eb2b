import type { HeadersInput, Problem } from './types.js';

export interface HeaderReadResult {
  /** Lower-cased names; repeated values joined with ", " as RFC 9110 section 5.3 allows. */
  headers: Map<string, string>;
  problem: Problem | null;
}

function isHeadersInstance(value: unknown): value is Headers {
  return typeof Headers !== 'undefined' && value instanceof Headers;
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
 * Reads a `Headers` instance or a plain object into one case-insensitive map. Anything else
 * (an array, a number, a proxy that throws) gives an empty map and a problem, never an exception.
 */
export function readHeaders(input: HeadersInput | unknown): HeaderReadResult {
  const headers = new Map<string, string>();
  if (input === undefined || input === null) return { headers, problem: null };
  try {
    if (isHeadersInstance(input)) {
      for (const [name, value] of input) headers.set(name, value);
      return { headers, problem: null };
    }
    if (typeof input !== 'object' || Array.isArray(input)) {
      return { headers, problem: { kind: 'invalid_headers', message: 'headers are not an object' } };
    }
    for (const name of Object.keys(input)) {
      const value = headerValue((input as Record<string, unknown>)[name]);
      if (value === null) continue;
      const key = name.toLowerCase();
      const previous = headers.get(key);
      headers.set(key, previous === undefined ? value : `${previous}, ${value}`);
    }
    return { headers, problem: null };
  } catch (error) {
    headers.clear();
    return {
      headers,
      problem: { kind: 'invalid_headers', message: `headers could not be read (${describe(error)})` },
    };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown failure';
}
