/** A pointer split into unescaped tokens once, so reading it costs no string work per call. */
export type PointerTokens = readonly string[];

export function parsePointer(pointer: string): PointerTokens {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Follows a pointer through own properties only: an inherited member such as `constructor` or a
 * `__proto__` key must never be mistaken for data, or reach Object.prototype.
 */
export function readPointer(value: unknown, tokens: PointerTokens): unknown {
  let current = value;
  for (const token of tokens) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.hasOwn(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    }
  }
  return current;
}

/**
 * Writes `value` at a pointer, creating plain objects on the way (an error body being shaped, a
 * contract body being given matchers). The root itself is never replaced.
 */
export function setAtPointer(target: unknown, pointer: string, value: unknown): void {
  setAtTokens(target, parsePointer(pointer), value);
}

/** setAtPointer with the pointer already parsed, for a writer that uses one pointer many times. */
export function setAtTokens(target: unknown, tokens: PointerTokens, value: unknown): void {
  const end = tokens.length - 1;
  const last = tokens[end];
  if (last === undefined || typeof target !== 'object' || target === null) return;
  let node = target as Record<string, unknown>;
  // An index walk rather than a slice: the simulator places a request id this way in every error.
  for (let at = 0; at < end; at++) {
    const token = tokens[at] as string;
    const next = node[token];
    if (typeof next !== 'object' || next === null) node[token] = {};
    node = node[token] as Record<string, unknown>;
  }
  node[last] = value;
}

/** The first member of `object`, in the order given, that holds a non-empty string. */
export function firstString(object: unknown, members: readonly string[]): string | null {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return null;
  for (const member of members) {
    if (!Object.hasOwn(object, member)) continue;
    const value = (object as Record<string, unknown>)[member];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
