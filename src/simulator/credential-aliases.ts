import type { SimRequest } from './types.js';

/**
 * Lets the simulator accept credentials it did not issue: every alias found in a header value or
 * the body is read as the test credential it stands for before the model sees the request. This
 * is how a sandbox-mode run is pointed at the simulator with sentinel secrets, to prove none of
 * them reaches a report. Aliases are matched as plain text, so they should be URL-safe
 * ([A-Za-z0-9_-]) to survive form encoding unchanged.
 */
export function applyCredentialAliases(
  request: SimRequest,
  aliases: ReadonlyMap<string, string>,
): SimRequest {
  const swap = (text: string) => {
    let out = text;
    for (const [alias, real] of aliases) if (out.includes(alias)) out = out.split(alias).join(real);
    return out;
  };
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, swap(value)]),
  );
  const text = new TextDecoder().decode(request.body);
  const swapped = swap(text);
  const body = swapped === text ? request.body : new TextEncoder().encode(swapped);
  // A declared length other than the body's is a deliberate test of size limits; keep it as sent.
  const declaredLength =
    request.declaredLength === request.body.length ? body.length : request.declaredLength;
  // The query and the abort signal stay the sent request's, still read only when asked for (a
  // transport may make them on first use, so they are not copied as values).
  return {
    method: request.method,
    path: request.path,
    get query() {
      return request.query;
    },
    headers,
    body,
    declaredLength,
    get signal() {
      return request.signal;
    },
  };
}
