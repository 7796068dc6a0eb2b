import { isSecretMember, scrubTextFor } from './scrub.js';
import { type SecretSearch, searchFor } from './secret-set.js';
import { fieldKey, REDACTED } from './vocabulary.js';

/** Deeper than this, a value is cut: a hostile body must not exhaust the stack. */
export const MAX_DEPTH = 32;
export const TRUNCATED = '[TRUNCATED]';

export interface JsonRedaction {
  secrets?: readonly string[];
  /** Extra member names to blank (PHI, say), compared through fieldKey; credential members always are. */
  fields?: ReadonlySet<string>;
}

/**
 * Sets a member as an own data property, even one named "__proto__" (which `=` would not). Only a
 * name Object.prototype also has needs defineProperty (the `__proto__` setter; a frozen prototype's
 * read-only members, which `=` cannot shadow): for the rest plain assignment does the same, and
 * defineProperty per member was the largest single cost of copying a response's headers.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in Object.prototype) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function fieldSet(names: readonly string[]): Set<string> {
  return new Set(names.map(fieldKey));
}

/**
 * The one JSON walker: a copy in which secret members (and `fields`) are blanked by name and every
 * decoded string is scrubbed, so a secret the wire spelt `\u002B` is found once decoded. Depth is
 * bounded, member names like "__proto__" stay plain own properties, bytes become a size.
 */
export function redactJson(value: unknown, options: JsonRedaction = {}, depth = 0): unknown {
  return walk(value, searchFor(options.secrets ?? []), options.fields, depth);
}

function walk(
  value: unknown,
  search: SecretSearch,
  fields: ReadonlySet<string> | undefined,
  depth: number,
): unknown {
  if (typeof value === 'string') return scrubTextFor(value, search);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (Array.isArray(value)) return value.map((item) => walk(item, search, fields, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    const blank = isSecretMember(key) || fields?.has(fieldKey(key)) === true;
    setOwn(result, scrubTextFor(key, search), blank ? REDACTED : walk(member, search, fields, depth + 1));
  }
  return result;
}

/**
 * Text that may be JSON, redacted: parsed, walked and re-serialised when it parses (keeping its
 * pretty-printing), then scrubbed as text either way, so a body cut short is still covered.
 */
export function redactJsonText(text: string, options: JsonRedaction = {}): string {
  const search = searchFor(options.secrets ?? []);
  let result = text;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[' || start === '"') {
    try {
      const parsed: unknown = JSON.parse(text);
      const indent = text.includes('\n') ? 2 : undefined;
      const redacted = JSON.stringify(walk(parsed, search, options.fields, 0), null, indent);
      // Unchanged content keeps its original spelling (key order, spacing) byte for byte.
      if (redacted !== JSON.stringify(parsed, null, indent)) result = redacted;
    } catch {
      // Not JSON (or cut short): the text scrubber below still applies.
    }
  }
  return scrubTextFor(result, search);
}
