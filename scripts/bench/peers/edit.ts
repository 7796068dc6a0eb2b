type Json = Record<string, unknown>;

/** Passed as the value to `edit`, removes the member instead of replacing it. */
export const absent = Symbol('absent');

/**
 * A deep copy of `base` with the member at `path` replaced (or removed when `value` is `absent`),
 * so the bodies made from a schema's example never share or change it.
 */
export function edit(base: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  const copy = structuredClone(base) as Json;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Json;
  const last = path.at(-1) as string | number;
  if (value === absent) delete parent[last];
  else parent[last] = value;
  return copy;
}
